// The Blogger post: the widget mounts, keeps ticks across reloads, clears and undoes,
// works from the keyboard, names its checkboxes, and stays quiet and on its two origins.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  CPD23_2012_KEY,
  THING_12,
  checkboxes,
  checkedStates,
  eventually,
  foreignRequests,
  launch,
  pageUrl,
  promptTexts,
  readStorage,
  statusLine,
  waitAllMounted,
  watch,
  widget,
} from './helpers.mjs';

const PAGE = pageUrl('blogger-post.html');
let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

async function open(context) {
  const page = await context.newPage();
  const log = watch(page);
  await page.goto(PAGE);
  await waitAllMounted(page, 2);
  return { page, log };
}

test('both placeholders mount; the post shows Thing 12 with its five questions', async () => {
  const context = await browser.newContext();
  try {
    const { page } = await open(context);
    const post = widget(page, 0);
    await assert.doesNotReject(post.locator('.tp').waitFor());
    assert.equal(await checkboxes(page, 0).count(), 5);
    assert.equal((await post.locator('legend .title').textContent()).trim(), 'Putting the social into social media');
    assert.equal(
      (await post.locator('legend .kicker').textContent()).trim(),
      'Thing 12 of 23 · 23 Things for Professional Development (2012)',
    );
    assert.deepEqual(await promptTexts(page, 0), THING_12);
    assert.equal((await statusLine(page, 0).textContent()).trim(), '0 of 5 answered');
    // The sidebar placeholder mounted too, as a checklist (not an error box).
    assert.equal(await widget(page, 1).locator('.tp:not(.error)').count(), 1);

    // The placeholder's own static paragraph is still in the DOM but no longer rendered.
    const staticParagraph = await page.evaluate(() => {
      const p = document.querySelector('.thing-prompts > p');
      return p && { text: p.textContent, rects: p.getClientRects().length, host: !!p.parentElement.shadowRoot };
    });
    assert.ok(staticParagraph, 'the placeholder <p> is still in the light DOM');
    assert.match(staticParagraph.text, /this week's questions appear here/);
    assert.equal(staticParagraph.host, true, 'its placeholder has a shadow root');
    assert.equal(staticParagraph.rects, 0, 'the static <p> is not rendered any more');
    assert.equal(await page.locator('.thing-prompts > p').first().isVisible(), false);
  } finally {
    await context.close();
  }
});

test('ticks survive a reload, are stored as version 1, and clear / undo works', async () => {
  const context = await browser.newContext();
  try {
    const { page } = await open(context);
    const boxes = checkboxes(page, 0);
    await boxes.nth(1).check();
    await boxes.nth(3).check();
    assert.equal((await statusLine(page, 0).textContent()).trim(), '2 of 5 answered');
    assert.deepEqual(await checkedStates(page, 0), [false, true, false, true, false]);

    const stored = await readStorage(page, CPD23_2012_KEY);
    assert.ok(stored, `localStorage has ${CPD23_2012_KEY}`);
    assert.equal(stored.version, 1);
    const thing12 = stored.things['12'];
    assert.ok(thing12, 'ticks are kept under Thing 12');
    const ids = Object.keys(thing12);
    assert.equal(ids.filter((id) => thing12[id].done === true).length, 2);
    for (const id of ids) {
      assert.match(id, /^t[0-9a-f]{16}$/);
      assert.equal(typeof thing12[id].at, 'number');
    }

    await page.reload();
    await waitAllMounted(page, 2);
    assert.deepEqual(await checkedStates(page, 0), [false, true, false, true, false]);
    assert.equal((await statusLine(page, 0).textContent()).trim(), '2 of 5 answered');

    const post = widget(page, 0);
    await post.getByRole('button', { name: 'Clear ticks' }).click();
    assert.equal((await statusLine(page, 0).textContent()).trim(), '0 of 5 answered');
    assert.deepEqual(await checkedStates(page, 0), [false, false, false, false, false]);
    assert.equal(await post.getByRole('button', { name: 'Clear ticks' }).count(), 0);
    const cleared = await readStorage(page, CPD23_2012_KEY);
    assert.equal(Object.values(cleared.things['12'] || {}).filter((e) => e.done).length, 0);

    await post.getByRole('button', { name: 'Undo clear' }).click();
    assert.equal((await statusLine(page, 0).textContent()).trim(), '2 of 5 answered');
    assert.deepEqual(await checkedStates(page, 0), [false, true, false, true, false]);
    assert.equal(await post.getByRole('button', { name: 'Undo clear' }).count(), 0);
    assert.equal(await post.getByRole('button', { name: 'Clear ticks' }).count(), 1);
  } finally {
    await context.close();
  }
});

test('a checkbox can be ticked from the keyboard', async () => {
  const context = await browser.newContext();
  try {
    const { page } = await open(context);
    const first = checkboxes(page, 0).first();
    await first.focus();
    assert.equal(
      await first.evaluate((input) => input.getRootNode().activeElement === input),
      true,
      'the first checkbox has focus',
    );
    await page.keyboard.press('Space');
    await eventually(() => first.isChecked(), 'Space ticks the focused checkbox');
    assert.equal((await statusLine(page, 0).textContent()).trim(), '1 of 5 answered');
    // Tab moves on to the next question, and Space ticks it too.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await eventually(async () => (await statusLine(page, 0).textContent()).trim() === '2 of 5 answered', 'Tab, Space ticks the second');
    assert.deepEqual(await checkedStates(page, 0), [true, true, false, false, false]);
  } finally {
    await context.close();
  }
});

test('each checkbox is named by its question', async () => {
  const context = await browser.newContext();
  try {
    const { page } = await open(context);
    const post = widget(page, 0);
    for (const question of THING_12) {
      const box = post.getByRole('checkbox', { name: question, exact: true });
      assert.equal(await box.count(), 1, `one checkbox named "${question}"`);
    }
    await post.getByRole('checkbox', { name: THING_12[2], exact: true }).check();
    assert.deepEqual(await checkedStates(page, 0), [false, false, true, false, false]);
  } finally {
    await context.close();
  }
});

test('no page errors, console errors or warnings, and no requests beyond the two origins', async () => {
  const context = await browser.newContext();
  try {
    const { page, log } = await open(context);
    await checkboxes(page, 0).first().check();
    await page.reload();
    await waitAllMounted(page, 2);
    await page.waitForLoadState('networkidle');
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.errors(), []);
    assert.deepEqual(log.warnings(), []);
    assert.ok(log.requests.some((u) => new URL(u).pathname.endsWith('.wasm')), 'the wasm was requested (sanity check)');
    assert.deepEqual(foreignRequests(log), []);
  } finally {
    await context.close();
  }
});
