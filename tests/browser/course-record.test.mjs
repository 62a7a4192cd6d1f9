// My course record: the button under the list of Things (the overview, and a checklist's All
// Things) opens the participant's record of the course: each Thing's state, its finish date in
// the reader's language and the link to their post, with a name they type and that is kept with
// the progress. The record prints alone, without the blog around it (a PDF printed by Chromium,
// read back with pdf.js); it downloads as Markdown and as CSV (read back with csv-parse, not by
// splitting strings); axe finds nothing wrong with it; the keyboard reaches everything, and the
// focus goes back to the button when it closes. The configurator's preview shows the button.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import {
  WIDGET_ORIGIN,
  STORAGE_PREFIX,
  axeViolations,
  checkboxes,
  eventually,
  fixtureHtml,
  formatViolations,
  launch,
  quiet,
  readStorage,
  serveFixture,
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

const SCREENSHOTS = new URL('../../target/screenshots/', import.meta.url);
const KEY = `${STORAGE_PREFIX}record-things`;
const POST = 'https://zoe.example/2020/01/feeds-and-me?part=1';
const BLOG_TEXT = 'Words of the blog post itself, which only the post prints';
const RECORD = 'My course record';
// 23:30 UTC on 15 March 2026 is already the 16th in Paris: the record's dates are the reader's.
const NOW = new Date('2026-03-15T23:30:00Z');
const FINISHED_ISO = '2026-03-16';
const FINISHED_WORDS = 'finished on 16 March 2026';

// A course that has ended (so a checklist of this week's Thing, the last, offers All Things), with titles a spreadsheet or a
// Markdown table could stumble on: accents, and one starting with "=".
const COURSE = {
  format: 1,
  id: 'record-things',
  title: 'Récord Things — Café edition',
  language: 'en',
  schedule: { start: '2020-01-06', intervalDays: 7 },
  things: [
    {
      number: 1,
      title: 'Feeds, newsletters; and Zoë',
      prompts: [{ text: 'Which feeds do you follow?' }, { text: 'Which reader did you choose?' }],
    },
    {
      number: 2,
      title: '=SUM(1,2) | tables',
      prompts: [{ text: 'First of three.' }, { text: 'Second of three.' }, { text: 'Third of three.' }],
    },
    { number: 3, title: 'Not begun yet', prompts: [{ text: 'Only one.' }] },
  ],
};

function blogPage() {
  return fixtureHtml(
    `<article>
<h1>A participant's blog</h1>
<p>${BLOG_TEXT}.</p>
<div class="thing-prompts" data-programme="#course" data-thing="1"></div>
<div class="thing-prompts" data-programme="#course" data-thing="2"></div>
<div class="thing-prompts" data-programme="#course" data-thing="current"></div>
<h2>The whole course</h2>
<div class="thing-prompts" data-programme="#course" data-view="overview"></div>
<p>More of the blog after the widgets.</p>
</article>
<script type="application/json" class="thing-prompts-programme" id="course">${JSON.stringify(COURSE)}</script>`,
    { title: 'Record' },
  );
}

async function newPage(options = {}) {
  const context = await browser.newContext({
    viewport: { width: 900, height: 1000 },
    timezoneId: 'Europe/Paris',
    acceptDownloads: true,
    ...options,
  });
  const url = await serveFixture(context, 'course-record', blogPage());
  const page = await context.newPage();
  await page.clock.setFixedTime(NOW);
  const log = watch(page);
  return { context, page, url, log };
}

/** The blog with the progress of the tests: Thing 1 finished, Thing 2 begun, a link to Thing 1's post. */
async function withProgress(page, url) {
  await page.goto(url);
  await waitAllMounted(page, 4);
  // Links are added under each Thing's checklist (another part of the record); here one is
  // stored as that part stores it, a note of the entry `link:1` under `~record`.
  await page.evaluate(
    ([key, link, at]) =>
      localStorage.setItem(key, JSON.stringify({ version: 1, things: { '~record': { 'link:1': { done: false, at: 0, note: link, noteAt: at } } } })),
    [KEY, POST, NOW.getTime() - 60_000],
  );
  await page.reload();
  await waitAllMounted(page, 4);
  for (const box of await checkboxes(page, 0).all()) await box.check();
  await checkboxes(page, 1).first().check();
}

