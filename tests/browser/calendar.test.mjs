// "Add the course to my calendar": the full module's button (in the checklist's footer once the
// full module has taken over, and in the overview) downloads `<programme-id>.ics`, made in the
// browser from the programme. The file is read back with ical.js, a real iCalendar parser:
// one event per Thing on its release day (weekly releases across the end of British summer
// time on 25 October 2026 keep their dates), the catch-up week as its own event, non-ASCII
// titles and long questions intact after unfolding, and the same UIDs in a second download.
// The configurator offers the same file to organisers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import ICAL from 'ical.js';
import { WIDGET_ORIGIN, fixtureHtml, launch, serveFixture, waitAllMounted, watch, widget } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const SCREENSHOTS = new URL('../../target/screenshots/', import.meta.url);
const ADD = 'Add the course to my calendar';
const LONG =
  'Write a paragraph about the feeds you follow, the newsletters you read, and the people whose work you watch; ' +
  'then say, with a comma or two, what you would drop\\keep if you had only ten minutes a day for all of it.';

// A London course, weekly from 12 October 2026: the clocks go back on Sunday 25 October, and
// the week of 26 October is for catching up, so Thing 3 comes on 2 November.
const COURSE = {
  format: 1,
  id: 'autumn-things',
  title: 'Autumn Things — Café edition',
  language: 'en-GB',
  timeZone: 'Europe/London',
  schedule: { start: '2026-10-12', intervalDays: 7, catchUp: ['2026-10-26'] },
  things: [
    {
      number: 1,
      title: 'Feeds, newsletters; and you',
      link: 'https://autumn-things.example/2026/10/thing-1/',
      prompts: [{ text: LONG }, { text: 'Which feed reader did you choose?' }],
    },
    { number: 2, title: 'Zoë’s naïve résumé: ünïcödé 日本語', prompts: [{ text: 'Short one.' }] },
    { number: 3, title: 'After the clocks change', prompts: [{ text: 'Three.' }] },
  ],
};

function page_(body) {
  return fixtureHtml(
    `${body}
<script type="application/json" class="thing-prompts-programme" id="autumn">${JSON.stringify(COURSE)}</script>`,
    { title: 'Calendar' },
  );
}

/** Clicks `button`, waits for the download, and returns its name and text. */
async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const text = await readFile(await file.path(), 'utf8');
  return { name: file.suggestedFilename(), text };
}

/** The events of an .ics text, as ical.js reads them. */
function eventsOf(text) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return {
    calendar,
    events: calendar.getAllSubcomponents('vevent').map((component) => {
      const event = new ICAL.Event(component);
      return {
        uid: event.uid,
        summary: event.summary,
        description: event.description,
        url: component.getFirstPropertyValue('url'),
        start: event.startDate.toString(),
        end: event.endDate.toString(),
        allDay: event.startDate.isDate,
      };
    }),
  };
}

