// The two WebAssembly modules: a page of checklists fetches only the lite one; the first click
// on a part only the full module has (Backup, All Things) fetches the full one, which takes over
// every widget on the page without losing a tick, opens what was asked for and keeps the focus.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch,
  pageUrl,
  watch,
  widget,
  checkboxes,
  statusLine,
  checkedStates,
  waitAllMounted,
  waitMounted,
  eventually,
  quiet,
  focused,
  fixtureHtml,
  serveFixture,
} from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const LITE = (url) => url.pathname.endsWith('/thing-prompts-wasm_bg.wasm');
const FULL = (url) => url.pathname.endsWith('/thing-prompts-full_bg.wasm');

async function withPage(body, init = null) {
  const context = await browser.newContext();
  try {
    if (init) await context.addInitScript(init);
    const page = await context.newPage();
    const log = watch(page);
    await body(page, log);
  } finally {
    await context.close();
  }
}



test('a page of checklists fetches only the lite module; Backup by keyboard brings the full one, ticks and focus kept', async () => {
  await withPage(async (page, log) => {
    await page.goto(pageUrl('wordpress-front.html'));
    await waitAllMounted(page, 3);
    await page.waitForLoadState('networkidle');
    assert.equal(log.requestsMatching(LITE).length, 1, 'the lite module, once');
    assert.equal(log.requestsMatching(FULL).length, 0, 'no full module before it is needed');

    await checkboxes(page, 0).nth(1).check();
    await checkboxes(page, 2).nth(0).check();
    const before = [await checkedStates(page, 0), await checkedStates(page, 1), await checkedStates(page, 2)];

    const toggle = widget(page, 1).getByRole('button', { name: 'Backup', exact: true });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await widget(page, 1).locator('.backup').waitFor();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    assert.deepEqual(await focused(page), { widget: 1, text: 'Backup' }, 'focus stays on the Backup button');
    assert.equal(log.requestsMatching(FULL).length, 1, 'the full module, once');
    for (const n of [0, 2]) {
      assert.equal(await widget(page, n).locator('.backup').count(), 0, `widget ${n} stays closed`);
    }
    const after = [await checkedStates(page, 0), await checkedStates(page, 1), await checkedStates(page, 2)];
    assert.deepEqual(after, before, 'every tick is still shown after the takeover');

    // The widgets now all run in the full module: a tick in one reaches the others on the page
    // (widgets 0 and 2 both show Thing 12).
    await checkboxes(page, 0).nth(2).check();
    await eventually(async () => (await checkedStates(page, 2))[2] === true, 'widget 2 follows the tick');
    // Closing and opening again is now instant, with no further download.
    await toggle.click();
    assert.equal(await widget(page, 1).locator('.backup').count(), 0);
    await toggle.click();
    await widget(page, 1).locator('.backup').waitFor();
    assert.equal(log.requestsMatching(FULL).length, 1);
    assert.equal(log.requestsMatching(LITE).length, 1);
    quiet(log);
  });
});

test('with storage blocked, ticks kept in memory survive the takeover by the full module', async () => {
  const blocked = () => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  };
  await withPage(async (page, log) => {
    await page.goto(pageUrl('blogger-post.html'));
    await waitAllMounted(page, 2);
    await checkboxes(page, 0).nth(1).check();
    await checkboxes(page, 0).nth(3).check();
    assert.equal((await statusLine(page, 0).textContent()).trim(), '2 of 5 answered');
    await widget(page, 0).getByRole('button', { name: 'Backup', exact: true }).click();
    const panel = widget(page, 0).locator('.backup');
    await panel.waitFor();
    assert.equal((await statusLine(page, 0).textContent()).trim(), '2 of 5 answered');
    assert.deepEqual(await checkedStates(page, 0), [false, true, false, true, false]);
    await panel.getByRole('button', { name: 'Copy backup code' }).click();
    const code = (await panel.locator('textarea.code').inputValue()).trim();
    // Each Thing's word ends with the stamp of its latest tick, in base 36.
    assert.match(code, /^TP1 cpd23-2012 12:[0-9a-f]{16},[0-9a-f]{16}:[0-9a-z]{8}$/, 'the backup holds both ticks');
    assert.deepEqual(log.errors(), []);
    assert.deepEqual(log.pageErrors, []);
  }, blocked);
});

test('a page with an overview fetches the full module at once and never the lite one', async () => {
  await withPage(async (page, log) => {
    await page.goto(pageUrl('organiser-sidebar.html'));
    await waitAllMounted(page);
    await page.waitForLoadState('networkidle');
    assert.equal(log.requestsMatching(FULL).length, 1);
    assert.equal(log.requestsMatching(LITE).length, 0);
    assert.ok((await page.locator('.thing-prompts').count()) >= 2);
    quiet(log);
  });
});

