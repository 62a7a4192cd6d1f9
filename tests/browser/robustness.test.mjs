// Bad placeholders, a blocked or mislabelled WebAssembly file and disabled JavaScript:
// the host page keeps working and the placeholders' own content stays readable.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  WARN_PREFIX,
  checkboxes,
  fixtureHtml,
  launch,
  pageUrl,
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

const BAD_PAGE = fixtureHtml(
  `<h1>A post with mistakes in it</h1>
<button id="host-button" type="button" onclick="window.hostClicked = true">Host button</button>
<div class="thing-prompts" data-programme="cpd23-2012" data-thing="42"><p>Fallback for Thing 42</p></div>
<div class="thing-prompts" data-programme="no-such-course" data-thing="1"><p>Fallback for an unknown course</p></div>
<div class="thing-prompts"><p>Fallback for an empty list</p><ol></ol></div>
<div class="thing-prompts" data-programme="cpd23-2012" data-thing="12"><p>Fallback for Thing 12</p></div>`,
  { title: 'Bad placeholders' },
);

test('bad placeholders show an error box above their own content; the good one and the host page work', async () => {
  const context = await browser.newContext();
  try {
    const url = await serveFixture(context, 'bad-placeholders', BAD_PAGE);
    const page = await context.newPage();
    const log = watch(page);
    await page.goto(url);
    await waitAllMounted(page, 4);

    const expected = [
      { mentions: ['no Thing 42', '1 to 23'], fallback: 'Fallback for Thing 42' },
      { mentions: ['no-such-course', 'cpd23-2012'], fallback: 'Fallback for an unknown course' },
      { mentions: ['list is empty'], fallback: 'Fallback for an empty list' },
    ];
    for (const [n, { mentions, fallback }] of expected.entries()) {
      const box = widget(page, n).locator('.tp.error[role=note]');
      assert.equal(await box.count(), 1, `placeholder ${n} shows one error box`);
      const message = (await box.textContent()).trim();
      assert.ok(message.startsWith('Thing Prompts: '), `"${message}" starts with "Thing Prompts: "`);
      for (const words of mentions) assert.ok(message.includes(words), `"${message}" mentions "${words}"`);
      assert.equal(await checkboxes(page, n).count(), 0);

      // The placeholder's own paragraph is still shown, below the box.
      const paragraph = widget(page, n).locator(':scope > p');
      assert.equal((await paragraph.textContent()).trim(), fallback);
      assert.equal(await paragraph.isVisible(), true, `"${fallback}" is visible`);
      const boxRect = await box.boundingBox();
      const paragraphRect = await paragraph.boundingBox();
      assert.ok(boxRect && paragraphRect);
      assert.ok(paragraphRect.y >= boxRect.y + boxRect.height - 1, `"${fallback}" is below the error box`);
    }

    const warnings = log.warnings().map((m) => m.text);
    assert.equal(warnings.length, 3, `three warnings: ${JSON.stringify(warnings)}`);
    for (const text of warnings) assert.ok(text.startsWith(WARN_PREFIX), `"${text}" starts with ${WARN_PREFIX}`);
    assert.ok(warnings.some((t) => t.includes('no Thing 42')));
    assert.ok(warnings.some((t) => t.includes('no-such-course')));
    assert.ok(warnings.some((t) => t.includes('list is empty')));

    // The good widget works.
    assert.equal(await widget(page, 3).locator('.tp.error').count(), 0);
    assert.equal(await checkboxes(page, 3).count(), 5);
    assert.equal(await widget(page, 3).locator(':scope > p').isVisible(), false);
    await checkboxes(page, 3).nth(0).check();
    assert.equal((await statusLine(page, 3).textContent()).trim(), '1 of 5 answered');

    // The host page's own controls still work.
    await page.click('#host-button');
    assert.equal(await page.evaluate(() => window.hostClicked), true);

    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.errors(), []);
  } finally {
    await context.close();
  }
});

