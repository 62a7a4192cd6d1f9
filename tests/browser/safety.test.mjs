// Safe to paste into anyone's blog: content is text, the host page is never harmed, and a
// release is what its integrity hash and build token say it is.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import {
  PAGE_ORIGIN,
  WARN_PREFIX,
  WIDGET_ORIGIN,
  checkboxes,
  fixtureHtml,
  launch,
  serveFixture,
  statusLine,
  waitAllMounted,
  waitFor,
  watch,
  widget,
} from './helpers.mjs';

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

async function withContext(options, body) {
  const context = await browser.newContext(options);
  try {
    return await body(context);
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Content is text

/** Markup that runs script when anything parses it as HTML (each sets window.__pwned). */
const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=1</script>';
const BREAKOUT = '"><img src=x onerror=window.__pwned=1>';
const DETAILS = '<details/open/ontoggle=window.__pwned=1>';
const PAYLOADS = [IMG, SCRIPT, BREAKOUT, DETAILS];

/** Text as it must be written in HTML to be shown literally (in content or in an attribute). */
function escapeHtml(text) {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

const HOSTILE_PAGE = fixtureHtml(
  `<h1>A post whose placeholders are full of markup</h1>
<div class="thing-prompts"
     data-label-answered="${escapeHtml(IMG)} {done}/{total}"
     data-label-clear="${escapeHtml(SCRIPT)}"
     data-label-backup="${escapeHtml(BREAKOUT)}"
     data-label-restored="${escapeHtml(DETAILS)}"
     data-label-paste-code="${escapeHtml(IMG)}">
  <p>${escapeHtml(DETAILS)} my questions</p>
  <ol>${PAYLOADS.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ol>
</div>
<div class="thing-prompts" data-programme="cpd23-2012" data-thing="${escapeHtml(BREAKOUT)}"><p>Fallback: bad Thing</p></div>
<div class="thing-prompts" data-programme="${escapeHtml(BREAKOUT)}"><p>Fallback: unknown programme</p></div>
<div class="thing-prompts" data-programme="${escapeHtml(IMG)}"><p>Fallback: bad id</p><ol><li>A question</li></ol></div>
<div class="thing-prompts" data-programme="cpd23-2011" data-thing="12" data-lang="${escapeHtml(IMG)}" data-theme="${escapeHtml(SCRIPT)}"><p>Fallback: 2011</p></div>`,
  { title: 'Hostile content' },
);

test('the payloads are live: parsed as HTML, each one runs its script', async () => {
  await withContext({}, async (context) => {
    const url = await serveFixture(context, 'live-payloads', '<!doctype html><title>Live</title><body></body>');
    const page = await context.newPage();
    for (const payload of PAYLOADS) {
      await page.goto(url);
      await page.evaluate((html) => document.body.append(document.createRange().createContextualFragment(html)), payload);
      const ran = await waitFor(() => page.evaluate(() => window.__pwned === 1), { timeout: 2000 });
      assert.ok(ran, `${payload} runs when parsed as HTML`);
    }
  });
});

test('markup in questions, headings, attributes, labels, storage and backups is shown as text and never runs', async () => {
  await withContext({}, async (context) => {
    // Storage first, from a page of the same origin without the widget.
    const blank = await serveFixture(context, 'blank', '<!doctype html><title>Blank</title><body></body>');
    const page = await context.newPage();
    const log = watch(page);
    await page.goto(blank);
    await page.evaluate(
      ({ IMG, SCRIPT, DETAILS }) => {
        localStorage.setItem(
          'thing-prompts:v1:~inline',
          JSON.stringify({
            version: 1,
            things: {
              '': { [`~${IMG}`]: { done: true, at: 1 }, [DETAILS]: { done: false, at: 2 } },
              [SCRIPT]: { [`~${SCRIPT}`]: { done: true, at: 3 } },
            },
          }),
        );
        localStorage.setItem('thing-prompts:v1:cpd23-2011', IMG);
      },
      { IMG, SCRIPT, DETAILS },
    );

    const url = await serveFixture(context, 'hostile', HOSTILE_PAGE);
    await page.goto(url);
    await waitAllMounted(page, 5);

    // Questions and heading, exactly as written.
    assert.deepEqual(await widget(page, 0).locator('ul.prompts li .text').allTextContents(), PAYLOADS);
    assert.match(await widget(page, 0).locator('.title').textContent(), new RegExp(`^\\s*${escapeRegExp(DETAILS)} my questions\\s*$`));

    // Error messages quote the attribute as text.
    const notice = (n) => widget(page, n).locator('.tp.error').textContent();
    assert.ok((await notice(1)).includes(`data-thing="${BREAKOUT}"`), await notice(1));
    assert.ok((await notice(2)).includes(`"${BREAKOUT}"`), await notice(2));
    assert.ok((await notice(3)).includes(`data-programme="${IMG}"`), await notice(3));

    // Labels from data-label-*: text too.
    await checkboxes(page, 0).nth(0).check();
    assert.equal((await statusLine(page, 0).textContent()).trim(), `${IMG} 1/4`);
    assert.equal((await widget(page, 0).getByRole('button', { name: SCRIPT }).textContent()).trim(), SCRIPT);
    const backupToggle = widget(page, 0).getByRole('button', { name: BREAKOUT });
    await backupToggle.click();
    const panel = widget(page, 0).locator('.backup');
    assert.ok((await panel.textContent()).includes(IMG), 'the paste-code label, as text');

    // Backup codes and files pasted in: damaged ones and one that restores ticks under hostile keys.
    await panel.getByRole('button', { name: 'Copy backup code' }).click();
    for (const code of [`TP1 ${DETAILS}`, `TP1 cpd23-2012 12:${IMG}`, SCRIPT, IMG]) {
      await panel.locator('textarea.paste').fill(code);
      await panel.getByRole('button', { name: 'Restore code' }).click();
      await panel.locator('.outcome.failed').waitFor();
    }
    await panel.locator('input[type=file]').setInputFiles({
      name: 'backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({
          thingPromptsBackup: 1,
          course: 'cpd23-2012',
          progress: { version: 1, things: { [DETAILS]: { [`~${IMG}`]: { done: true, at: 5 } } } },
        }),
      ),
    });
    await waitFor(async () => (await panel.locator('.outcome').textContent()).includes(DETAILS), { timeout: 2000 });
    assert.equal((await panel.locator('.outcome').textContent()).trim(), DETAILS, 'the restored label, as text');
    await panel.locator('input[type=file]').setInputFiles({
      name: 'backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ thingPromptsBackup: 1, course: IMG, progress: { version: 1, things: {} } })),
    });
    await panel.locator('.outcome.failed').waitFor();

    // Give any image error or DETAILS load event time to fire.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no payload ran');
    const planted = await page.evaluate(() =>
      [...document.querySelectorAll('.thing-prompts')].map((node) => {
        const root = node.shadowRoot;
        return {
          elements: root.querySelectorAll('img, script, svg, details, iframe, object, embed').length,
          handlers: [...root.querySelectorAll('*')].flatMap((e) => e.getAttributeNames().filter((a) => a.startsWith('on'))),
        };
      }),
    );
    for (const [n, { elements, handlers }] of planted.entries()) {
      assert.equal(elements, 0, `no element from a payload in widget ${n}`);
      assert.deepEqual(handlers, [], `no event-handler attribute in widget ${n}`);
    }
    assert.deepEqual(log.pageErrors, []);
    for (const message of log.warnings()) assert.ok(message.text.startsWith(WARN_PREFIX), message.text);
  });
});

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ---------------------------------------------------------------------------------------------
// The host page is never harmed

