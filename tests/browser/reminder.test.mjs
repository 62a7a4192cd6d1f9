// Reminded before it is too late: a returning reader's first tick of a visit asks the browser
// once to keep this site's storage (navigator.storage.persist), and a Safari-like browser with
// ticks older than five days shows one quiet line offering a backup, dismissed for good.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  CPD23_2012_KEY,
  STORAGE_PREFIX,
  axeViolations,
  checkboxes,
  focused,
  formatViolations,
  launch,
  pageUrl,
  waitAllMounted,
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

const FRONT = pageUrl('wordpress-front.html');
const DAY = 24 * 3_600_000;
const DISMISSED_KEY = `${STORAGE_PREFIX}~reminder-dismissed`;
const REMINDER = 'Ticks in this browser may be deleted after a week without a visit.';

/** Replaces navigator.storage by one that counts calls; `persisted()` resolves `kept`. */
function stubStorageManager(kept) {
  window.persistCalls = { persisted: 0, persist: 0 };
  const manager = {
    persisted() {
      window.persistCalls.persisted += 1;
      return Promise.resolve(kept);
    },
    persist() {
      window.persistCalls.persist += 1;
      return Promise.resolve(true);
    },
  };
  Object.defineProperty(Navigator.prototype, 'storage', { configurable: true, get: () => manager });
}

function fakeSafari() {
  Object.defineProperty(Navigator.prototype, 'vendor', { configurable: true, get: () => 'Apple Computer, Inc.' });
}

async function withContext(setup, body) {
  const context = await browser.newContext();
  try {
    for (const [script, arg] of setup) await context.addInitScript(script, arg);
    return await body(context);
  } finally {
    await context.close();
  }
}

async function visit(context, page = null) {
  page ??= await context.newPage();
  const log = page.log ?? watch(page);
  page.log = log;
  await page.goto(FRONT);
  await waitAllMounted(page, 3);
  return page;
}

const calls = (page) => page.evaluate(() => window.persistCalls);
const settle = (page) => page.waitForTimeout(300);

function noErrors(page) {
  assert.deepEqual(page.log.pageErrors, [], 'no uncaught errors');
  assert.deepEqual(page.log.errors().map((m) => m.text), [], 'no console errors');
}

/** Moves every stored time of the course `days` into the past (as if ticked then). */
async function age(page, days) {
  await page.evaluate(
    ([key, by]) => {
      const stored = JSON.parse(localStorage.getItem(key));
      for (const ticks of Object.values(stored.things)) for (const tick of Object.values(ticks)) tick.at -= by;
      localStorage.setItem(key, JSON.stringify(stored));
    },
    [CPD23_2012_KEY, days * DAY],
  );
}

test('a returning reader: the browser is asked once to keep storage, after the first tick, however many ticks and widgets', async () => {
  await withContext([[stubStorageManager, false]], async (context) => {
    // First visit: a first-time reader is not asked.
    const page = await visit(context);
    await checkboxes(page, 2).nth(0).check();
    await checkboxes(page, 1).nth(1).check();
    await settle(page);
    assert.deepEqual(await calls(page), { persisted: 0, persist: 0 }, 'not for a first-time reader');

    // Second visit: stored progress existed before it. Nothing is asked until a tick.
    await visit(context, page);
    await settle(page);
    assert.deepEqual(await calls(page), { persisted: 0, persist: 0 }, 'nothing before the first tick');
    await checkboxes(page, 2).nth(2).check();
    await page.waitForFunction(() => window.persistCalls.persist === 1);
    assert.equal((await calls(page)).persisted, 1);
    // More ticks, in other widgets, and in the full module after it takes over: never again.
    await checkboxes(page, 1).nth(2).check();
    await checkboxes(page, 0).nth(3).check();
    await widget(page, 2).getByRole('button', { name: 'Backup', exact: true }).click();
    await widget(page, 2).locator('.backup').waitFor();
    await checkboxes(page, 2).nth(4).check();
    await settle(page);
    assert.deepEqual(await calls(page), { persisted: 1, persist: 1 }, 'once a page');
    noErrors(page);
  });
});

