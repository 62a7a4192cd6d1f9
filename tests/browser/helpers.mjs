// Shared helpers for the browser tests: launching Chromium, watching a page, finding widgets,
// serving fixture pages on the page origin.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';

function origin(name, fallback) {
  let value = process.env[name] || fallback;
  if (!value.endsWith('/')) value += '/';
  return value;
}

/** Where the blog pages are served, ending with `/`. */
export const PAGE_ORIGIN = origin('PAGE_ORIGIN', 'http://127.0.0.1:8023/');
/** Where the widget files (the "CDN") are served, ending with `/`. */
export const WIDGET_ORIGIN = origin('WIDGET_ORIGIN', 'http://127.0.0.1:8123/');

export const STORAGE_PREFIX = 'thing-prompts:v1:';
export const CPD23_2012_KEY = `${STORAGE_PREFIX}cpd23-2012`;
export const INLINE_KEY = `${STORAGE_PREFIX}~inline`;
export const WARN_PREFIX = '[thing-prompts]';

/** The five Thing 12 questions of cpd23-2012, as the programme file has them. */
export const THING_12 = [
  'How much of the social do you put into your social media: do you join conversations, or mostly read without replying?',
  'Do you keep to people from your own sector, or look for people who work in other parts of the profession?',
  'If you hold back from taking part, what do you think holds you back?',
  'Find a fellow participant who works in a different sector, read their blog and leave a comment or a question on one of their posts.',
  'Has the course put you in touch with people you would otherwise never have met?',
];

export function pageUrl(name) {
  return PAGE_ORIGIN + name;
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/**
 * Chromium with a profile on disk in `userDataDir`, as a reader's browser has: its HTTP cache
 * and code caches are kept between visits. (A context of `launch()` is off the record: the
 * WebAssembly code cache is never read back there.) Returns the browser context.
 */
export async function launchProfile(userDataDir, options = {}) {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    ...options,
  });
}

/**
 * How each response of `page` came, as `[{ url, status, cached }]` in the order they arrived:
 * `cached` when the HTTP cache answered without a request, else `status` is what the server sent
 * on the wire (200, or 304 when a cached copy was revalidated, which the page sees as that copy's
 * 200). Read through the DevTools protocol, as Playwright's own events cannot tell these apart.
 */
export async function responsesOf(context, page) {
  const cdp = await context.newCDPSession(page);
  const responses = [];
  const byId = new Map();
  const entry = (id) => {
    if (!byId.has(id)) {
      byId.set(id, {});
      responses.push(byId.get(id));
    }
    return byId.get(id);
  };
  cdp.on('Network.responseReceived', ({ requestId, response }) => {
    const e = entry(requestId);
    e.url = response.url;
    e.cached = !!(response.fromDiskCache || response.fromPrefetchCache);
    if (e.status === undefined) e.status = response.status;
  });
  cdp.on('Network.responseReceivedExtraInfo', ({ requestId, statusCode }) => {
    entry(requestId).status = statusCode;
  });
  await cdp.send('Network.enable');
  return { cdp, responses };
}

function isFavicon(url) {
  try {
    return new URL(url).pathname === '/favicon.ico';
  } catch {
    return false;
  }
}

/**
 * Collects what a page reports: console messages by type (`log`, `warning`, `error`, ...),
 * uncaught page errors and the URL of every request.
 * `errors()` leaves out the browser's own 404 for /favicon.ico.
 */
export function watch(page) {
  const log = {
    console: {},
    messages: [],
    pageErrors: [],
    requests: [],
    warnings() {
      return this.console.warning || [];
    },
    errors() {
      return (this.console.error || []).filter((m) => !(isFavicon(m.url) && /404/.test(m.text)));
    },
    widgetWarnings() {
      return this.warnings().filter((m) => m.text.startsWith(WARN_PREFIX));
    },
    requestsMatching(test) {
      return this.requests.filter((url) => test(new URL(url)));
    },
  };
  page.on('console', (message) => {
    const entry = { type: message.type(), text: message.text(), url: message.location().url || '' };
    (log.console[entry.type] ||= []).push(entry);
    log.messages.push(entry);
  });
  page.on('pageerror', (error) => log.pageErrors.push(String(error && error.stack ? error.stack : error)));
  page.on('request', (request) => log.requests.push(request.url()));
  return log;
}

/** Asserts that the page logged no console error, no uncaught error and no widget warning. */
export function quiet(log) {
  assert.deepEqual(log.errors(), [], 'no console errors');
  assert.deepEqual(log.pageErrors, [], 'no page errors');
  assert.deepEqual(log.widgetWarnings(), [], 'no widget warnings');
}