const SEVERAL_PAGE = fixtureHtml(
  `<h1>Five widgets, two of them misconfigured, one with a trap set by the page</h1>
<button id="host-button" type="button">Host button</button>
<div class="thing-prompts" data-programme="cpd23-2012" data-thing="12"><p>Thing 12</p></div>
<div class="thing-prompts" data-programme="cpd23-2012" data-thing="twelve"><p>Broken: data-thing</p></div>
<div class="thing-prompts"><p>My questions</p><ul><li>First of mine</li><li>Second of mine</li></ul></div>
<div class="thing-prompts" data-programme="no-such-course"><p>Broken: programme</p></div>
<div class="thing-prompts" data-programme="cpd23-2012" data-thing="11"><p>Thing 11</p></div>
<script src="${WIDGET_ORIGIN}thing-prompts.js" async></script>`,
  { title: 'Several widgets' },
);

/**
 * Before any script: what the window and the document own, and a MutationObserver that records
 * every change to the page's own DOM (shadow roots are not part of it).
 */
function hostWatch() {
  const keep = (name, value) => Object.defineProperty(window, name, { value, enumerable: false });
  keep('__hostBefore', {
    window: Object.getOwnPropertyNames(window),
    keys: Object.keys(window),
    document: Object.getOwnPropertyNames(document),
  });
  const seen = [];
  keep('__hostMutations', seen);
  const describe = (node) =>
    node.nodeType === 1 ? `<${node.tagName.toLowerCase()}${node.className ? ` class="${node.className}"` : ''}>` : node.nodeName;
  const inside = (node) => {
    const element = node.nodeType === 1 ? node : node.parentElement;
    return !!(element && element.closest('.thing-prompts'));
  };
  new MutationObserver((records) => {
    for (const record of records) {
      seen.push({
        type: record.type,
        target: describe(record.target),
        parent: record.target.parentNode ? describe(record.target.parentNode) : null,
        data: record.type === 'characterData' ? record.target.data : undefined,
        old: record.oldValue,
        insidePlaceholder: inside(record.target),
        attribute: record.attributeName,
        added: [...record.addedNodes].map(describe),
        removed: [...record.removedNodes].map(describe),
      });
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true, characterDataOldValue: true });
}

/** The page's own DOM as HTML, each placeholder reduced to a marker. */
function pageOutsidePlaceholders(page) {
  return page.evaluate(() => {
    const copy = document.documentElement.cloneNode(true);
    for (const node of copy.querySelectorAll('.thing-prompts')) node.replaceWith(document.createComment('placeholder'));
    return copy.outerHTML;
  });
}

test('a page of several widgets: one new global, nothing outside the placeholders changes, bad ones do not stop the rest', async () => {
  const withoutScript = await withContext({ javaScriptEnabled: false }, async (context) => {
    const url = await serveFixture(context, 'several', SEVERAL_PAGE);
    const page = await context.newPage();
    await page.goto(url);
    return pageOutsidePlaceholders(page);
  });

  await withContext({ acceptDownloads: true }, async (context) => {
    const url = await serveFixture(context, 'several', SEVERAL_PAGE);
    const page = await context.newPage();
    await page.addInitScript(hostWatch);
    const log = watch(page);
    await page.goto(url);
    await waitAllMounted(page, 5);

    // The good widgets work, whatever their neighbours do.
    for (const [n, count] of [[0, 5], [2, 2], [4, 4]]) {
      assert.equal(await checkboxes(page, n).count(), count, `widget ${n} has its questions`);
      await checkboxes(page, n).nth(1).check();
      assert.match((await statusLine(page, n).textContent()).trim(), new RegExp(`^1 of ${count}`));
    }
    for (const n of [1, 3]) {
      assert.equal(await widget(page, n).locator('.tp.error').count(), 1, `widget ${n} explains its mistake`);
      assert.equal(await widget(page, n).locator(':scope > p').isVisible(), true, `widget ${n} keeps its own content`);
    }
    // Every part of the view: clear and undo, a backup file, a code.
    await widget(page, 0).locator('.footer button').first().click();
    await widget(page, 0).locator('.footer button').first().click();
    await widget(page, 4).getByRole('button', { name: 'Backup', exact: true }).click();
    const download = page.waitForEvent('download');
    await widget(page, 4).getByRole('button', { name: 'Download backup file' }).click();
    await download;
    await widget(page, 4).getByRole('button', { name: 'Copy backup code' }).click();
    await page.click('#host-button');
    await page.waitForLoadState('networkidle');

    // One new global name, and the document gains no property.
    const after = await page.evaluate(() => ({
      window: Object.getOwnPropertyNames(window),
      keys: Object.keys(window),
      document: Object.getOwnPropertyNames(document),
      before: window.__hostBefore,
    }));
    const added = (now, then) => now.filter((name) => !then.includes(name) && !name.startsWith('__host'));
    assert.deepEqual(added(after.window, after.before.window), ['ThingPrompts']);
    assert.deepEqual(added(after.keys, after.before.keys), ['ThingPrompts']);
    assert.deepEqual(added(after.document, after.before.document), []);
    // (`tell` is how a module hands the loader a count for the page's events.)
    assert.deepEqual(Object.keys(await page.evaluate(() => window.ThingPrompts)).sort(), ['base', 'build', 'fetchProgramme', 'memory', 'scan', 'tell', 'upgrade', 'version']);

    // Nothing outside the placeholders changed: no attribute, no text, no node removed, and the
    // page's own DOM is what the page is with JavaScript off.
    const outside = (await page.evaluate(() => window.__hostMutations)).filter((m) => !m.insidePlaceholder);
    // (The parser appends to a text node as it reads on: that growth is not a change.)
    const parsing = (m) => m.type === 'characterData' && typeof m.old === 'string' && m.data.startsWith(m.old);
    const changes = outside.filter((m) => (m.type !== 'childList' || m.removed.length > 0) && !parsing(m));
    assert.deepEqual(changes, [], 'no attribute, text or removal outside the placeholders');
    const added_nodes = outside.flatMap((m) => m.added).filter((name) => !['#text', '#comment'].includes(name));
    assert.ok(added_nodes.includes(`<script>`), 'the parser adding the page is recorded');
    assert.equal(await pageOutsidePlaceholders(page), withoutScript);
    assert.equal(await page.evaluate(() => document.adoptedStyleSheets.length), 0, 'no stylesheet on the page itself');

    const warnings = log.widgetWarnings().map((m) => m.text);
    assert.ok(warnings.some((t) => t.includes('twelve')), JSON.stringify(warnings));
    assert.ok(warnings.some((t) => t.includes('no-such-course')), JSON.stringify(warnings));
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.errors(), []);
  });
});

