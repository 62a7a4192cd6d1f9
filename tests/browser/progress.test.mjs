// Progress that is never lost: concurrent tabs, blocked or full storage, damaged data,
// backup and restore. Each test injects the fault into a real page in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  CPD23_2012_KEY,
  WARN_PREFIX,
  checkboxes,
  checkedStates,
  eventually,
  fixtureHtml,
  launch,
  pageUrl,
  serveFixture,
  statusLine,
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

const BLOGGER = pageUrl('blogger-post.html');
const FRONT = pageUrl('wordpress-front.html');

async function withContext(options, body) {
  const context = await browser.newContext(options);
  try {
    return await body(context);
  } finally {
    await context.close();
  }
}

async function open(context, url, count) {
  const page = await context.newPage();
  const log = watch(page);
  await page.goto(url);
  await waitAllMounted(page, count);
  return { page, log };
}

/** The set of `thing/prompt` pairs stored as ticked under `key`. */
async function storedTicks(page, key) {
  const text = await page.evaluate((k) => localStorage.getItem(k), key);
  if (text === null) return new Set();
  const stored = JSON.parse(text);
  const done = new Set();
  for (const [thing, ticks] of Object.entries(stored.things)) {
    for (const [id, tick] of Object.entries(ticks)) if (tick.done) done.add(`${thing}/${id}`);
  }
  return done;
}

function noErrors(log) {
  assert.deepEqual(log.pageErrors, [], 'no uncaught errors');
  assert.deepEqual(
    log.errors().map((m) => m.text),
    [],
    'no console errors',
  );
}

test('two tabs ticking different prompts in alternation, 50 times each, keep all 100 ticks', async () => {
  const items = [];
  for (let i = 1; i <= 50; i++) items.push(`<li>Question A${i}</li>`, `<li>Question B${i}</li>`);
  const html = fixtureHtml(
    `<div class="thing-prompts" data-programme="stress-test" data-thing="1"><ol>${items.join('')}</ol></div>`,
  );
  await withContext({}, async (context) => {
    const url = await serveFixture(context, 'hundred', html);
    const a = await open(context, url, 1);
    const b = await open(context, url, 1);
    const boxes = (page) => checkboxes(page, 0);
    for (let i = 0; i < 50; i++) {
      // A ticks the odd-numbered boxes (A questions), B the even ones, turn about, without waiting.
      // `force` skips Playwright's animation-frame checks, which a background tab throttles to ~1 s.
      await boxes(a.page).nth(2 * i).click({ force: true });
      await boxes(b.page).nth(2 * i + 1).click({ force: true });
    }
    for (const { page } of [a, b]) {
      await eventually(
        async () => (await checkedStates(page, 0)).every(Boolean),
        'every one of the 100 prompts shows ticked in both tabs',
        { timeout: 3000 },
      );
      // Every question ticked: the line says the Thing is done.
      assert.equal((await statusLine(page, 0).textContent()).trim(), '100 of 100 answered. This Thing is done.');
    }
    await eventually(
      async () => (await storedTicks(a.page, 'thing-prompts:v1:stress-test')).size === 100,
      'storage holds all 100 ticks',
      { timeout: 3000 },
    );
    const reloaded = await open(context, url, 1);
    assert.ok((await checkedStates(reloaded.page, 0)).every(Boolean), 'a fresh tab shows all 100 ticked');
    for (const { log } of [a, b, reloaded]) noErrors(log);
  });
});

const BLOCKED = () => {
  Object.defineProperty(window, 'localStorage', {
    configurable: true,
    get() {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    },
  });
};