/** The text of the page printed to PDF by Chromium, page by page; the PDF is kept as `keep` (a file name) when given. */
async function pdfText(page, keep) {
  const data = new Uint8Array(await page.pdf({ format: 'A4', printBackground: false }));
  if (keep) {
    await mkdir(SCREENSHOTS, { recursive: true });
    await writeFile(new URL(keep, SCREENSHOTS), data);
  }
  const doc = await getDocument({ data, useSystemFonts: false, isEvalSupported: false }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => item.str + (item.hasEOL ? '\n' : '')).join(''));
  }
  await doc.destroy();
  return { pages: doc.numPages, text: pages.join('\n').replace(/[ \t]+/g, ' ') };
}

/** Clicks `button`, waits for the download, and returns its name and bytes. */
async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

const record = (page, n) => widget(page, n).locator('.record');
const markedForPrint = (page) =>
  page.evaluate(() => [...document.querySelectorAll('[data-thing-prompts-print]')].map((e) => `${e.tagName.toLowerCase()}=${e.getAttribute('data-thing-prompts-print')}`));

test('the overview opens the record: each Thing with its state, finish date and post link, and a name kept after a reload', async () => {
  const { context, page, url, log } = await newPage();
  try {
    await withProgress(page, url);
    const overview = widget(page, 3);
    const open = overview.getByRole('button', { name: RECORD, exact: true });
    await open.click();
    const view = record(page, 3);
    await view.waitFor();
    // The focus is on the record's heading, and the list of Things gave way to the record.
    await eventually(() => view.locator('h2').evaluate((h) => h.getRootNode().activeElement === h), 'the heading has the focus');
    assert.equal(await overview.locator('ol.things:not(.record-things)').count(), 0);
    assert.equal(await view.getByRole('heading', { name: RECORD }).count(), 1);
    assert.equal((await view.locator('.record-course').textContent()).trim(), COURSE.title);
    assert.match(await view.locator('.record-private').textContent(), /nothing in it leaves the browser unless you save or print it/);

    const rows = view.locator('ol.record-things > li');
    assert.equal(await rows.count(), 3);
    const row = async (n) => (await rows.nth(n).textContent()).replace(/\s+/g, ' ').trim();
    assert.match(await row(0), /^Thing 1 of 3: 1\. Feeds, newsletters; and Zoë/);
    assert.ok((await row(0)).includes(FINISHED_WORDS), await row(0));
    assert.ok((await row(1)).includes('1 of 3 answered'), await row(1));
    assert.ok((await row(2)).includes('not started'), await row(2));
    const link = rows.nth(0).getByRole('link');
    assert.equal(await link.getAttribute('href'), POST);
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.equal(await link.getAttribute('rel'), 'noopener');
    assert.match(await link.textContent(), /^My post/);
    assert.equal(await rows.nth(1).getByRole('link').count(), 0, 'no link where none was added');

    // The name: typed, tidied and kept with the progress, and there again after a reload.
    const name = view.getByLabel('Your name on the record (optional)');
    await name.pressSequentially('  Zoë   Example ');
    assert.equal(await name.inputValue(), '  Zoë   Example ', 'the field keeps what is typed');
    await eventually(async () => (await readStorage(page, KEY))?.things?.['~record']?.name?.note === 'Zoë Example', 'the name is stored, tidied');
    await page.reload();
    await waitAllMounted(page, 4);
    await widget(page, 3).getByRole('button', { name: RECORD, exact: true }).click();
    assert.equal(await record(page, 3).getByLabel('Your name on the record (optional)').inputValue(), 'Zoë Example');
    quiet(log);
  } finally {
    await context.close();
  }
});