test('a placeholder whose page makes the widget throw: the others still start, nothing reaches the page', async () => {
  await withContext({}, async (context) => {
    const html = fixtureHtml(
      `<div class="thing-prompts" data-programme="cpd23-2012" data-thing="12"><p>Thing 12</p></div>
<div class="thing-prompts" id="trap" data-programme="cpd23-2012" data-thing="11"><p>Trapped</p></div>
<div class="thing-prompts" data-programme="cpd23-2012" data-thing="10"><p>Thing 10</p></div>
<script>document.getElementById('trap').getAttribute = function () { throw new Error('the host page set a trap'); };</script>`,
    );
    const url = await serveFixture(context, 'trap', html);
    const page = await context.newPage();
    const log = watch(page);
    await page.goto(url);
    await page.locator('.thing-prompts').nth(2).locator('.tp').waitFor({ timeout: 10_000 });
    await page.locator('.thing-prompts').nth(0).locator('.tp').waitFor({ timeout: 10_000 });
    await checkboxes(page, 2).nth(0).check();
    assert.match((await statusLine(page, 2).textContent()).trim(), /^1 of /);
    const warnings = log.widgetWarnings().map((m) => m.text);
    assert.equal(warnings.length, 1, JSON.stringify(warnings));
    assert.match(warnings[0], /one widget could not start/);
    assert.equal(await page.locator('#trap > p').isVisible(), true, 'the trapped placeholder shows its own content');
    assert.deepEqual(log.pageErrors, []);
  });
});