/** Where the keyboard focus is: the text of the focused element inside a widget, and which widget; or null. */
export async function focused(page) {
  return page.evaluate(() => {
    const hosts = [...document.querySelectorAll('.thing-prompts')];
    const host = document.activeElement;
    const inner = host && host.shadowRoot && host.shadowRoot.activeElement;
    return inner ? { widget: hosts.indexOf(host), text: inner.textContent.trim() } : null;
  });
}

/** Placeholder number `n` (0-based, in document order). */
export function widget(page, n) {
  return page.locator('.thing-prompts').nth(n);
}

export function checkboxes(page, n) {
  return widget(page, n).locator('input[type=checkbox]');
}

/** The progress line, e.g. "2 of 5 answered". */
export function statusLine(page, n) {
  return widget(page, n).locator('.footer [role=status]');
}

/**
 * Waits until placeholder `n` has a shadow root with a mounted `.tp` in it, scrolling it into
 * view if it is far below the fold (such placeholders mount only as they approach the viewport).
 */
export async function waitMounted(page, n, timeout = 10_000) {
  await widget(page, n).evaluate((node) => node.scrollIntoView({ block: 'nearest' }));
  await widget(page, n).locator('.tp').first().waitFor({ state: 'attached', timeout });
}

/**
 * Waits until every placeholder on the page has mounted, and there are `count` of them when
 * `count` is a number. Placeholders far below the fold mount only as they approach the viewport,
 * so while it waits it scrolls to the first one not mounted yet, as a reader scrolling down would
 * (`block: 'nearest'`: none that is in view already), and back to where the page was at the end.
 * Tests about lazy mounting itself (lazy.test.mjs) wait without it.
 */
export async function waitAllMounted(page, count = null, timeout = 10_000) {
  const at = await page.evaluate(() => [window.scrollX, window.scrollY]);
  await page.waitForFunction(
    (expected) => {
      const nodes = [...document.querySelectorAll('.thing-prompts')];
      const next = nodes.find((node) => !(node.shadowRoot && node.shadowRoot.querySelector('.tp')));
      if (next) next.scrollIntoView({ block: 'nearest' });
      return !next && (expected === null || nodes.length === expected);
    },
    count,
    { timeout },
  );
  await page.evaluate(([x, y]) => window.scrollTo(x, y), at);
}

/** The checked state of every checkbox in placeholder `n`. */
export async function checkedStates(page, n) {
  return widget(page, n)
    .locator('input[type=checkbox]')
    .evaluateAll((inputs) => inputs.map((input) => input.checked));
}

/** The question texts shown by placeholder `n`. */
export async function promptTexts(page, n) {
  return widget(page, n).locator('ul.prompts li .text').allTextContents();
}

export async function readStorage(page, key) {
  const text = await page.evaluate((k) => localStorage.getItem(k), key);
  return text === null ? null : JSON.parse(text);
}