test('the record prints alone: title, name, Things, dates and links, without buttons or the blog; the blog prints as itself otherwise', async () => {
  const { context, page, url, log } = await newPage();
  try {
    await withProgress(page, url);
    const overview = widget(page, 3);
    // Nothing is marked while the record is closed: printing the post is the post.
    const plain = await pdfText(page);
    assert.ok(plain.text.includes(BLOG_TEXT), 'the post prints its own text');
    assert.deepEqual(await markedForPrint(page), []);

    await overview.getByRole('button', { name: RECORD, exact: true }).click();
    const view = record(page, 3);
    await view.getByLabel('Your name on the record (optional)').fill('Zoë Example');
    // The browser's print dialog is not there in a headless browser: the test stands in for it.
    await page.evaluate(() => {
      window.printed = 0;
      window.print = () => {
        window.printed += 1;
      };
    });
    await view.getByRole('button', { name: 'Print', exact: true }).click();
    assert.equal(await page.evaluate(() => window.printed), 1, 'Print opened the print dialog');
    const marks = await markedForPrint(page);
    assert.deepEqual(marks, ['html=path', 'body=path', 'main=path', 'article=path', 'div=host'], 'the widget and its ancestors are marked');

    // Chromium's own printing (page.pdf) fires beforeprint, which marks the same, and
    // afterprint, which takes the marks away.
    const printed = await pdfText(page, 'course-record.pdf');
    assert.deepEqual(await markedForPrint(page), [], 'afterprint took the marks away');
    for (const wanted of [
      RECORD,
      COURSE.title,
      'Name: Zoë Example',
      'Feeds, newsletters; and Zoë',
      '=SUM(1,2) | tables',
      'Not begun yet',
      FINISHED_WORDS,
      '1 of 3 answered',
      'not started',
      'My post',
    ]) {
      assert.ok(printed.text.includes(wanted), `the printed record has "${wanted}":\n${printed.text}`);
    }
    // The address follows the link's words, so that it survives on paper (pdf.js may break it
    // across lines).
    assert.ok(printed.text.replace(/\s/g, '').includes(POST), `the link's address is printed:\n${printed.text}`);
    for (const unwanted of [
      BLOG_TEXT,
      "A participant's blog",
      'More of the blog',
      'The whole course',
      'Which feeds do you follow?',
      'Print',
      'Download as',
      'Back to the Things',
      'Your name on the record',
      'leaves the browser',
    ]) {
      assert.ok(!printed.text.includes(unwanted), `the printed record has no "${unwanted}":\n${printed.text}`);
    }
    assert.equal(printed.pages, 1, 'one page');

    // The browser's own Print command while the record is open prints the record too; a
    // picture of the printed page, to look at.
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    assert.equal((await markedForPrint(page)).at(-1), 'div=host');
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: new URL('course-record-print.png', SCREENSHOTS).pathname, fullPage: true });
    assert.equal(await page.getByText(BLOG_TEXT).isVisible(), false, 'the blog is hidden in print');
    assert.equal(await record(page, 3).isVisible(), true, 'the record is shown in print');
    await page.emulateMedia({ media: null });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    assert.deepEqual(await markedForPrint(page), []);
    await overview.screenshot({ path: new URL('course-record-screen.png', SCREENSHOTS).pathname });
    // Chromium printing by itself, with no click on Print: its beforeprint marks the record.
    const own = await pdfText(page);
    assert.ok(own.text.includes(FINISHED_WORDS) && !own.text.includes(BLOG_TEXT), `the browser's own printing prints the record alone:\n${own.text}`);
    assert.deepEqual(await markedForPrint(page), []);
    // Closed, the record leaves nothing behind: the post prints whole.
    await view.getByRole('button', { name: 'Back to the Things', exact: true }).click();
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    assert.deepEqual(await markedForPrint(page), []);
    const after = await pdfText(page);
    assert.ok(after.text.includes(BLOG_TEXT) && after.text.includes('More of the blog'), 'the post prints whole again');
    quiet(log);
  } finally {
    await context.close();
  }
});

