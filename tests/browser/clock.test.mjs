// Merges that survive a wrong clock: a backup taken in a browser whose clock runs three hours
// ahead is restored in another, a question is unticked there, and the same backup restored
// again leaves the untick alone (the hybrid logical clock of core/src/progress.rs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  CPD23_2012_KEY,
  checkboxes,
  checkedStates,
  launch,
  pageUrl,
  readStorage,
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
const HOUR = 3_600_000;

async function open(context, url, count) {
  const page = await context.newPage();
  const log = watch(page);
  await page.goto(url);
  await waitAllMounted(page, count);
  return { page, log };
}

async function openBackup(page, n) {
  await widget(page, n).getByRole('button', { name: 'Backup', exact: true }).click();
  const panel = widget(page, n).locator('.backup');
  await panel.waitFor();
  return panel;
}

/** Thing 12's stored entries (prompt id → {done, at}), in the order the widget shows them. */
async function thing12(page) {
  const stored = await readStorage(page, CPD23_2012_KEY);
  return stored?.things?.['12'] ?? {};
}

test('a backup from a clock three hours ahead, restored, then an untick, then the same backup again: the untick stands', async () => {
  // Browser A: its clock runs three hours fast. It ticks two questions and saves a backup file.
  const fast = await browser.newContext({ acceptDownloads: true });
  const slow = await browser.newContext();
  try {
    await fast.addInitScript((shift) => {
      const real = Date.now.bind(Date);
      Date.now = () => real() + shift;
    }, 3 * HOUR);
    const a = await open(fast, FRONT, 3);
    await checkboxes(a.page, 2).nth(0).check();
    await checkboxes(a.page, 2).nth(1).check();
    const panelA = await openBackup(a.page, 2);
    const download = a.page.waitForEvent('download');
    await panelA.getByRole('button', { name: 'Download backup file' }).click();
    const file = await (await download).path();
    const saved = JSON.parse(await readFile(file, 'utf8'));
    const backedUp = Object.values(saved.progress.things['12']).map((tick) => tick.at);
    assert.equal(backedUp.length, 2);
    const newestInBackup = Math.max(...backedUp);
    assert.ok(newestInBackup > Date.now() + 2.5 * HOUR, 'the backup carries times three hours ahead');

    // Browser B: a true clock, sharing nothing with A. The backup comes back.
    const b = await open(slow, FRONT, 3);
    const panel = await openBackup(b.page, 2);
    await panel.locator('input[type=file]').setInputFiles(file);
    await panel.locator('.outcome', { hasText: '2 ticks restored across 1 Thing.' }).waitFor();
    assert.deepEqual(await checkedStates(b.page, 2), [true, true, false, false, false]);

    // The reader unticks the first question and ticks one the backup does not have: both
    // changes are stamped after everything this browser has seen, whatever its clock says.
    await checkboxes(b.page, 2).nth(0).uncheck();
    await checkboxes(b.page, 2).nth(4).check();
    const entries = Object.values(await thing12(b.page));
    const changed = entries.filter((tick) => !backedUp.includes(tick.at));
    assert.equal(changed.length, 2, JSON.stringify(entries));
    for (const tick of changed) {
      assert.ok(tick.at > newestInBackup, `a change at ${tick.at} is stamped after the backup's ${newestInBackup}`);
    }

    // The same backup once more: the untick stands, and the reader is told why.
    await panel.locator('input[type=file]').setInputFiles(file);
    await panel.locator('.outcome', { hasText: 'stays unticked' }).waitFor();
    assert.deepEqual(await checkedStates(b.page, 2), [false, true, false, false, true]);
    assert.deepEqual(await checkedStates(b.page, 0), [false, true, false, false, true], 'the inline copy too');

    // And after a reload, from storage.
    const again = await open(slow, FRONT, 3);
    assert.deepEqual(await checkedStates(again.page, 2), [false, true, false, false, true]);
    for (const { log } of [a, b, again]) {
      assert.deepEqual(log.pageErrors, [], 'no uncaught errors');
      assert.deepEqual(log.errors().map((m) => m.text), [], 'no console errors');
    }
  } finally {
    await fast.close();
    await slow.close();
  }
});
