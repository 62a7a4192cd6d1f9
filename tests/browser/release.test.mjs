// The release as people get it: the npm package installed into an empty folder and served at a
// CDN's versioned path, the snippets of its release notes, and one `integrity=` that pins every
// byte: a file changed by one letter on the widget's host is refused, and its page keeps the
// questions as plain text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  PAGE_ORIGIN,
  WIDGET_ORIGIN,
  checkboxes,
  fixtureHtml,
  launch,
  serveFixture,
  waitAllMounted,
  waitFor,
  watch,
} from './helpers.mjs';

const VERSION = process.env.RELEASE_VERSION;
const RELEASE_DIR = process.env.RELEASE_DIR;
const MINOR = VERSION?.split('.').slice(0, 2).join('.');
/** Where the installed npm package is served, as a public npm CDN serves it. */
const CDN = `${WIDGET_ORIGIN}npm/thing-prompts@`;

let browser;

before(async () => {
  assert.ok(VERSION && RELEASE_DIR, 'cargo xtask test names the release (RELEASE_VERSION, RELEASE_DIR)');
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

async function withContext(body) {
  const context = await browser.newContext();
  try {
    return await body(context);
  } finally {
    await context.close();
  }
}

/** The snippets of RELEASE-NOTES.md, with the CDN's host made this test's. */
async function releaseSnippets() {
  const notes = await readFile(join(RELEASE_DIR, 'RELEASE-NOTES.md'), 'utf8');
  const scripts = [...notes.matchAll(/<script src="https:\/\/cdn\.jsdelivr\.net\/npm\/thing-prompts@([^/]+)\/thing-prompts\.js"([^>]*)><\/script>/g)];
  return { notes, scripts: scripts.map((m) => ({ version: m[1], attributes: m[2].replace(/\s+/g, ' ') })) };
}

const PLACEHOLDER = '<div class="thing-prompts" data-programme="cpd23-2012" data-thing="12"><p>Static Thing 12</p></div>';

function pageWith(placeholders, scriptTag) {
  return fixtureHtml(placeholders).replace(/<script src="[^"]+" async><\/script>/, scriptTag);
}

test('the npm package, installed into an empty folder and served at thing-prompts@<version>/, mounts with the pinned snippet of the release notes', async () => {
  const { notes, scripts } = await releaseSnippets();
  assert.equal(scripts.length, 2, notes);
  const [pinned, moving] = scripts;
  assert.equal(pinned.version, VERSION);
  assert.match(pinned.attributes, /integrity="sha384-[A-Za-z0-9+/]{64}" crossorigin="anonymous" async/);
  assert.equal(moving.version, MINOR, 'the moving snippet follows the minor version');
  assert.doesNotMatch(moving.attributes, /integrity/, 'no integrity on the moving address');
  assert.match(notes, new RegExp(`^# Thing Prompts ${VERSION.replaceAll('.', '\\.')}$`, 'm'));
  const sums = await readFile(join(RELEASE_DIR, 'SHA256SUMS'), 'utf8');
  for (const file of [`thing-prompts-${VERSION}.tgz`, `thing-prompts-wordpress-${VERSION}.zip`, `thing-prompts-site-${VERSION}.zip`]) {
    assert.match(sums, new RegExp(`^[0-9a-f]{64}  ${file.replaceAll('.', '\\.')}$`, 'm'), file);
    assert.ok(notes.includes(file), `the notes list ${file}`);
  }

  await withContext(async (context) => {
    const url = await serveFixture(
      context,
      'release-pinned',
      pageWith(PLACEHOLDER, `<script src="${CDN}${VERSION}/thing-prompts.js"${pinned.attributes}></script>`),
    );
    const page = await context.newPage();
    const log = watch(page);
    await page.goto(url);
    await waitAllMounted(page, 1);
    assert.equal(await checkboxes(page, 0).count(), 5);
    await checkboxes(page, 0).nth(0).check();
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.widgetWarnings(), []);
    const widgetRequests = log.requestsMatching((u) => u.origin === new URL(WIDGET_ORIGIN).origin);
    assert.ok(widgetRequests.length >= 4, widgetRequests.join('\n'));
    for (const request of widgetRequests) {
      assert.ok(request.startsWith(`${CDN}${VERSION}/`), `every file from the package's own folder: ${request}`);
    }
  });
});

test('the moving address (thing-prompts@<minor>/) loads its files from the exact release the loader belongs to', async () => {
  await withContext(async (context) => {
    const url = await serveFixture(
      context,
      'release-moving',
      pageWith(PLACEHOLDER, `<script src="${CDN}${MINOR}/thing-prompts.js" async></script>`),
    );
    const page = await context.newPage();
    const log = watch(page);
    await page.goto(url);
    await waitAllMounted(page, 1);
    const files = log
      .requestsMatching((u) => u.origin === new URL(WIDGET_ORIGIN).origin)
      .filter((request) => !request.startsWith(`${CDN}${MINOR}/thing-prompts.js`));
    assert.ok(files.length >= 3, files.join('\n'));
    for (const request of files) {
      assert.ok(request.startsWith(`${CDN}${VERSION}/`), `a file of the loader's own release, which never changes: ${request}`);
    }
    assert.deepEqual(log.pageErrors, []);
  });
});

/** Changes one letter inside the first string in `text` that `pattern` finds: the file stays valid. */
function oneLetterChanged(bytes, pattern) {
  const text = Buffer.from(bytes).toString('latin1');
  const match = pattern.exec(text);
  assert.ok(match, `found ${pattern} to change`);
  const at = match.index + match[0].length - 1;
  const letter = text[at];
  const changed = letter === letter.toUpperCase() ? letter.toLowerCase() : letter.toUpperCase();
  assert.notEqual(changed, letter);
  const out = Buffer.from(bytes);
  out[at] = changed.charCodeAt(0);
  return out;
}

/**
 * Serves `file` of the widget's host with one letter changed (through the context's routing, so
 * the browser sees it as the host's answer), opens a page of `placeholders` and returns what
 * happened.
 */
async function tampered(file, pattern, placeholders) {
  return withContext(async (context) => {
    let served = 0;
    await context.route((url) => url.origin === new URL(WIDGET_ORIGIN).origin && url.pathname === `/${file}`, async (route) => {
      const response = await route.fetch();
      const body = oneLetterChanged(await response.body(), pattern);
      served++;
      await route.fulfill({ response, body });
    });
    const url = await serveFixture(context, `tampered-${file.replace(/[^a-z0-9]/gi, '-')}`, fixtureHtml(placeholders));
    const page = await context.newPage();
    const log = watch(page);
    await page.goto(url);
    await waitFor(() => log.widgetWarnings().length > 0, { timeout: 10_000 }).catch(() => {});
    // Anything else the page would do has had its chance.
    await page.waitForTimeout(300);
    const state = await page.evaluate(() =>
      [...document.querySelectorAll('.thing-prompts')].map((node) => ({
        shadow: !!node.shadowRoot && !!node.shadowRoot.querySelector('input[type=checkbox]'),
        text: node.textContent.trim(),
        visible: !!node.getClientRects().length,
      })),
    );
    return { served, log, state };
  });
}

const TAMPERED = [
  { file: 'thing-prompts-wasm_bg.wasm', what: 'the lite WebAssembly', pattern: /answered/, placeholders: PLACEHOLDER },
  { file: 'thing-prompts-wasm.js', what: 'the lite glue', pattern: /"[a-z]{5,}/, placeholders: PLACEHOLDER },
  { file: 'programmes/cpd23-2012/12.json', what: "Thing 12's own file", pattern: /"title":"[A-Za-z ]{3}/, placeholders: PLACEHOLDER },
  {
    file: 'programmes/cpd23-2012.json',
    what: "the programme's whole file",
    pattern: /"title":"[A-Za-z ]{3}/,
    // Two Things on one page: the whole file is fetched.
    placeholders: `${PLACEHOLDER}\n<div class="thing-prompts" data-programme="cpd23-2012" data-thing="11"><p>Static Thing 11</p></div>`,
  },
];

for (const { file, what, pattern, placeholders } of TAMPERED) {
  test(`${what} changed by one letter on the host is refused: the questions stay as text, one warning names ${file}`, async () => {
    const { served, log, state } = await tampered(file, pattern, placeholders);
    assert.equal(served >= 1, true, `${file} was asked for and served changed`);
    for (const widget of state) {
      assert.equal(widget.shadow, false, 'no checklist from a refused file');
      assert.equal(widget.visible, true, 'the placeholder still shows');
      assert.match(widget.text, /^Static Thing/, 'its own text');
    }
    const named = log.widgetWarnings().filter((m) => m.text.includes(file));
    assert.equal(named.length, 1, JSON.stringify(log.widgetWarnings()));
    assert.match(named[0].text, /refused/);
    assert.deepEqual(log.pageErrors, [], 'nothing uncaught');
  });
}

test('the untouched release, seen through the same routing, mounts (the refusals above are the changed letter)', async () => {
  await withContext(async (context) => {
    let passed = 0;
    await context.route((url) => url.origin === new URL(WIDGET_ORIGIN).origin, async (route) => {
      passed++;
      await route.fulfill({ response: await route.fetch() });
    });
    const url = await serveFixture(context, 'untampered', fixtureHtml(TAMPERED.at(-1).placeholders));
    const page = await context.newPage();
    const log = watch(page);
    await page.goto(url);
    await waitAllMounted(page, 2);
    assert.ok(passed >= 4);
    assert.deepEqual(log.widgetWarnings(), []);
    assert.deepEqual(log.pageErrors, []);
  });
});

/** Serves `folder` on a loopback port of its own, as a library's web space would serve the site zip. */
async function serveFolder(folder) {
  const { createServer } = await import('node:http');
  const types = { html: 'text/html; charset=utf-8', js: 'text/javascript', css: 'text/css', json: 'application/json', wasm: 'application/wasm' };
  const server = createServer(async (request, response) => {
    let path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    if (path.endsWith('/')) path += 'index.html';
    if (path.split('/').includes('..')) return response.writeHead(404).end();
    try {
      const body = await readFile(join(folder, path));
      response.writeHead(200, { 'Content-Type': types[path.split('.').pop()] || 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${server.address().port}/` };
}

test('the site zip, unpacked into a web space, serves the configurator as its landing page (its snippet names that site) and the demo blog', async () => {
  const { execFileSync } = await import('node:child_process');
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const folder = mkdtempSync(join(tmpdir(), 'thing-prompts-site-'));
  execFileSync('python3', ['-m', 'zipfile', '-e', join(RELEASE_DIR, `thing-prompts-site-${VERSION}.zip`), folder]);
  const { server, origin } = await serveFolder(folder);
  try {
    await withContext(async (context) => {
      const page = await context.newPage();
      const log = watch(page);
      await page.goto(origin);
      const snippet = page.locator('#snippet');
      await snippet.waitFor({ timeout: 15_000 });
      let text = '';
      await waitFor(async () => (text = await snippet.inputValue()).includes('thing-prompts.js'), { timeout: 15_000 });
      assert.ok(text.includes(`src="${origin}thing-prompts.js"`), `the snippet names the site's own loader: ${text}`);
      assert.deepEqual(log.pageErrors, []);

      const demo = await context.newPage();
      const demoLog = watch(demo);
      await demo.goto(`${origin}demo/blogger-post.html`);
      await waitAllMounted(demo, 2);
      assert.deepEqual(demoLog.pageErrors, []);
      assert.deepEqual(demoLog.widgetWarnings(), []);
      await demo.goto(`${origin}demo/organiser-sidebar.html`);
      await waitAllMounted(demo, 3);
      assert.deepEqual(demoLog.widgetWarnings(), []);
    });
  } finally {
    server.close();
    rmSync(folder, { recursive: true, force: true });
  }
});