test('the messages for page authors are in the full module: a mistake brings it, a clean page never does', async () => {
  const context = await browser.newContext();
  try {
    const url = await serveFixture(
      context,
      'author-mistakes',
      fixtureHtml(
        `<div class="thing-prompts" data-programme="cpd23-2012" data-thing="12"><p>Fine</p></div>
<div class="thing-prompts" data-programme="cpd23-2012" data-thing="12" data-theme="purple"><p>Tolerated mistake</p></div>
<div class="thing-prompts" data-programme="cpd23-2012" data-thing="42"><p>Fatal mistake</p></div>`,
      ),
    );
    const page = await context.newPage();
    const log = watch(page);
    await page.goto(url);
    await waitAllMounted(page, 3);
    await page.waitForLoadState('networkidle');
    assert.equal(log.requestsMatching(LITE).length, 1);
    assert.equal(log.requestsMatching(FULL).length, 1, 'the full module explains the mistakes');
    // The fatal one says what to fix; the tolerated one works and says it in the console.
    const box = widget(page, 2).locator('.tp.error[role=note]');
    assert.match(await box.textContent(), /has no Thing 42: set data-thing to a number from 1 to 23/);
    assert.equal(await checkboxes(page, 1).count(), 5);
    assert.equal(await checkboxes(page, 0).count(), 5);
    const warnings = log.widgetWarnings().map((m) => m.text).join('\n');
    assert.match(warnings, /data-theme="purple" is not a theme/);
    assert.match(warnings, /has no Thing 42/);
    assert.deepEqual(log.errors(), []);
    assert.deepEqual(log.pageErrors, []);

    // The same page with the full module unreachable: the good checklists still work and the
    // placeholders with mistakes keep their own content.
    const blocked = await context.newPage();
    await blocked.route(/thing-prompts-full/, (route) => route.abort());
    const blockedLog = watch(blocked);
    await blocked.goto(url);
    await waitMounted(blocked, 0);
    await blocked.waitForLoadState('networkidle');
    assert.equal(await checkboxes(blocked, 0).count(), 5);
    for (const [n, text] of [[1, 'Tolerated mistake'], [2, 'Fatal mistake']]) {
      await eventually(
        async () => (await blocked.locator('.thing-prompts').nth(n).evaluate((el) => !el.shadowRoot && el.innerText.trim())) === text,
        `placeholder ${n} keeps its own content`,
      );
    }
    assert.deepEqual(blockedLog.pageErrors, []);
    assert.match(blockedLog.widgetWarnings().map((m) => m.text).join('\n'), /could not load the rest of the widget/);
  } finally {
    await context.close();
  }
});

test('a bundled programme is fetched once per page as its own file, not compiled into the module', async () => {
  await withPage(async (page, log) => {
    await page.goto(pageUrl('wordpress-front.html'));
    await waitAllMounted(page, 3);
    await page.waitForLoadState('networkidle');
    const files = log.requestsMatching((url) => url.pathname.includes('/programmes/'));
    assert.equal(files.length, 1, files.join(', '));
    assert.match(new URL(files[0]).pathname, /\/programmes\/cpd23-2012\.json$/);
    assert.match(new URL(files[0]).search, /^\?v=[0-9a-f]{12}$/, 'named with the build, like the modules');
    quiet(log);
  });
});

test('a page whose checklists all pin one Thing fetches only that Thing\'s file of the programme', async () => {
  const context = await browser.newContext();
  try {
    const pinned = '<div class="thing-prompts" data-programme="cpd23-2012" data-thing="12"></div>';
    for (const [name, body, expected] of [
      ['one-thing', `${pinned}\n${pinned}`, ['/programmes/cpd23-2012/12.json']],
      // Two Things, or this week's Thing (which needs every Thing): the whole file, once.
      ['two-things', `${pinned}\n${pinned.replace('"12"', '"11"')}`, ['/programmes/cpd23-2012.json']],
      ['this-week', `${pinned}\n${pinned.replace('"12"', '"current"')}`, ['/programmes/cpd23-2012.json']],
      // A number the programme lacks has no file of its own: the whole one says which there are.
      ['no-such-thing', pinned.replace('"12"', '"42"'), ['/programmes/cpd23-2012.json']],
    ]) {
      const page = await context.newPage();
      const log = watch(page);
      await page.goto(await serveFixture(context, name, fixtureHtml(body)));
      await page.waitForLoadState('networkidle');
      await page.waitForFunction(() => [...document.querySelectorAll('.thing-prompts')].every((n) => n.shadowRoot && n.shadowRoot.childNodes.length));
      const files = log.requestsMatching((url) => url.pathname.includes('/programmes/')).map((url) => new URL(url).pathname);
      assert.deepEqual(files, expected, name);
      await page.close();
    }
  } finally {
    await context.close();
  }
});
