// The live theme (#23): a `data-theme="auto"` widget follows the page after it mounted, when the
// blog's switch changes the page (a class on <html>, a stylesheet added) or the reader's
// preference changes, within a frame and without mounting again (ticks, open panels and focus
// stay); and a page that paints nothing and declares no color-scheme is white, so its widgets
// are light whatever the reader prefers. WebKit: tests/webkit/theme.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  axeViolations,
  checkboxes,
  fixtureHtml,
  formatViolations,
  launch,
  pageUrl,
  quiet,
  serveFixture,
  waitAllMounted,
  watch,
  widget,
} from './helpers.mjs';

const SHOTS = new URL('../../target/screenshots/', import.meta.url);
let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

async function fixture(name, body, { head = '', context: options = {} } = {}) {
  const context = await browser.newContext({ viewport: { width: 900, height: 900 }, ...options });
  const html = fixtureHtml(`<h1>A blog post</h1>${body}`).replace('</head>', `${head}</head>`);
  const url = await serveFixture(context, name, html);
  const page = await context.newPage();
  const log = watch(page);
  await page.goto(url);
  return { context, page, log };
}

/**
 * Each widget's scheme as the page shows it: the holder's `data-scheme`, the computed
 * color-scheme of the card and of its first checkbox, and whether the card is still the node
 * it was when `mark` last ran (not mounted again).
 */
function schemes(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.thing-prompts')].map((host) => {
      const tp = host.shadowRoot.querySelector('.tp');
      const box = tp.querySelector('input[type=checkbox]');
      return {
        scheme: tp.parentElement.dataset.scheme,
        card: getComputedStyle(tp).colorScheme,
        box: box ? getComputedStyle(box).colorScheme : null,
        same: tp.dataset.marked === undefined ? null : tp.__mark === tp.dataset.marked,
      };
    }),
  );
}

/** Marks each widget's card, so that `schemes` can tell whether it is the same node later. */
function mark(page) {
  return page.evaluate(() => {
    for (const host of document.querySelectorAll('.thing-prompts')) {
      const tp = host.shadowRoot.querySelector('.tp');
      tp.__mark = tp.dataset.marked = String(Math.random());
    }
  });
}

/**
 * Runs `change` in the page, then reads each widget's `data-scheme` in an animation frame asked
 * for after the page's own reactions to the change were queued: the frame the change is painted
 * in, so a widget that follows "within a frame" already shows the new scheme there.
 */
function afterOneFrame(page, change) {
  return page.evaluate(
    (source) =>
      new Promise((resolve) => {
        new Function(source)();
        queueMicrotask(() =>
          requestAnimationFrame(() =>
            resolve([...document.querySelectorAll('.thing-prompts')].map((host) => host.shadowRoot.querySelector('.tp').parentElement.dataset.scheme)),
          ),
        );
      }),
    change,
  );
}