const FULL = () => {
  Storage.prototype.setItem = function () {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
};

for (const [name, fault] of [
  ['blocked (reading localStorage throws)', BLOCKED],
  ['full (setItem throws a quota error)', FULL],
]) {
  test(`storage ${name}: the checklist works for the visit and says so once, with backup offered`, async () => {
    await withContext({}, async (context) => {
      await context.addInitScript(fault);
      const { page, log } = await open(context, BLOGGER, 2);
      await checkboxes(page, 0).nth(1).check();
      await checkboxes(page, 0).nth(3).check();
      assert.equal((await statusLine(page, 0).textContent()).trim(), '2 of 5 answered');
      assert.deepEqual(await checkedStates(page, 0), [false, true, false, true, false]);
      const notice = widget(page, 0).locator('.notice', { hasText: 'not letting the page save' });
      await notice.waitFor();
      assert.equal(await notice.count(), 1, 'one notice in the widget');
      assert.ok(await widget(page, 0).getByRole('button', { name: 'Backup', exact: true }).isVisible());
      noErrors(log);
      assert.deepEqual(log.widgetWarnings(), [], 'no console flood');
    });
  });
}

const PLANTED = [
  ['invalid JSON', '{"version":1,"things":{"12":'],
  ['the wrong shape', '["some", "other", "script\'s", "data"]'],
  ['a newer format', '{"version":7,"things":{"12":{"x":{"done":true,"at":1}}},"extra":true}'],
];

for (const [name, planted] of PLANTED) {
  test(`${name} under our key is kept aside, not lost, and the widget starts clean`, async () => {
    await withContext({}, async (context) => {
      const first = await open(context, BLOGGER, 2);
      await first.page.evaluate(([k, v]) => localStorage.setItem(k, v), [CPD23_2012_KEY, planted]);
      const { page, log } = await open(context, BLOGGER, 2);
      assert.equal((await statusLine(page, 0).textContent()).trim(), '0 of 5 answered');
      await checkboxes(page, 0).nth(0).check();
      assert.equal((await statusLine(page, 0).textContent()).trim(), '1 of 5 answered');
      const kept = await page.evaluate((k) => localStorage.getItem(k + ':unreadable'), CPD23_2012_KEY);
      assert.equal(kept, planted, 'the planted text is still in storage, byte for byte');
      assert.equal((await storedTicks(page, CPD23_2012_KEY)).size, 1, 'the new tick is saved');
      const warnings = log.widgetWarnings();
      assert.equal(warnings.length, 1, 'said once in the console');
      assert.ok(warnings[0].text.includes(':unreadable'), warnings[0].text);
      noErrors(log);
    });
  });
}

test('when the unreadable text cannot be kept aside, it is left untouched', async () => {
  await withContext({}, async (context) => {
    const first = await open(context, BLOGGER, 2);
    await first.page.evaluate((k) => {
      localStorage.setItem(k, 'damaged one');
      localStorage.setItem(k + ':unreadable', 'damaged before');
    }, CPD23_2012_KEY);
    const { page, log } = await open(context, BLOGGER, 2);
    await checkboxes(page, 0).nth(0).check();
    assert.equal((await statusLine(page, 0).textContent()).trim(), '1 of 5 answered');
    const [main, aside] = await page.evaluate(
      (k) => [localStorage.getItem(k), localStorage.getItem(k + ':unreadable')],
      CPD23_2012_KEY,
    );
    assert.equal(main, 'damaged one');
    assert.equal(aside, 'damaged before');
    assert.equal(
      await widget(page, 0).locator('.notice', { hasText: 'not letting the page save' }).count(),
      1,
    );
    assert.equal(log.widgetWarnings().length, 1);
    noErrors(log);
  });
});

/** Ticks two Thing 12 questions (post C) and one Thing 11 question (post B) on the front page. */
async function tickSome(page) {
  await checkboxes(page, 2).nth(0).check();
  await checkboxes(page, 2).nth(4).check();
  await checkboxes(page, 1).nth(2).check();
  return storedTicks(page, CPD23_2012_KEY);
}

async function clearAndReload(context, page) {
  await page.evaluate(() => localStorage.clear());
  const again = await open(context, FRONT, 3);
  assert.equal((await storedTicks(again.page, CPD23_2012_KEY)).size, 0);
  for (const n of [0, 1, 2]) assert.ok(!(await checkedStates(again.page, n)).some(Boolean));
  return again;
}

async function openBackup(page, n) {
  const toggle = widget(page, n).getByRole('button', { name: 'Backup', exact: true });
  await toggle.click();
  // The first Backup on a page brings the full module, which takes over with the panel open.
  const panel = widget(page, n).locator('.backup');
  await panel.waitFor();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  return panel;
}

test('export to a file, clear storage, import the file: exactly the same ticks come back', async () => {
  await withContext({ acceptDownloads: true }, async (context) => {
    const { page } = await open(context, FRONT, 3);
    const before = await tickSome(page);
    assert.equal(before.size, 3);
    const panel = await openBackup(page, 2);
    const download = page.waitForEvent('download');
    await panel.getByRole('button', { name: 'Download backup file' }).click();
    const file = await download;
    assert.match(file.suggestedFilename(), /^thing-prompts-cpd23-2012-\d{4}-\d\d-\d\d\.json$/);
    const saved = JSON.parse(await readFile(await file.path(), 'utf8'));
    assert.equal(saved.thingPromptsBackup, 1);
    assert.equal(saved.course, 'cpd23-2012');

    const again = await clearAndReload(context, page);
    const restorePanel = await openBackup(again.page, 1);
    await restorePanel.locator('input[type=file]').setInputFiles(await file.path());
    await restorePanel.locator('.outcome', { hasText: '3 ticks restored across 2 Things.' }).waitFor();
    assert.deepEqual(await storedTicks(again.page, CPD23_2012_KEY), before);
    assert.deepEqual(await checkedStates(again.page, 2), [true, false, false, false, true]);
    assert.deepEqual(await checkedStates(again.page, 0), [true, false, false, false, true], 'the inline copy too');
    assert.deepEqual(await checkedStates(again.page, 1), [false, false, true, false]);

    // Importing the same file again adds nothing and says so.
    await restorePanel.locator('input[type=file]').setInputFiles(await file.path());
    await restorePanel.locator('.outcome', { hasText: 'Nothing new to restore' }).waitFor();
    noErrors(again.log);
  });
});

test('copy the backup code, clear storage, paste it back: the same ticks come back', async () => {
  await withContext({}, async (context) => {
    const { page } = await open(context, FRONT, 3);
    const before = await tickSome(page);
    const panel = await openBackup(page, 2);
    await panel.getByRole('button', { name: 'Copy backup code' }).click();
    const code = (await panel.locator('textarea.code').inputValue()).trim();
    // Each Thing's word ends with the stamp of its latest tick, in base 36.
    assert.match(code, /^TP1 cpd23-2012 11:[0-9a-f]{16}:[0-9a-z]{8} 12:[0-9a-f]{16},[0-9a-f]{16}:[0-9a-z]{8}$/);

    const again = await clearAndReload(context, page);
    const restorePanel = await openBackup(again.page, 2);
    await restorePanel.locator('textarea.paste').fill(code);
    await restorePanel.getByRole('button', { name: 'Restore code' }).click();
    await restorePanel.locator('.outcome', { hasText: '3 ticks restored across 2 Things.' }).waitFor();
    assert.deepEqual(await storedTicks(again.page, CPD23_2012_KEY), before);
    noErrors(again.log);
  });
});

test('a damaged backup file or code gets a clear message and changes nothing', async () => {
  await withContext({}, async (context) => {
    const { page, log } = await open(context, FRONT, 3);
    await tickSome(page);
    const storedBefore = await page.evaluate((k) => localStorage.getItem(k), CPD23_2012_KEY);
    const panel = await openBackup(page, 2);
    const damaged = [
      ['{"thingPromptsBackup":1,"course":"cpd23-2012","progress":{"version":1,"things":{"12":{"tx":{"done":"yes"}}}}}', 'damaged'],
      ['this is my shopping list', 'not a Thing Prompts backup'],
      ['{"thingPromptsBackup":1,"course":"cpd23-2012","progress":{"version":1,"thi', 'not a Thing Prompts backup'],
    ];
    for (const [text, says] of damaged) {
      await panel.locator('input[type=file]').setInputFiles({
        name: 'backup.json',
        mimeType: 'application/json',
        buffer: Buffer.from(text),
      });
      const outcome = panel.locator('.outcome.failed', { hasText: says });
      await outcome.waitFor();
      assert.ok((await outcome.textContent()).includes('Nothing was changed.'));
    }
    await panel.locator('textarea.paste').fill('TP1 cpd23-2012 12:zz');
    await panel.getByRole('button', { name: 'Restore code' }).click();
    await panel.locator('.outcome.failed', { hasText: 'The backup is damaged' }).waitFor();
    const storedAfter = await page.evaluate((k) => localStorage.getItem(k), CPD23_2012_KEY);
    assert.equal(storedAfter, storedBefore, 'storage is byte for byte the same');
    assert.equal((await statusLine(page, 2).textContent()).trim(), '2 of 5 answered');
    assert.ok(log.widgetWarnings().every((m) => m.text.startsWith(WARN_PREFIX)));
    noErrors(log);
  });
});