test('a host page whose fetch throws: the loader warns once and the page never sees an error', async () => {
  await withContext({}, async (context) => {
    const html = fixtureHtml(
      `<script>window.fetch = function () { throw new Error('the host page broke fetch'); };</script>
<div class="thing-prompts" data-programme="cpd23-2012" data-thing="12"><p>Thing 12, static</p></div>`,
    );
    const url = await serveFixture(context, 'broken-fetch', html);
    const page = await context.newPage();
    const log = watch(page);
    await page.goto(url);
    assert.ok(await waitFor(() => log.widgetWarnings().length > 0, { timeout: 10_000 }), 'the widget says it could not start');
    await page.waitForTimeout(200);
    assert.equal(log.warnings().length, 1, JSON.stringify(log.warnings()));
    assert.match(log.warnings()[0].text, /could not start/);
    assert.equal(await page.evaluate(() => !!document.querySelector('.thing-prompts').shadowRoot), false);
    assert.equal(await page.locator('.thing-prompts > p').isVisible(), true);
    assert.deepEqual(log.pageErrors, []);
  });
});

// ---------------------------------------------------------------------------------------------
// Releases

async function widgetFile(name) {
  const response = await fetch(WIDGET_ORIGIN + name);
  assert.equal(response.status, 200, `${name} is served`);
  return Buffer.from(await response.arrayBuffer());
}