async function assertAxe(page, when) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe-core ${when}:\n${formatViolations(violations)}`);
}

const SWITCH_PAGE = {
  head: `<style>
    html { background: #fdfdfb; color: #1e1e1e; }
    html.dark { background: #15171a; color: #e6e6e6; }
    html.dark a { color: #9cc8ff; }
  </style>`,
  body: `<p><button type="button" id="switch" onclick="document.documentElement.classList.toggle('dark')">Dark mode</button></p>
    <div class="thing-prompts" data-programme="cpd23-2012" data-thing="12"></div>
    <div class="thing-prompts" data-programme="cpd23-2012" data-thing="11"></div>
    <div class="thing-prompts" data-programme="cpd23-2012" data-thing="12" data-theme="light"></div>`,
};

test('the blog\'s switch (class="dark" on <html>) turns the auto widgets dark and back, within a frame, keeping ticks, the open panel and the focus', async () => {
  const { context, page, log } = await fixture('live-switch', SWITCH_PAGE.body, { head: SWITCH_PAGE.head });
  try {
    await waitAllMounted(page, 3);
    await checkboxes(page, 0).nth(1).check();
    // An open panel: Backup (the full module takes over for it, as a reader's click does).
    await widget(page, 1).getByRole('button', { name: 'Backup', exact: true }).click();
    await widget(page, 1).locator('.backup').waitFor();
    await checkboxes(page, 0).nth(3).focus();
    await mark(page);
    const light = await schemes(page);
    assert.deepEqual(
      light.map((s) => [s.scheme, s.card, s.box]),
      [
        ['light', 'light', 'light'],
        ['light', 'light', 'light'],
        ['light', 'light', 'light'],
      ],
    );
    await assertAxe(page, 'light, before the switch');
    for (const [step, expected] of [
      ['dark', ['dark', 'dark', 'light']],
      ['light again', ['light', 'light', 'light']],
      ['dark again', ['dark', 'dark', 'light']],
    ]) {
      // The switch's own click handler, run by a script so that the focus stays in the widget.
      const inFrame = await afterOneFrame(page, "document.getElementById('switch').click()");
      assert.deepEqual(inFrame, expected, `${step}: decided in the frame that paints the switch`);
      const now = await schemes(page);
      assert.deepEqual(now.map((s) => [s.scheme, s.card, s.box]), expected.map((e) => [e, e, e]), `${step}: the controls' color-scheme follows`);
      assert.deepEqual(now.map((s) => s.same), [true, true, true], `${step}: no widget was mounted again`);
      assert.deepEqual((await checkboxes(page, 0).evaluateAll((boxes) => boxes.map((b) => b.checked))), [false, true, false, false, false], `${step}: the tick stays`);
      assert.equal(await widget(page, 1).locator('.backup').count(), 1, `${step}: the panel stays open`);
      assert.ok(await checkboxes(page, 0).nth(3).evaluate((box) => box.getRootNode().activeElement === box && document.activeElement === box.getRootNode().host), `${step}: the focus stays`);
      await assertAxe(page, `after the switch to ${step}`);
      if (step === 'dark') await page.screenshot({ path: new URL('live-theme-switched-dark.png', SHOTS).pathname });
    }
    quiet(log);
  } finally {
    await context.close();
  }
});

test('a stylesheet the blog adds (or removes) in the head is followed too, once it has loaded', async () => {
  const { context, page, log } = await fixture(
    'live-stylesheet',
    `<div class="thing-prompts" data-programme="cpd23-2012" data-thing="12"></div>`,
    { head: '<style>html { background: #fff; color: #222; }</style>' },
  );
  try {
    await waitAllMounted(page, 1);
    await mark(page);
    // A dark theme's stylesheet, as a link that has to load first.
    await context.route('**/fixture/dark-theme.css', (route) =>
      route.fulfill({ contentType: 'text/css', body: 'html { background: #101214; color: #ddd; }' }),
    );
    await page.evaluate(() => {
      const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', id: 'dark-theme', href: '/fixture/dark-theme.css' });
      document.head.append(link);
    });
    await page.waitForFunction(() => document.querySelector('.thing-prompts').shadowRoot.querySelector('.tp').parentElement.dataset.scheme === 'dark', null, { timeout: 3000 });
    let [now] = await schemes(page);
    assert.deepEqual([now.card, now.box, now.same], ['dark', 'dark', true]);
    // Switched off (the way some theme switchers do it), then removed: light again each time.
    assert.deepEqual(await afterOneFrame(page, "document.getElementById('dark-theme').disabled = true"), ['light']);
    // Switched on again, it is fetched again (Chromium drops a disabled link's sheet), and
    // followed once loaded.
    await page.evaluate(() => (document.getElementById('dark-theme').disabled = false));
    await page.waitForFunction(() => document.querySelector('.thing-prompts').shadowRoot.querySelector('.tp').parentElement.dataset.scheme === 'dark', null, { timeout: 3000 });
    assert.deepEqual(await afterOneFrame(page, "document.getElementById('dark-theme').remove()"), ['light']);
    [now] = await schemes(page);
    assert.deepEqual([now.card, now.box, now.same], ['light', 'light', true]);
    quiet(log);
  } finally {
    await context.close();
  }
});