/** Renders the events as a table, a calendar's import preview, and screenshots it. */
async function preview(context, title, events) {
  const page = await context.newPage();
  const cell = (s) => String(s ?? '').replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`).replace(/\n/g, '<br>');
  await page.setContent(`<!doctype html><meta charset="utf-8"><style>
    body { font: 14px system-ui, sans-serif; margin: 1.5em; } table { border-collapse: collapse; }
    td, th { border: 1px solid #bbb; padding: 0.35em 0.6em; vertical-align: top; text-align: start; }
    th { background: #eef; } td.d { white-space: nowrap; } td.x { max-width: 32em; font-size: 12px; }</style>
    <h1>Import preview: ${cell(title)}</h1>
    <table><tr><th>Date</th><th>Until</th><th>Summary</th><th>Description</th><th>UID</th></tr>
    ${[...events].sort((a, b) => a.start.localeCompare(b.start)).map((e) => `<tr><td class="d">${cell(e.start)}</td><td class="d">${cell(e.end)}</td><td>${cell(e.summary)}</td><td class="x">${cell(e.description)}</td><td class="x">${cell(e.uid)}</td></tr>`).join('')}
    </table>`);
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: new URL('calendar-preview.png', SCREENSHOTS).pathname, fullPage: true });
  await page.close();
}

test('the checklist and the overview offer the course as an .ics that a real parser reads back', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  try {
    const url = await serveFixture(
      context,
      'calendar',
      page_(`<div class="thing-prompts" data-programme="#autumn" data-thing="2"></div>
<div class="thing-prompts" data-programme="#autumn" data-view="overview"></div>`),
    );
    const page = await context.newPage();
    const log = watch(page);
    await page.goto(url);
    await waitAllMounted(page, 2);

    // The overview is the full module's, and offers the calendar in its heading.
    const fromOverview = await download(page, widget(page, 1).getByRole('button', { name: ADD, exact: true }));
    assert.equal(fromOverview.name, 'autumn-things.ics');

    // Once the full module has taken over, the checklist's footer has the button too.
    const add = widget(page, 0).getByRole('button', { name: ADD, exact: true });
    await add.waitFor();
    const first = await download(page, add);
    assert.equal(first.name, 'autumn-things.ics');
    await mkdir(SCREENSHOTS, { recursive: true });
    await widget(page, 0).screenshot({ path: new URL('calendar-button.png', SCREENSHOTS).pathname });
    await widget(page, 1).screenshot({ path: new URL('calendar-overview.png', SCREENSHOTS).pathname });

    // Lines end with CRLF and are folded at 75 octets.
    assert.ok(first.text.startsWith('BEGIN:VCALENDAR\r\n'), first.text.slice(0, 40));
    assert.ok(!/[^\r]\n/.test(first.text), 'every line ends with CRLF');
    for (const line of first.text.split('\r\n')) {
      assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `${Buffer.byteLength(line, 'utf8')} octets: ${line}`);
    }
    assert.ok(first.text.includes('\r\n '), 'the long lines were folded');

    const { calendar, events } = eventsOf(first.text);
    assert.equal(calendar.getFirstPropertyValue('version'), '2.0');
    assert.equal(calendar.getFirstPropertyValue('calscale'), 'GREGORIAN');
    assert.equal(calendar.getFirstPropertyValue('method'), 'PUBLISH');
    assert.equal(calendar.getFirstPropertyValue('x-wr-calname'), COURSE.title);
    assert.match(calendar.getFirstPropertyValue('prodid'), /Thing Prompts/);

    assert.equal(events.length, 4, 'three Things and one catch-up week');
    assert.ok(events.every((e) => e.allDay), 'all-day events');
    assert.deepEqual(
      events.map((e) => [e.start, e.end]),
      [
        ['2026-10-12', '2026-10-13'],
        ['2026-10-19', '2026-10-20'],
        ['2026-11-02', '2026-11-03'],
        ['2026-10-26', '2026-11-02'],
      ],
      'release days before and after the clocks go back on 25 October',
    );
    assert.deepEqual(
      events.map((e) => e.summary),
      [
        'Thing 1: Feeds, newsletters; and you',
        'Thing 2: Zoë’s naïve résumé: ünïcödé 日本語',
        'Thing 3: After the clocks change',
        'This is a catch-up week',
      ],
    );
    assert.equal(events[0].url, COURSE.things[0].link);
    assert.equal(
      events[0].description,
      `• ${COURSE.things[0].link}\n• ${LONG}\n• Which feed reader did you choose?`,
      'the long question comes back whole',
    );
    assert.deepEqual(
      events.map((e) => e.uid),
      [
        'autumn-things-thing-1@thing-prompts.invalid',
        'autumn-things-thing-2@thing-prompts.invalid',
        'autumn-things-thing-3@thing-prompts.invalid',
        'autumn-things-catch-up-1@thing-prompts.invalid',
      ],
    );

    // A second download, later, updates the same events: same UIDs.
    await page.waitForTimeout(1100);
    const second = await download(page, add);
    assert.deepEqual(eventsOf(second.text).events.map((e) => e.uid), events.map((e) => e.uid));
    assert.deepEqual(eventsOf(fromOverview.text).events.map((e) => e.uid), events.map((e) => e.uid));
    assert.deepEqual(log.pageErrors, []);

    await preview(context, COURSE.title, events);
  } finally {
    await context.close();
  }
});

test('the configurator offers the course calendar to host beside the programme', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`${WIDGET_ORIGIN}configure.html`);
    await page.locator('#preview .thing-prompts .tp').first().waitFor({ state: 'attached', timeout: 10_000 });
    const button = page.getByRole('button', { name: 'Download the course calendar (.ics)' });
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.locator('section[aria-labelledby=calendar-title]').screenshot({ path: new URL('calendar-configurator.png', SCREENSHOTS).pathname });
    const file = await download(page, button);
    assert.equal(file.name, 'cpd23-2012.ics');
    const { calendar, events } = eventsOf(file.text);
    assert.equal(calendar.getFirstPropertyValue('x-wr-calname'), '23 Things for Professional Development (2012)');
    assert.equal(events.length, 23);
    assert.equal(events[0].start, '2012-04-30');
    assert.match(events[0].summary, /^Thing 1: /);
  } finally {
    await context.close();
  }
});