test('storage already persistent, no navigator.storage, or storage refused: nothing is asked and nothing is thrown', async () => {
  // Already kept: the browser is asked whether it keeps storage, and not asked again.
  await withContext([[stubStorageManager, true]], async (context) => {
    const page = await visit(context);
    await checkboxes(page, 2).nth(0).check();
    await visit(context, page);
    await checkboxes(page, 2).nth(1).check();
    await page.waitForFunction(() => window.persistCalls.persisted === 1);
    await settle(page);
    assert.equal((await calls(page)).persist, 0);
    noErrors(page);
  });
  // No navigator.storage at all (an old browser): ticking works and nothing is thrown.
  const noManager = () => Object.defineProperty(Navigator.prototype, 'storage', { configurable: true, get: () => undefined });
  await withContext([[noManager, null]], async (context) => {
    const page = await visit(context);
    await checkboxes(page, 2).nth(0).check();
    await visit(context, page);
    await checkboxes(page, 2).nth(1).check();
    await settle(page);
    assert.equal(await widget(page, 2).locator('input[type=checkbox]:checked').count(), 2);
    noErrors(page);
  });
  // localStorage refused: the ticks last only for the visit, so the browser is never asked.
  const refused = () => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  };
  await withContext([[stubStorageManager, false]], async (context) => {
    const seed = await visit(context);
    await checkboxes(seed, 2).nth(0).check();
    await seed.close();
    await context.addInitScript(refused);
    const page = await visit(context);
    await checkboxes(page, 2).nth(1).check();
    await settle(page);
    assert.deepEqual(await calls(page), { persisted: 0, persist: 0 });
  });
});

test('Safari with ticks older than five days: one quiet line offers a backup, and its dismissal sticks', async () => {
  await withContext([[fakeSafari, null], [stubStorageManager, true]], async (context) => {
    const page = await visit(context);
    await checkboxes(page, 2).nth(0).check();
    await checkboxes(page, 2).nth(1).check();
    await age(page, 6);
    await visit(context, page);
    const lines = page.locator('.thing-prompts .reminder');
    assert.equal(await lines.count(), 1, 'one line for the page, however many widgets');
    const line = lines.first();
    assert.ok((await line.textContent()).includes(REMINDER));
    // It sits under the progress line, inside the checklist's group, and axe-core finds
    // nothing wrong with it in either colour scheme.
    assert.equal(await line.evaluate((p) => p.previousElementSibling?.classList.contains('footer')), true);
    for (const colorScheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme });
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, `axe-core (${colorScheme}):\n${formatViolations(violations)}`);
    }

    // "Save a backup" brings the full module with the backup panel open.
    await line.getByRole('button', { name: 'Save a backup' }).click();
    const host = page.locator('.thing-prompts', { has: page.locator('.backup') });
    await host.locator('.backup').waitFor();
    assert.equal(await page.locator('.thing-prompts .reminder').count(), 1, 'still offered until dismissed');

    // Dismissed from the keyboard: the line goes, the focus lands on the Backup button.
    const dismiss = page.locator('.thing-prompts .reminder').getByRole('button', { name: 'Do not remind me again' });
    await dismiss.focus();
    await page.keyboard.press('Enter');
    await page.locator('.thing-prompts .reminder').waitFor({ state: 'detached' });
    assert.equal((await focused(page))?.text, 'Backup');
    assert.notEqual(await page.evaluate((k) => localStorage.getItem(k), DISMISSED_KEY), null);

    // For good: not after a reload either.
    await visit(context, page);
    await settle(page);
    assert.equal(await page.locator('.thing-prompts .reminder').count(), 0);
    noErrors(page);
  });
});

test('the Safari line does not show for recent ticks or another browser', async () => {
  // Safari, ticks from today: no line. Ticks six days old: the line (the same browser).
  await withContext([[fakeSafari, null], [stubStorageManager, true]], async (context) => {
    const page = await visit(context);
    await checkboxes(page, 2).nth(0).check();
    await visit(context, page);
    await settle(page);
    assert.equal(await page.locator('.thing-prompts .reminder').count(), 0, 'recent ticks: no line');
    await age(page, 4);
    await visit(context, page);
    await settle(page);
    assert.equal(await page.locator('.thing-prompts .reminder').count(), 0, 'four days: no line');
    await age(page, 2);
    await visit(context, page);
    await page.locator('.thing-prompts .reminder').waitFor();
  });
  // Chromium's own vendor, ticks six days old: no line.
  await withContext([[stubStorageManager, true]], async (context) => {
    const page = await visit(context);
    assert.ok(!(await page.evaluate(() => navigator.vendor)).includes('Apple'));
    await checkboxes(page, 2).nth(0).check();
    await age(page, 6);
    await visit(context, page);
    await settle(page);
    assert.equal(await page.locator('.thing-prompts .reminder').count(), 0);
  });
});
