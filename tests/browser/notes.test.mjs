// Private notes per question (data-notes="on"): a labelled text area under each question, kept
// in localStorage beside the ticks, shared with other tabs, put into the outline under its
// question and carried by the backup file. Notes live in the full module, so such a page
// fetches it at once and never the lite one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  INLINE_KEY,
  PAGE_ORIGIN,
  checkboxes,
  launch,
  pageUrl,
  readStorage,
  waitAllMounted,
  watch,
  widget,
  quiet,
} from './helpers.mjs';

const PAGE = pageUrl('inline-post.html');
const LITE = (url) => url.pathname.endsWith('/thing-prompts-wasm_bg.wasm');
const FULL = (url) => url.pathname.endsWith('/thing-prompts-full_bg.wasm');
const LABEL = 'Your notes (kept only in this browser)';
const Q1 = 'Which of the tools from the last eleven weeks do I use to talk with people, and which do I only use to read?';
const Q2 = 'Can I name three people I have got to know through the course, and remember how we first got talking?';
const NOTE = 'Twitter for talking, blogs for reading';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function withContext(body, options = {}) {
  const context = await browser.newContext(options);
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(PAGE_ORIGIN).origin });
    await body(context);
  } finally {
    await context.close();
  }
}

async function open(context) {
  const page = await context.newPage();
  const log = watch(page);
  await page.goto(PAGE);
  await waitAllMounted(page, 1);
  return { page, log };
}


/** The notes box of question `i` in the page's only widget, found by its accessible name. */
function noteBox(page, i) {
  return widget(page, 0).getByRole('textbox', { name: LABEL, exact: true }).nth(i);
}

/** The stored entry of the inline list's question `i` (by order of the stored ids' questions). */
async function storedNotes(page) {
  const stored = await readStorage(page, INLINE_KEY);
  if (!stored) return [];
  return Object.values(stored.things[''] || {})
    .filter((entry) => 'note' in entry)
    .map((entry) => entry.note);
}

test('a page with data-notes="on" fetches the full module and not the lite one', async () => {
  await withContext(async (context) => {
    const { page, log } = await open(context);
    await page.waitForLoadState('networkidle');
    assert.equal(log.requestsMatching(FULL).length, 1, 'the full module, once');
    assert.equal(log.requestsMatching(LITE).length, 0, 'never the lite module');
    assert.equal(await widget(page, 0).getByRole('textbox', { name: LABEL, exact: true }).count(), 4);
    quiet(log);
  });
});

test('a typed note is kept under the inline key, survives a reload, and reaches a second tab', async () => {
  await withContext(async (context) => {
    const { page, log } = await open(context);
    const other = await open(context);
    const box = noteBox(page, 0);
    // Each box is labelled by a visible <label for>, unique in the shadow root.
    const ids = await widget(page, 0).locator('textarea').evaluateAll((areas) => areas.map((a) => a.id));
    assert.equal(new Set(ids).size, 4, 'unique ids');
    assert.equal(await box.getAttribute('maxlength'), '4000');
    await box.click();
    await page.keyboard.type(NOTE);
    assert.equal(await box.inputValue(), NOTE, 'typing is not disturbed by saving');
    assert.deepEqual(await storedNotes(page), [NOTE]);
    const stored = await readStorage(page, INLINE_KEY);
    const entry = Object.values(stored.things['']).find((e) => e.note === NOTE);
    assert.equal(entry.done, false);
    assert.equal(typeof entry.noteAt, 'number');

    // A caret in the middle stays where it is while typing there.
    await box.evaluate((area) => area.setSelectionRange(7, 7));
    await page.keyboard.type('XY');
    assert.equal(await box.inputValue(), 'TwitterXY for talking, blogs for reading');
    assert.deepEqual(await box.evaluate((area) => [area.selectionStart, area.selectionEnd]), [9, 9]);
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');

    // The other tab gets it by the storage event.
    await other.page.waitForFunction(
      (want) => document.querySelector('.thing-prompts').shadowRoot.querySelector('textarea').value === want,
      NOTE,
    );
    // A tick keeps the note, and the note keeps the tick.
    await checkboxes(page, 0).nth(0).check();
    assert.deepEqual(await storedNotes(page), [NOTE]);

    await page.reload();
    await waitAllMounted(page, 1);
    assert.equal(await noteBox(page, 0).inputValue(), NOTE);
    assert.equal(await noteBox(page, 1).inputValue(), '');
    assert.equal(await checkboxes(page, 0).nth(0).isChecked(), true);
    quiet(log);
    quiet(other.log);
  });
});

test('Start my post puts each note under its question', async () => {
  await withContext(async (context) => {
    const { page, log } = await open(context);
    await noteBox(page, 0).fill(NOTE);
    await widget(page, 0).getByRole('button', { name: 'Start my post', exact: true }).click();
    const panel = widget(page, 0).locator('#tp-outline');
    await panel.waitFor();
    await panel.getByRole('button', { name: 'Copy as Markdown', exact: true }).click();
    await panel.locator('[role=status]', { hasText: 'Copied as Markdown' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const q1 = copied.indexOf(`### ${Q1}`);
    const q2 = copied.indexOf(`### ${Q2}`);
    const note = copied.indexOf(`\n\n${NOTE}\n\n`);
    assert.ok(q1 >= 0 && q2 > q1, copied);
    assert.ok(note > q1 && note < q2, `the note between its question and the next:\n${copied}`);
    quiet(log);
  });
});

test('the backup file carries the notes, and restoring it into cleared storage brings them back', async () => {
  await withContext(async (context) => {
    const { page, log } = await open(context);
    await noteBox(page, 1).fill(NOTE);
    await widget(page, 0).getByRole('button', { name: 'Backup', exact: true }).click();
    const panel = widget(page, 0).locator('.backup');
    await panel.waitFor();
    assert.match(await panel.locator('.hint').textContent(), /The code carries ticks and post links only/);
    const download = page.waitForEvent('download');
    await panel.getByRole('button', { name: 'Download backup file' }).click();
    const file = await download;
    const saved = JSON.parse(await readFile(await file.path(), 'utf8'));
    assert.equal(saved.course, '~inline');
    assert.deepEqual(
      Object.values(saved.progress.things['']).map((e) => e.note),
      [NOTE],
    );

    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await waitAllMounted(page, 1);
    assert.equal(await noteBox(page, 1).inputValue(), '');
    await widget(page, 0).getByRole('button', { name: 'Backup', exact: true }).click();
    const again = widget(page, 0).locator('.backup');
    await again.waitFor();
    await again.locator('input[type=file]').setInputFiles(await file.path());
    await again.locator('.outcome', { hasText: '1 note restored.' }).waitFor();
    assert.equal(await noteBox(page, 1).inputValue(), NOTE);
    assert.deepEqual(await storedNotes(page), [NOTE]);
    quiet(log);
  }, { acceptDownloads: true });
});