/** Polls `check` (sync or async, truthy when done) until it holds or `timeout` ms pass; returns whether it held. */
export async function waitFor(check, { timeout = 1000, interval = 20 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await check()) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** Like `waitFor`, but fails the test with `message` when the check does not hold in time. */
export async function eventually(check, message, options) {
  assert.ok(await waitFor(check, options), message);
}

/** A whole blog-like page around `body`, loading the widget from the widget origin. */
export function fixtureHtml(body, { title = 'Fixture' } = {}) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
</head>
<body>
<main>
${body}
<script src="${WIDGET_ORIGIN}thing-prompts.js" async></script>
</main>
</body>
</html>
`;
}

/**
 * Serves `html` at PAGE_ORIGIN + 'fixture/<name>.html' in this context (same origin, so same
 * storage, as the demo pages) and returns that URL.
 */
export async function serveFixture(context, name, html) {
  const url = `${PAGE_ORIGIN}fixture/${name}.html`;
  // A response made up by `route.fulfill` has no server address, so Chromium's Local Network
  // Access treats the page as public and blocks its requests to the loopback widget origin
  // ("Permission was denied for this request to access the `loopback` address space").
  // The demo pages come from a loopback server and need no such grant.
  try {
    await context.grantPermissions(['local-network-access'], { origin: new URL(PAGE_ORIGIN).origin });
  } catch {
    // A Chromium that does not know this permission does not enforce it either.
  }
  await context.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  return url;
}

/** Origins (scheme, host and port) the tests allow requests to. */
export function allowedOrigins() {
  return new Set([new URL(PAGE_ORIGIN).origin, new URL(WIDGET_ORIGIN).origin]);
}

/** Requests that went anywhere but the page and widget origins (data: and blob: URLs aside). */
export function foreignRequests(log) {
  const allowed = allowedOrigins();
  return log.requests.filter((url) => {
    const parsed = new URL(url);
    if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return false;
    return !allowed.has(parsed.origin);
  });
}

// ---- Demo pages as a set, themes, layout and accessibility checks (themes / a11y tests) ----

/** The folder of the demo pages on disk. */
export const DEMO_DIR = new URL('../../www/demo/', import.meta.url);

/** Every demo page (`www/demo/*.html`, leaving out names starting with `_`), sorted. */
export async function demoPages() {
  const { readdir } = await import('node:fs/promises');
  const names = await readdir(DEMO_DIR);
  return names.filter((name) => name.endsWith('.html') && !name.startsWith('_')).sort();
}

/**
 * Waits until every `.thing-prompts` placeholder on the page (however many) has mounted,
 * scrolling to those far below the fold as `waitAllMounted` does.
 */
export async function waitEveryWidget(page, timeout = 10_000) {
  await page.waitForLoadState('load');
  await waitAllMounted(page, null, timeout);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/**
 * Ticks the first question of every checklist on the page and opens its panels: Backup and
 * Start my post (the outline), each only once it has found that panel's button.
 */
export async function tickAndOpenBackups(page) {
  const count = await page.locator('.thing-prompts').count();
  for (let n = 0; n < count; n++) {
    const box = checkboxes(page, n).first();
    if ((await box.count()) === 0) continue;
    await box.check();
    for (const name of ['Start my post', 'Backup']) {
      const toggle = widget(page, n).getByRole('button', { name, exact: true });
      if ((await toggle.count()) === 1 && (await toggle.getAttribute('aria-expanded')) !== 'true') {
        await toggle.click();
        const panel = await toggle.getAttribute('aria-controls');
        if (panel) await widget(page, n).locator(`#${panel}`).waitFor();
      }
    }
  }
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/**
 * Elements (in the page and in open shadow roots) whose box reaches past `width` CSS pixels,
 * as short descriptions, for a failure message. Elements inside a widget are marked "widget ›".
 */
export async function overflowingElements(page, width) {
  return page.evaluate((limit) => {
    const found = [];
    const describe = (el) => {
      let text = el.tagName.toLowerCase();
      if (el.id) text += `#${el.id}`;
      if (typeof el.className === 'string' && el.className.trim()) text += `.${el.className.trim().split(/\s+/).join('.')}`;
      return text;
    };
    const walk = (root, inWidget) => {
      for (const el of root.querySelectorAll('*')) {
        const box = el.getBoundingClientRect();
        if (box.width > 0 && box.right > limit + 0.5) {
          const host = inWidget ? `widget › ` : '';
          found.push(`${host}${describe(el)} (right edge ${Math.round(box.right)}px, width ${Math.round(box.width)}px)`);
        }
        if (el.shadowRoot) walk(el.shadowRoot, true);
      }
    };
    walk(document, false);
    return found;
  }, width);
}

/** Reads node_modules/axe-core/axe.min.js once. */
let axeSource;
export async function axeSourceText() {
  if (!axeSource) {
    const { readFile } = await import('node:fs/promises');
    axeSource = await readFile(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
  }
  return axeSource;
}

/**
 * Runs axe-core on the whole document (open shadow roots included) and returns its violations.
 * The source is evaluated through the DevTools protocol rather than added as a <script>, so a
 * page's Content-Security-Policy cannot block it.
 */
export async function axeViolations(page) {
  const loaded = await page.evaluate(() => typeof window.axe === 'object');
  if (!loaded) await page.evaluate(await axeSourceText());
  return page.evaluate(async () => {
    const results = await window.axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((node) => ({
        target: node.target,
        inWidget: node.target.some((part) => Array.isArray(part)),
        html: node.html,
        failureSummary: node.failureSummary,
      })),
    }));
  });
}

/** axe violations as readable text: rule, impact, then each element with its target and summary. */
export function formatViolations(violations) {
  const lines = [];
  for (const v of violations) {
    lines.push(`${v.id} (${v.impact}): ${v.help}`);
    for (const node of v.nodes) {
      const target = node.target.map((part) => (Array.isArray(part) ? part.join(' >>> ') : part)).join(', ');
      lines.push(`  - ${node.inWidget ? '[inside widget] ' : ''}target: ${target}`);
      lines.push(`    html: ${node.html.replace(/\s+/g, ' ').slice(0, 200)}`);
      for (const line of (node.failureSummary || '').split('\n')) lines.push(`    ${line}`);
    }
  }
  return lines.join('\n');
}
