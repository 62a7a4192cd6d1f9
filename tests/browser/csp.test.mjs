// Strict Content-Security-Policy pages: the policy docs/hosting.md documents is enough (no
// 'unsafe-inline', no 'unsafe-eval', no style-src at all), and a policy that leaves out something
// the widget needs keeps the static questions and says, once, which directive to change.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  PAGE_ORIGIN,
  WARN_PREFIX,
  WIDGET_ORIGIN,
  checkboxes,
  launch,
  pageUrl,
  statusLine,
  waitAllMounted,
  waitFor,
  watch,
  widget,
} from './helpers.mjs';

/** The widget origin as a CSP source: scheme, host and port, no trailing slash. */
const WIDGET = new URL(WIDGET_ORIGIN).origin;

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** Records every `securitypolicyviolation` the page sees, from before any script runs. */
async function recordViolations(page) {
  await page.addInitScript(() => {
    const seen = [];
    Object.defineProperty(window, '__cspViolations', { value: seen });
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        policy: event.originalPolicy,
      });
    });
  });
}

function violations(page) {
  return page.evaluate(() => window.__cspViolations);
}

/** A page with placeholders and the widget script, served at PAGE_ORIGIN with the given CSP. */
async function serveWithPolicy(context, name, policy, { body, scriptAttributes = '' } = {}) {
  const url = `${PAGE_ORIGIN}fixture/${name}.html`;
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${name}</title></head>
<body>
<h1>A post on a blog with a Content-Security-Policy</h1>
${body ?? `<div class="thing-prompts" data-programme="cpd23-2012" data-thing="12"><p>Static copy of Thing 12</p></div>
<div class="thing-prompts"><p>My questions</p><ol><li>Static question one</li><li>Static question two</li></ol></div>`}
<script src="${WIDGET_ORIGIN}thing-prompts.js"${scriptAttributes} async></script>
</body>
</html>
`;
  // See serveFixture in helpers.mjs: a made-up response needs the local-network grant.
  try {
    await context.grantPermissions(['local-network-access'], { origin: new URL(PAGE_ORIGIN).origin });
  } catch {
    // A Chromium without Local Network Access does not need it.
  }
  await context.route(url, (route) =>
    route.fulfill({
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': policy },
      body: html,
    }),
  );
  return url;
}

/** Parses a policy into a map of directive name to its list of sources. */
function directives(policy) {
  const map = new Map();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), sources);
  }
  return map;
}

/** The widget's directives as docs/hosting.md documents them, for a widget served from `origin`. */
async function documentedDirectives(origin) {
  const readme = await readFile(new URL('../../docs/hosting.md', import.meta.url), 'utf8');
  const line = readme.split('\n').find((l) => l.startsWith('Content-Security-Policy: script-src https://YOUR-CDN'));
  assert.ok(line, 'docs/hosting.md shows the Content-Security-Policy a blog needs');
  return directives(line.replace('Content-Security-Policy:', '').replaceAll('https://YOUR-CDN', origin));
}

/** Whether placeholder `n` still shows its own (static) content: no shadow root, text visible. */
async function staticContentStays(page, count) {
  const state = await page.evaluate(() =>
    [...document.querySelectorAll('.thing-prompts')].map((node) => ({
      shadow: !!node.shadowRoot,
      shown: node.firstElementChild ? node.firstElementChild.getBoundingClientRect().height > 0 : false,
    })),
  );
  assert.equal(state.length, count);
  for (const [n, { shadow, shown }] of state.entries()) {
    assert.equal(shadow, false, `placeholder ${n} has no shadow root`);
    assert.equal(shown, true, `placeholder ${n} shows its own content`);
  }
}

/** Waits for the loader to give up (one widget warning) and for the network to settle. */
async function waitForWarning(page, log) {
  const warned = await waitFor(() => log.widgetWarnings().length > 0, { timeout: 10_000 });
  assert.ok(warned, 'the widget says it could not start');
  await page.waitForLoadState('networkidle');
  // Time for a second warning to show up, if there were going to be one.
  await page.waitForTimeout(200);
}

test('the strict-CSP demo post works under the documented policy, with no violation at all', async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await recordViolations(page);
    const log = watch(page);
    const response = await page.goto(pageUrl('csp-post.html'));
    const policy = response.headers()['content-security-policy'];
    assert.ok(policy, 'the demo post is served with a Content-Security-Policy');
    assert.doesNotMatch(policy, /unsafe-inline|'unsafe-eval'|'unsafe-hashes'|\*/, policy);

    // The page's policy gives the widget exactly what docs/hosting.md documents, no more.
    const served = directives(policy);
    const documented = await documentedDirectives(WIDGET);
    assert.deepEqual([...documented.keys()].sort(), ['connect-src', 'script-src']);
    for (const [name, sources] of documented) {
      assert.deepEqual(served.get(name), sources, `${name} is the documented one`);
    }
    assert.equal(served.get('default-src')?.join(' '), "'none'", 'everything else is refused');
    assert.equal(served.has('style-src-attr') || served.has('style-src-elem'), false);
    assert.deepEqual(served.get('style-src'), ["'self'"], "the page's own stylesheet only");
    assert.deepEqual(served.get('require-trusted-types-for'), ["'script'"], 'and Trusted Types are enforced');

    await waitAllMounted(page, 2);
    assert.deepEqual(await Promise.all([0, 1].map((n) => checkboxes(page, n).count())), [5, 3]);
    await checkboxes(page, 0).nth(1).check();
    await checkboxes(page, 1).nth(0).check();
    assert.equal((await statusLine(page, 0).textContent()).trim(), '1 of 5 answered');
    assert.equal((await statusLine(page, 1).textContent()).trim(), '1 of 3 answered');
    // Clear and undo, and the backup panel with a restore: every part of the view runs.
    await widget(page, 0).getByRole('button', { name: 'Clear ticks' }).click();
    await widget(page, 0).getByRole('button', { name: 'Undo clear' }).click();
    await widget(page, 1).getByRole('button', { name: 'Backup', exact: true }).click();
    const panel = widget(page, 1).locator('.backup');
    await panel.locator('textarea.paste').fill('TP1 cpd23-2012 12:zz');
    await panel.getByRole('button', { name: 'Restore code' }).click();
    await panel.locator('.outcome.failed').waitFor();
    await page.waitForLoadState('networkidle');

    assert.deepEqual(await violations(page), [], 'no Content-Security-Policy violation');
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.errors(), []);
    assert.deepEqual(log.widgetWarnings(), []);
  } finally {
    await context.close();
  }
});

test('a policy without wasm-unsafe-eval keeps the static questions and warns once, naming the directive', async () => {
  const context = await browser.newContext();
  try {
    const url = await serveWithPolicy(
      context,
      'csp-no-wasm',
      `default-src 'none'; script-src ${WIDGET}; connect-src ${WIDGET}`,
    );
    const page = await context.newPage();
    await recordViolations(page);
    const log = watch(page);
    await page.goto(url);
    await waitForWarning(page, log);
    await staticContentStays(page, 2);
    const warnings = log.warnings().map((m) => m.text);
    assert.equal(warnings.length, 1, `one warning: ${JSON.stringify(warnings)}`);
    assert.ok(warnings[0].startsWith(WARN_PREFIX));
    assert.match(warnings[0], /Content-Security-Policy does not allow WebAssembly/);
    assert.match(warnings[0], /add 'wasm-unsafe-eval' to script-src/);
    assert.ok((await violations(page)).some((v) => v.blocked === 'wasm-eval'), 'the browser refused the WebAssembly');
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

// A policy missing one directive the widget files need: one warning naming the directive to add.
for (const [name, policy, directive, what] of [
  [
    'csp-no-connect',
    `default-src 'none'; script-src ${WIDGET} 'wasm-unsafe-eval'`,
    'connect-src',
    'a policy without the widget host in connect-src keeps the static questions and names connect-src',
  ],
  [
    'csp-loader-only',
    `default-src 'none'; script-src ${WIDGET}/thing-prompts.js 'wasm-unsafe-eval'; connect-src ${WIDGET}`,
    'script-src',
    'a policy that admits the loader file but not the rest of its folder names script-src',
  ],
]) {
  test(what, async () => {
    const context = await browser.newContext();
    try {
      const url = await serveWithPolicy(context, name, policy);
      const page = await context.newPage();
      const log = watch(page);
      await page.goto(url);
      await waitForWarning(page, log);
      await staticContentStays(page, 2);
      const warnings = log.widgetWarnings().map((m) => m.text);
      assert.equal(warnings.length, 1, `one widget warning: ${JSON.stringify(warnings)}`);
      assert.match(warnings[0], new RegExp(`add ${WIDGET.replaceAll('.', '\\.')} to ${directive}`));
      assert.equal(log.warnings().length, 1);
      assert.deepEqual(log.pageErrors, []);
    } finally {
      await context.close();
    }
  });
}

test('a policy that blocks the widget host in script-src: the loader never runs and the page is untouched', async () => {
  const context = await browser.newContext();
  try {
    const url = await serveWithPolicy(
      context,
      'csp-no-widget-host',
      `default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src ${WIDGET}`,
    );
    const page = await context.newPage();
    await recordViolations(page);
    const log = watch(page);
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    await staticContentStays(page, 2);
    // The browser itself says what it blocked (there is nothing of ours running to say it).
    const seen = await violations(page);
    assert.deepEqual(
      seen.map((v) => [v.directive, v.blocked]),
      [['script-src-elem', `${WIDGET_ORIGIN}thing-prompts.js`]],
    );
    assert.equal(await page.evaluate(() => 'ThingPrompts' in window), false);
    assert.deepEqual(log.widgetWarnings(), []);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

test("a nonce-based policy with 'strict-dynamic' works when the script tag carries the page's nonce", async () => {
  const context = await browser.newContext();
  try {
    const url = await serveWithPolicy(
      context,
      'csp-strict-dynamic',
      `default-src 'none'; script-src 'nonce-r4nd0m' 'strict-dynamic' 'wasm-unsafe-eval'; connect-src ${WIDGET}; base-uri 'none'; object-src 'none'`,
      { scriptAttributes: ' nonce="r4nd0m"' },
    );
    const page = await context.newPage();
    await recordViolations(page);
    const log = watch(page);
    await page.goto(url);
    await waitAllMounted(page, 2);
    await checkboxes(page, 0).nth(0).check();
    assert.equal((await statusLine(page, 0).textContent()).trim(), '1 of 5 answered');
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(log.widgetWarnings(), []);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

/** Computed styles of the parts of widget `n`, read inside its shadow root. */
function widgetStyles(page, n) {
  return page.evaluate((index) => {
    const root = document.querySelectorAll('.thing-prompts')[index].shadowRoot;
    const pick = (selector) => {
      const element = root.querySelector(selector);
      if (!element) return null;
      const style = getComputedStyle(element);
      return Object.fromEntries([...style].map((name) => [name, style.getPropertyValue(name)]));
    };
    return {
      sheets: root.adoptedStyleSheets.length + root.querySelectorAll('style').length,
      tp: pick('.tp'),
      list: pick('ul.prompts'),
      label: pick('.prompt'),
      button: pick('button'),
    };
  }, n);
}

test("style-src 'none' changes nothing: the widget's styles are a constructed stylesheet", async () => {
  const context = await browser.newContext();
  try {
    const plain = await serveWithPolicy(context, 'csp-any-style', `script-src ${WIDGET} 'wasm-unsafe-eval'`);
    const strict = await serveWithPolicy(
      context,
      'csp-no-style',
      `default-src 'none'; style-src 'none'; script-src ${WIDGET} 'wasm-unsafe-eval'; connect-src ${WIDGET}`,
    );
    const page = await context.newPage();
    await recordViolations(page);
    const log = watch(page);
    await page.goto(plain);
    await waitAllMounted(page, 2);
    const styled = await widgetStyles(page, 0);
    assert.ok(styled.sheets > 0 && styled.tp && styled.list && styled.label && styled.button);

    await page.goto(strict);
    await waitAllMounted(page, 2);
    const underPolicy = await widgetStyles(page, 0);
    assert.equal(underPolicy.sheets, styled.sheets);
    for (const part of ['tp', 'list', 'label', 'button']) {
      const differ = Object.keys(styled[part]).filter((name) => underPolicy[part]?.[name] !== styled[part][name]);
      assert.deepEqual(differ.slice(0, 8), [], `the ${part} looks the same under style-src 'none'`);
    }
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.widgetWarnings(), []);
  } finally {
    await context.close();
  }
});