test('data-thing="abc" gives an error box that names data-thing', async () => {
  const context = await browser.newContext();
  try {
    const url = await serveFixture(
      context,
      'bad-thing',
      fixtureHtml('<div class="thing-prompts" data-programme="cpd23-2012" data-thing="abc"><p>Fallback text</p></div>'),
    );
    const page = await context.newPage();
    const log = watch(page);
    await page.goto(url);
    await waitAllMounted(page, 1);
    const box = widget(page, 0).locator('.tp.error[role=note]');
    assert.equal(await box.count(), 1);
    const message = (await box.textContent()).trim();
    assert.match(message, /^Thing Prompts: /);
    assert.match(message, /data-thing/);
    assert.match(message, /abc/);
    assert.equal(await widget(page, 0).locator(':scope > p').isVisible(), true);
    assert.equal(log.widgetWarnings().length, 1);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('when the WebAssembly cannot be fetched, the placeholders keep their own content', async () => {
  const context = await browser.newContext();
  try {
    let aborted = 0;
    await context.route((url) => url.pathname.endsWith('.wasm'), (route) => {
      aborted += 1;
      return route.abort();
    });
    const page = await context.newPage();
    const log = watch(page);
    await page.goto(pageUrl('blogger-post.html'));
    const warned = await waitFor(() => log.widgetWarnings().length > 0, { timeout: 10_000 });
    assert.ok(warned, 'the widget says it could not start');
    await page.waitForLoadState('networkidle');
    assert.ok(aborted >= 1, 'the .wasm request was made and aborted');

    const state = await page.evaluate(() =>
      [...document.querySelectorAll('.thing-prompts')].map((node) => !!node.shadowRoot),
    );
    assert.deepEqual(state, [false, false], 'no placeholder got a shadow root');
    const paragraph = page.locator('.thing-prompts > p').first();
    assert.equal(await paragraph.isVisible(), true);
    assert.match(await paragraph.textContent(), /this week's questions appear here/);

    const warnings = log.warnings().map((m) => m.text);
    assert.equal(warnings.length, 1, `one warning: ${JSON.stringify(warnings)}`);
    assert.ok(warnings[0].startsWith(WARN_PREFIX));
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('when the WebAssembly cannot be fetched, a page pasting the script three times warns once', async () => {
  const context = await browser.newContext();
  try {
    await context.route((url) => url.pathname.endsWith('.wasm'), (route) => route.abort());
    const page = await context.newPage();
    const log = watch(page);
    await page.goto(pageUrl('wordpress-front.html'));
    const warned = await waitFor(() => log.widgetWarnings().length > 0, { timeout: 10_000 });
    assert.ok(warned, 'the widget says it could not start');
    await page.waitForLoadState('networkidle');
    assert.equal(log.requestsMatching((u) => u.pathname.endsWith('.wasm')).length, 1, 'one attempt at the .wasm');
    const state = await page.evaluate(() =>
      [...document.querySelectorAll('.thing-prompts')].map((node) => !!node.shadowRoot),
    );
    assert.deepEqual(state, [false, false, false]);
    const items = page.locator('.thing-prompts').first().locator('ol > li');
    assert.equal(await items.count(), 5);
    assert.equal(await items.nth(0).isVisible(), true);
    assert.equal(log.warnings().length, 1, `one warning: ${JSON.stringify(log.warnings())}`);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('without JavaScript the questions are a plain list', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(pageUrl('wordpress-front.html'));
    const items = page.locator('.thing-prompts').first().locator('ol > li');
    assert.equal(await items.count(), 5);
    for (let i = 0; i < 5; i += 1) {
      assert.equal(await items.nth(i).isVisible(), true, `item ${i} is visible`);
    }
    assert.match(await items.nth(0).textContent(), /How much of the social do you put into your social media/);
    assert.equal(await page.locator('input[type=checkbox]').count(), 0);
  } finally {
    await context.close();
  }
});

test('a .wasm served with the wrong MIME type still starts, silently', async () => {
  const context = await browser.newContext();
  try {
    let relabelled = 0;
    await context.route((url) => url.pathname.endsWith('.wasm'), async (route) => {
      const response = await route.fetch();
      relabelled += 1;
      await route.fulfill({
        response,
        headers: { ...response.headers(), 'content-type': 'application/octet-stream' },
      });
    });
    const page = await context.newPage();
    const log = watch(page);
    await page.goto(pageUrl('wordpress-front.html'));
    await waitAllMounted(page, 3);
    await page.waitForLoadState('networkidle');
    assert.equal(relabelled, 1, 'the .wasm went through the relabelling route once');
    assert.deepEqual(
      await Promise.all([0, 1, 2].map((n) => checkboxes(page, n).count())),
      [5, 4, 5],
    );
    await checkboxes(page, 1).nth(0).check();
    assert.equal((await statusLine(page, 1).textContent()).trim(), '1 of 4 answered');
    assert.deepEqual(log.warnings(), []);
    assert.deepEqual(log.errors(), []);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('a placeholder that cannot hold a shadow root (a <ul>) keeps its list and gets exactly one warning', async () => {
  const context = await browser.newContext();
  try {
    const url = await serveFixture(
      context,
      'list-host',
      fixtureHtml(
        `<ul class="thing-prompts"><li>First question of my own</li><li>Second question of my own</li></ul>
<div class="thing-prompts" data-programme="cpd23-2012" data-thing="12"></div>`,
      ),
    );
    const page = await context.newPage();
    const log = watch(page);
    await page.goto(url);
    // The good placeholder after it mounts, so the widget has dealt with both.
    await page.locator('div.thing-prompts .tp').waitFor();
    await page.waitForLoadState('networkidle');
    assert.equal(await page.evaluate(() => !!document.querySelector('ul.thing-prompts').shadowRoot), false);
    const items = page.locator('ul.thing-prompts > li');
    assert.equal(await items.nth(0).isVisible(), true);
    assert.equal(await items.nth(1).isVisible(), true);
    const warnings = log.warnings().map((m) => m.text);
    assert.equal(warnings.length, 1, `exactly one warning for the one bad placeholder: ${JSON.stringify(warnings)}`);
    assert.ok(warnings[0].startsWith(WARN_PREFIX));
    assert.match(warnings[0], /<ul>/);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});