test('a page with color-scheme: light dark follows the reader\'s preference as it changes', async () => {
  // Painted with the system colours that follow the scheme (axe checks its contrast), and
  // unpainted, where the browser's canvas follows it (axe takes an unpainted page for white, so
  // it is not run there; the last test compares with the canvas itself).
  for (const [name, head, axe] of [
    ['live-preference-painted', '<style>:root { color-scheme: light dark; background: Canvas; color: CanvasText; }</style>', true],
    ['live-preference-unpainted', '<style>:root { color-scheme: light dark; }</style>', false],
  ]) {
    const { context, page, log } = await fixture(
      name,
      `<div class="thing-prompts" data-programme="cpd23-2012" data-thing="12"></div>
       <div class="thing-prompts" data-programme="cpd23-2012" data-thing="12" data-theme="dark"></div>`,
      { head, context: { colorScheme: 'light' } },
    );
    try {
      await waitAllMounted(page, 2);
      await checkboxes(page, 0).nth(0).check();
      await mark(page);
      assert.deepEqual((await schemes(page)).map((s) => s.scheme), ['light', 'dark'], name);
      for (const colorScheme of ['dark', 'light', 'dark']) {
        await page.emulateMedia({ colorScheme });
        await page.waitForFunction(
          (expected) => document.querySelector('.thing-prompts').shadowRoot.querySelector('.tp').parentElement.dataset.scheme === expected,
          colorScheme,
          { timeout: 3000 },
        );
        const now = await schemes(page);
        assert.deepEqual(
          now.map((s) => [s.scheme, s.card, s.box, s.same]),
          [
            [colorScheme, colorScheme, colorScheme, true],
            ['dark', 'dark', 'dark', true],
          ],
          `${name}, ${colorScheme}`,
        );
        assert.equal(await checkboxes(page, 0).nth(0).isChecked(), true);
        if (axe) await assertAxe(page, `${name}, with the preference ${colorScheme}`);
        if (colorScheme === 'dark') await page.screenshot({ path: new URL(`${name}-dark.png`, SHOTS).pathname });
      }
      quiet(log);
    } finally {
      await context.close();
    }
  }
});

test('a page that paints no background and declares no color-scheme is white: light for a reader who prefers dark', async () => {
  for (const [name, head, expected] of [
    ['unpainted', '', 'light'],
    ['unpainted-light', '<style>:root { color-scheme: light; }</style>', 'light'],
    ['unpainted-light-dark', '<style>:root { color-scheme: light dark; }</style>', 'dark'],
    ['unpainted-dark', '<style>:root { color-scheme: dark; }</style>', 'dark'],
    ['unpainted-meta', '<meta name="color-scheme" content="light dark">', 'dark'],
  ]) {
    const { context, page, log } = await fixture(name, `<div class="thing-prompts" data-programme="cpd23-2012" data-thing="12"></div>`, {
      head,
      context: { colorScheme: 'dark' },
    });
    try {
      await waitAllMounted(page, 1);
      // What the browser really paints there: the canvas behind an unpainted page.
      const canvas = await page.evaluate(() => {
        const probe = document.createElement('canvas-probe');
        probe.style.cssText = 'display:block;background:Canvas';
        document.body.append(probe);
        const colour = getComputedStyle(probe).backgroundColor;
        probe.remove();
        return colour;
      });
      const [now] = await schemes(page);
      assert.deepEqual([now.scheme, now.card, now.box], [expected, expected, expected], `${name} (canvas ${canvas})`);
      assert.equal(canvas === 'rgb(255, 255, 255)', expected === 'light', `${name}: the widget is light exactly where the canvas is white (${canvas})`);
      // axe takes an unpainted page for white, which it is only where the widget is light.
      if (expected === 'light') await assertAxe(page, name);
      quiet(log);
    } finally {
      await context.close();
    }
  }
});

test('the demo blog with a dark-mode switch (dark-switch.html): its button turns the widget dark and back', async () => {
  const context = await browser.newContext({ viewport: { width: 900, height: 900 }, colorScheme: 'light' });
  try {
    const page = await context.newPage();
    const log = watch(page);
    await page.goto(pageUrl('dark-switch.html'));
    await waitAllMounted(page, 1);
    await checkboxes(page, 0).nth(0).check();
    await mark(page);
    for (const [pressed, expected] of [
      ['true', 'dark'],
      ['false', 'light'],
      ['true', 'dark'],
    ]) {
      await page.getByRole('button', { name: 'Dark mode' }).click();
      assert.equal(await page.getByRole('button', { name: 'Dark mode' }).getAttribute('aria-pressed'), pressed);
      await page.waitForFunction((e) => document.querySelector('.thing-prompts').shadowRoot.querySelector('.tp').parentElement.dataset.scheme === e, expected, { timeout: 3000 });
      const [now] = await schemes(page);
      assert.deepEqual([now.card, now.box, now.same], [expected, expected, true]);
      assert.equal(await checkboxes(page, 0).nth(0).isChecked(), true);
      await assertAxe(page, `dark-switch.html, ${expected}`);
    }
    await page.screenshot({ path: new URL('dark-switch-demo-dark.png', SHOTS).pathname });
    quiet(log);
  } finally {
    await context.close();
  }
});