test('the loader asks for the files of its own build (?v=<build token>), and the full module only when needed', async () => {
  const loader = (await widgetFile('thing-prompts.js')).toString('utf8');
  const files = [];
  for (const name of [
    'thing-prompts-wasm.js',
    'thing-prompts-wasm_bg.wasm',
    'thing-prompts-full.js',
    'thing-prompts-full_bg.wasm',
    'thing-prompts-configure.js',
    'thing-prompts-configure_bg.wasm',
  ]) {
    files.push(await widgetFile(name));
  }
  for (const id of ['cpd23-2011', 'cpd23-2012']) files.push(await widgetFile(`programmes/${id}.json`));
  const build = createHash('sha384').update(Buffer.concat(files)).digest('hex').slice(0, 12);
  assert.ok(loader.includes(`"${build}"`) || loader.includes(`'${build}'`), 'the loader carries the hash of the modules and the programmes');

  await withContext({}, async (context) => {
    const url = await serveFixture(
      context,
      'build-token',
      fixtureHtml('<div class="thing-prompts" data-programme="cpd23-2012" data-thing="12"></div>'),
    );
    const page = await context.newPage();
    const log = watch(page);
    await page.goto(url);
    await waitAllMounted(page, 1);
    await page.waitForLoadState('networkidle');
    const byFile = () => Object.fromEntries(
      log.requestsMatching((u) => u.origin === new URL(WIDGET_ORIGIN).origin).map((u) => [new URL(u).pathname, new URL(u).search]),
    );
    assert.deepEqual(byFile(), {
      '/thing-prompts.js': '',
      '/thing-prompts-wasm.js': `?v=${build}`,
      '/thing-prompts-wasm_bg.wasm': `?v=${build}`,
      '/programmes/cpd23-2012/12.json': `?v=${build}`,
    });
    assert.equal(await page.evaluate(() => window.ThingPrompts.build), build);
    await checkboxes(page, 0).nth(0).check();
    await page.locator('.thing-prompts').nth(0).getByRole('button', { name: 'Backup', exact: true }).click();
    await page.locator('.thing-prompts').nth(0).locator('.backup').waitFor();
    assert.deepEqual(byFile(), {
      '/thing-prompts.js': '',
      '/thing-prompts-wasm.js': `?v=${build}`,
      '/thing-prompts-wasm_bg.wasm': `?v=${build}`,
      '/programmes/cpd23-2012/12.json': `?v=${build}`,
      '/thing-prompts-full.js': `?v=${build}`,
      '/thing-prompts-full_bg.wasm': `?v=${build}`,
    });
  });
});