test('the record downloads as CSV and Markdown, read back by a CSV parser and line by line', async () => {
  const { context, page, url, log } = await newPage();
  try {
    await withProgress(page, url);
    await widget(page, 3).getByRole('button', { name: RECORD, exact: true }).click();
    const view = record(page, 3);
    await view.getByLabel('Your name on the record (optional)').fill('Zoë | *Example*');

    const csvFile = await download(page, view.getByRole('button', { name: 'Download as CSV', exact: true }));
    assert.equal(csvFile.name, `thing-prompts-record-record-things-${FINISHED_ISO}.csv`);
    assert.deepEqual([...csvFile.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the file starts with a UTF-8 byte order mark');
    const table = parse(csvFile.bytes.toString('utf8'), { bom: true, relax_column_count: false });
    assert.deepEqual(table[0], ['Thing', 'Title', 'Answered', 'Questions', 'Finished', 'My post']);
    assert.deepEqual(table.slice(1), [
      ['1', 'Feeds, newsletters; and Zoë', '2', '2', FINISHED_ISO, POST],
      // A title a spreadsheet would run as a formula is written as text.
      ['2', "'=SUM(1,2) | tables", '1', '3', '', ''],
      ['3', 'Not begun yet', '0', '1', '', ''],
    ]);
    assert.match(await view.getByRole('status').textContent(), /Saving thing-prompts-record-record-things-2026-03-16\.csv/);

    const mdFile = await download(page, view.getByRole('button', { name: 'Download as Markdown', exact: true }));
    assert.equal(mdFile.name, `thing-prompts-record-record-things-${FINISHED_ISO}.md`);
    const lines = mdFile.bytes.toString('utf8').split('\n');
    assert.deepEqual(lines, [
      `# My course record: ${COURSE.title}`,
      '',
      'Name: Zoë \\| \\*Example\\*',
      '',
      '| Thing | Title | Progress | Finished | My post |',
      '| ---: | --- | --- | --- | --- |',
      `| 1 | Feeds, newsletters; and Zoë | finished | ${FINISHED_ISO} | <${POST}> |`,
      '| 2 | =SUM(1,2) \\| tables | 1 of 3 answered |  |  |',
      '| 3 | Not begun yet | not started |  |  |',
      '',
    ]);
    quiet(log);
  } finally {
    await context.close();
  }
});

test('the record in French: its words, the date and the files in the reader’s language', async () => {
  const context = await browser.newContext({ timezoneId: 'Europe/Paris', acceptDownloads: true });
  try {
    const url = await serveFixture(context, 'course-record-fr', blogPage().replace('<html lang="en">', '<html lang="fr">'));
    const page = await context.newPage();
    await page.clock.setFixedTime(NOW);
    await withProgress(page, url);
    await widget(page, 3).getByRole('button', { name: 'Mon relevé du cours', exact: true }).click();
    const view = record(page, 3);
    assert.ok((await view.textContent()).includes('terminé le 16 mars 2026'));
    const csvFile = await download(page, view.getByRole('button', { name: 'Télécharger en CSV', exact: true }));
    const table = parse(csvFile.bytes.toString('utf8'), { bom: true });
    assert.deepEqual(table[0], ['Thing', 'Titre', 'Traitées', 'Questions', 'Terminé le', 'Mon billet']);
    assert.equal(table[1][4], FINISHED_ISO);
  } finally {
    await context.close();
  }
});

test('the record by keyboard alone, from the overview and from a checklist’s All Things, with the focus back on its button', async () => {
  const { context, page, url, log } = await newPage();
  try {
    await withProgress(page, url);
    const active = () =>
      page.evaluate(() => {
        const inner = document.activeElement?.shadowRoot?.activeElement;
        return inner ? `${inner.tagName.toLowerCase()}:${(inner.getAttribute('aria-label') || inner.textContent || inner.id).trim()}` : null;
      });
    // The overview: the button is reached with Tab and opened with Enter.
    const button = widget(page, 3).getByRole('button', { name: RECORD, exact: true });
    await button.focus();
    await page.keyboard.press('Enter');
    await eventually(async () => (await active()) === `h2:${RECORD}`, 'the heading has the focus');
    const order = [];
    for (let n = 0; n < 6; n++) {
      await page.keyboard.press('Tab');
      order.push(await active());
    }
    assert.deepEqual(order, [
      'input:tp-record-name',
      `a:My post (${COURSE.things[0].title})`,
      'button:Print',
      'button:Download as Markdown',
      'button:Download as CSV',
      'button:Back to the Things',
    ]);
    await page.keyboard.press('Enter');
    await eventually(async () => (await active()) === `button:${RECORD}`, 'the focus is back on My course record');
    // Escape closes it too.
    await page.keyboard.press('Enter');
    await record(page, 3).waitFor();
    await page.keyboard.press('Escape');
    await eventually(async () => (await active()) === `button:${RECORD}`, 'Escape closes, the focus back on the button');

    // A checklist's All Things (the course has ended) has the record under its list.
    const all = widget(page, 2).getByRole('button', { name: 'All Things', exact: true });
    await all.focus();
    await page.keyboard.press('Enter');
    const inChecklist = widget(page, 2).locator('#tp-all').getByRole('button', { name: RECORD, exact: true });
    await inChecklist.waitFor();
    await inChecklist.focus();
    await page.keyboard.press('Enter');
    await record(page, 2).waitFor();
    assert.ok((await record(page, 2).textContent()).includes(FINISHED_WORDS));
    // Printed from there, the record is alone too: not the checklist above it.
    const printed = await pdfText(page);
    assert.ok(printed.text.includes(FINISHED_WORDS) && printed.text.includes('Not begun yet'), printed.text);
    for (const unwanted of ['Only one.', 'All Things', 'Which feeds do you follow?', BLOG_TEXT]) {
      assert.ok(!printed.text.includes(unwanted), `no "${unwanted}" in the record printed from All Things:\n${printed.text}`);
    }
    await page.keyboard.press('Escape');
    await eventually(
      () => widget(page, 2).locator('#tp-all button').first().evaluate((b) => b.getRootNode().activeElement === b && b.textContent.trim() === 'My course record'),
      'the focus is back on the checklist’s My course record',
    );
    quiet(log);
  } finally {
    await context.close();
  }
});

for (const colorScheme of ['light', 'dark']) {
  test(`no axe-core violations with the record open (${colorScheme})`, async () => {
    const { context, page, url } = await newPage({ colorScheme });
    try {
      await withProgress(page, url);
      await widget(page, 3).getByRole('button', { name: RECORD, exact: true }).click();
      await widget(page, 2).getByRole('button', { name: 'All Things', exact: true }).click();
      await widget(page, 2).locator('#tp-all').getByRole('button', { name: RECORD, exact: true }).click();
      await record(page, 2).waitFor();
      await record(page, 3).getByLabel('Your name on the record (optional)').fill('Zoë Example');
      await record(page, 3).getByRole('button', { name: 'Download as CSV', exact: true }).click();
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, formatViolations(violations));
    } finally {
      await context.close();
    }
  });
}

test('the configurator’s preview of an overview shows My course record, and its form offers nothing new', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const log = watch(page);
    await page.goto(`${WIDGET_ORIGIN}configure.html`);
    await page.locator('#preview .thing-prompts .tp').first().waitFor({ state: 'attached', timeout: 10_000 });
    // The form's own labels (outside the preview's shadow root) name no record.
    const labels = await page.evaluate(() => [...document.querySelectorAll('label, legend')].map((l) => l.textContent));
    assert.ok(labels.length > 5, 'the form has its labels');
    assert.ok(!labels.some((text) => /record/i.test(text)), `no option about the record: ${labels.join(' | ')}`);
    await page.getByLabel(/overview/).check();
    const button = page.locator('#preview .thing-prompts').getByRole('button', { name: RECORD, exact: true });
    await button.waitFor({ timeout: 10_000 });
    await button.click();
    await page.locator('#preview .thing-prompts .record').waitFor();
    assert.equal(await page.locator('#snippet').inputValue().then((s) => /record/.test(s)), false, 'the snippet says nothing of it');
    quiet(log);
  } finally {
    await context.close();
  }
});
