// The WordPress front page: three posts, the script pasted three times. One start-up,
// one widget per placeholder, and ticks shared between widgets and between tabs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  THING_12,
  checkboxes,
  checkedStates,
  launch,
  pageUrl,
  promptTexts,
  statusLine,
  waitAllMounted,
  waitFor,
  watch,
  widget,
} from './helpers.mjs';

const PAGE = pageUrl('wordpress-front.html');
const A = 0; // inline Thing 12 (data-programme + data-thing + <ol>)
const B = 1; // bundled Thing 11
const C = 2; // bundled Thing 12
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
  await waitAllMounted(page, 3);
  return { page, log };
}

async function line(page, n) {
  return (await statusLine(page, n).textContent()).trim();
}

test('three placeholders, one widget each, and the widget files fetched once', async () => {
  const context = await browser.newContext();
  try {
    const { page, log } = await open(context);
    await page.waitForLoadState('networkidle');
    const shape = await page.evaluate(() =>
      [...document.querySelectorAll('.thing-prompts')].map((node) => ({
        shadow: !!node.shadowRoot,
        tp: node.shadowRoot ? node.shadowRoot.querySelectorAll('.tp').length : 0,
        error: node.shadowRoot ? node.shadowRoot.querySelectorAll('.tp.error').length : 0,
        checkboxes: node.shadowRoot ? node.shadowRoot.querySelectorAll('input[type=checkbox]').length : 0,
        scripts: document.querySelectorAll('script[src$="thing-prompts.js"]').length,
      })),
    );
    assert.equal(shape.length, 3, 'exactly three placeholders');
    assert.equal(shape[0].scripts, 3, 'the loader is pasted three times (sanity check)');
    assert.deepEqual(
      shape.map(({ shadow, tp, error, checkboxes: n }) => ({ shadow, tp, error, checkboxes: n })),
      [
        { shadow: true, tp: 1, error: 0, checkboxes: 5 },
        { shadow: true, tp: 1, error: 0, checkboxes: 4 },
        { shadow: true, tp: 1, error: 0, checkboxes: 5 },
      ],
    );
    const wasm = log.requestsMatching((u) => u.pathname.endsWith('.wasm'));
    const glue = log.requestsMatching((u) => u.pathname.endsWith('/thing-prompts-wasm.js'));
    assert.equal(wasm.length, 1, `the .wasm is requested once: ${JSON.stringify(wasm)}`);
    assert.equal(glue.length, 1, `thing-prompts-wasm.js is requested once: ${JSON.stringify(glue)}`);
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.warnings(), []);
    assert.deepEqual(log.errors(), []);
  } finally {
    await context.close();
  }
});

test('the inline Thing 12 (post A) and the bundled Thing 12 (post C) share their ticks at once', async () => {
  const context = await browser.newContext();
  try {
    const { page } = await open(context);
    assert.deepEqual(await promptTexts(page, A), THING_12);
    assert.deepEqual(await promptTexts(page, C), THING_12);
    assert.equal((await widget(page, A).locator('legend .title').textContent()).trim(), 'Thing 12: Putting the social into social media');
    assert.equal((await widget(page, C).locator('legend .title').textContent()).trim(), 'Putting the social into social media');
    const bBefore = await checkedStates(page, B);
    assert.deepEqual(bBefore, [false, false, false, false]);

    // C → A, without a reload.
    await checkboxes(page, C).nth(0).check();
    assert.deepEqual(await checkedStates(page, A), [true, false, false, false, false]);
    assert.deepEqual(await checkedStates(page, C), [true, false, false, false, false]);
    assert.equal(await line(page, A), '1 of 5 answered');
    assert.equal(await line(page, C), '1 of 5 answered');

    // A → C.
    await checkboxes(page, A).nth(3).check();
    assert.deepEqual(await checkedStates(page, C), [true, false, false, true, false]);
    assert.deepEqual(await checkedStates(page, A), [true, false, false, true, false]);
    assert.equal(await line(page, A), '2 of 5 answered');
    assert.equal(await line(page, C), '2 of 5 answered');

    // Unticking in A unticks in C.
    await checkboxes(page, A).nth(0).uncheck();
    assert.deepEqual(await checkedStates(page, C), [false, false, false, true, false]);
    assert.equal(await line(page, C), '1 of 5 answered');

    // Thing 11 in post B is untouched.
    assert.deepEqual(await checkedStates(page, B), [false, false, false, false]);
    assert.equal(await line(page, B), '0 of 4 answered');

    // And ticking B does not reach A or C.
    await checkboxes(page, B).nth(0).check();
    assert.equal(await line(page, B), '1 of 4 answered');
    assert.deepEqual(await checkedStates(page, A), [false, false, false, true, false]);
    assert.deepEqual(await checkedStates(page, C), [false, false, false, true, false]);
  } finally {
    await context.close();
  }
});

test('a tick in one tab reaches the other tab within a second', async () => {
  const context = await browser.newContext();
  try {
    const one = await open(context);
    const two = await open(context);
    assert.equal(await checkboxes(two.page, A).nth(1).isChecked(), false);

    await checkboxes(one.page, A).nth(1).check();
    const arrivedA = await waitFor(() => checkboxes(two.page, A).nth(1).isChecked(), { timeout: 1000 });
    assert.ok(arrivedA, "tab 2's post A checkbox is checked within 1000 ms");
    const arrivedC = await waitFor(() => checkboxes(two.page, C).nth(1).isChecked(), { timeout: 1000 });
    assert.ok(arrivedC, "tab 2's post C checkbox is checked within 1000 ms");
    assert.equal(await line(two.page, A), '1 of 5 answered');
    assert.deepEqual(await checkedStates(two.page, B), [false, false, false, false]);

    // And back: tab 2 unticks, tab 1 follows.
    await checkboxes(two.page, C).nth(1).uncheck();
    const back = await waitFor(async () => !(await checkboxes(one.page, A).nth(1).isChecked()), { timeout: 1000 });
    assert.ok(back, "tab 1's checkbox is unchecked within 1000 ms");
  } finally {
    await context.close();
  }
});