test('dist/SNIPPET.txt carries the loader’s SHA-384, and a page using it with crossorigin="anonymous" starts', async () => {
  const loader = await widgetFile('thing-prompts.js');
  const integrity = `sha384-${createHash('sha384').update(loader).digest('base64')}`;
  const snippet = (await widgetFile('SNIPPET.txt')).toString('utf8');
  const attributes = /<script src="https:\/\/YOUR-CDN\/thing-prompts@([^/]+)\/thing-prompts\.js"\s+integrity="([^"]+)"\s+crossorigin="anonymous" async><\/script>/.exec(snippet);
  assert.ok(attributes, snippet);
  assert.equal(attributes[2], integrity, 'the printed integrity is the hash of the served loader');
  const manifest = await readFile(new URL('../../Cargo.toml', import.meta.url), 'utf8');
  const version = /\[package\][^[]*?\nversion = "([^"]+)"/.exec(manifest)?.[1];
  assert.equal(attributes[1], version, 'the snippet names this release');

  const page = (name, value) =>
    fixtureHtml('<div class="thing-prompts" data-programme="cpd23-2012" data-thing="12"><p>Static</p></div>').replace(
      'thing-prompts.js" async>',
      `thing-prompts.js" integrity="${value}" crossorigin="anonymous" async>`,
    );
  await withContext({}, async (context) => {
    const good = await serveFixture(context, 'sri-good', page('good', integrity));
    const tab = await context.newPage();
    const log = watch(tab);
    await tab.goto(good);
    await waitAllMounted(tab, 1);
    assert.deepEqual(log.pageErrors, []);

    // Another loader (here: the right one with a wrong hash) is refused and the page keeps its text.
    const wrong = integrity.slice(0, -4) + (integrity.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    const bad = await serveFixture(context, 'sri-bad', page('bad', wrong));
    const other = await context.newPage();
    const otherLog = watch(other);
    await other.goto(bad);
    await other.waitForLoadState('networkidle');
    assert.equal(await other.evaluate(() => 'ThingPrompts' in window), false, 'the loader did not run');
    assert.equal(await other.locator('.thing-prompts > p').isVisible(), true);
    assert.ok(otherLog.errors().some((m) => /integrity/i.test(m.text)), 'the browser says why');
    assert.deepEqual(otherLog.pageErrors, []);
  });
});

test('dist/package.json makes the folder an npm package of this release', async () => {
  const pkg = JSON.parse((await widgetFile('package.json')).toString('utf8'));
  const manifest = await readFile(new URL('../../Cargo.toml', import.meta.url), 'utf8');
  const version = /\[package\][^[]*?\nversion = "([^"]+)"/.exec(manifest)?.[1];
  assert.equal(pkg.name, 'thing-prompts');
  assert.equal(pkg.version, version);
  assert.equal(pkg.license, 'MIT OR Apache-2.0');
  assert.equal(pkg.scripts, undefined, 'no install scripts');
  assert.equal(pkg.jsdelivr, 'thing-prompts.js', 'the bare package address on jsDelivr serves the loader');
  assert.equal(pkg.unpkg, 'thing-prompts.js', 'and on unpkg');
  assert.match(pkg.repository?.url ?? '', /^git\+https:\/\/.+\.git$/, 'the repository the source is in');
  assert.deepEqual(pkg.files, [
    'thing-prompts.js',
    'thing-prompts-wasm.js',
    'thing-prompts-wasm_bg.wasm',
    'thing-prompts-full.js',
    'thing-prompts-full_bg.wasm',
    'thing-prompts-configure.js',
    'thing-prompts-configure_bg.wasm',
    'thing-prompts-programme.schema.json',
    'SNIPPET.txt',
    'configure.html',
    'configure.css',
    'programmes/',
  ]);
  for (const file of pkg.files.filter((f) => !f.endsWith('/'))) await widgetFile(file);
  for (const id of ['cpd23-2011', 'cpd23-2012']) await widgetFile(`programmes/${id}.json`);
  const loader = (await widgetFile('thing-prompts.js')).toString('utf8');
  assert.ok(loader.includes(`"${version}"`) || loader.includes(`'${version}'`), 'the loader knows its release');
});
