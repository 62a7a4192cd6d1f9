// Organisers run their own course: a programme of their own, given by URL (organiser-sidebar.html,
// the file in www/demo/remote/ served by the widget origin) or as a JSON block in the post
// (json-programme-post.html). Fixed clocks drive "this week's Thing" and the overview; fixture
// pages show every way a programme can fail, and that editing a running course keeps the ticks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import Ajv2020 from 'ajv/dist/2020.js';
import {
  STORAGE_PREFIX,
  WARN_PREFIX,
  WIDGET_ORIGIN,
  checkboxes,
  checkedStates,
  eventually,
  fixtureHtml,
  launch,
  pageUrl,
  promptTexts,
  readStorage,
  serveFixture,
  statusLine,
  waitAllMounted,
  waitFor,
  watch,
  widget,
} from './helpers.mjs';

const ORGANISER = pageUrl('organiser-sidebar.html');
const BLOCK_PAGE = pageUrl('json-programme-post.html');
const LIBRARY_FILE = `${WIDGET_ORIGIN}library-10-things.json`;
const LIBRARY_KEY = `${STORAGE_PREFIX}library-10-things`;
const LIBRARY_KICKER = '10 Things for Library Staff';
// organiser-sidebar.html, in document order: the post's pinned Thing 3, then the sidebar.
const PINNED = 0;
const CURRENT = 1;
const OVERVIEW = 2;

/** The library course week by week: Mondays from 5 October 2026, 9 November a catch-up week. */
const LIBRARY = [
  { number: 1, title: 'Starting a work blog', from: '5 October 2026', month: '10' },
  { number: 2, title: 'RSS and newsletters', from: '12 October 2026', month: '10' },
  { number: 3, title: 'Social media policy at work', from: '19 October 2026', month: '10' },
  { number: 4, title: 'Working together in shared documents', from: '26 October 2026', month: '10' },
  { number: 5, title: 'Video calls and online events', from: '2 November 2026', month: '11' },
  // 9 – 15 November: catch-up week, so the later Things move one week on.
  { number: 6, title: 'Images, copyright and Creative Commons', from: '16 November 2026', month: '11' },
  { number: 7, title: 'Podcasts and audio', from: '23 November 2026', month: '11' },
  { number: 8, title: 'Digital accessibility', from: '30 November 2026', month: '11' },
  { number: 9, title: 'Staying safe online', from: '7 December 2026', month: '12' },
  { number: 10, title: 'Looking back and planning ahead', from: '14 December 2026', month: '12' },
];

const CATCH_UP = 'This is a catch-up week: no new Thing, a chance to finish the earlier ones.';

let browser;
// A third origin for what the demo server cannot do: a programme sent without a CORS header,
// and one that never answers.
const server = createServer((request, response) => {
  if (request.url === '/hangs.json') return; // no answer; closed in after()
  response.writeHead(200, { 'Content-Type': 'application/json' }); // and no Access-Control-Allow-Origin
  response.end('{"format": 1, "id": "elsewhere", "title": "Elsewhere", "things": [{"number": 1, "title": "One", "prompts": [{"text": "Q"}]}]}');
});
let OTHER_BASE;

before(async () => {
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  OTHER_BASE = `http://127.0.0.1:${server.address().port}/`;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server.closeAllConnections();
  server.close();
});

/** A context in London whose clock stands still at `when` (set before any page loads). */
async function contextAt(when, timezoneId = 'Europe/London') {
  const context = await browser.newContext({ timezoneId });
  await context.clock.setFixedTime(new Date(when));
  return context;
}

async function openIn(context, url, widgets) {
  const page = await context.newPage();
  const log = watch(page);
  await page.goto(url);
  await waitAllMounted(page, widgets);
  return { page, log };
}

async function text(locator) {
  return (await locator.textContent()).trim();
}

async function line(page, n) {
  return text(statusLine(page, n));
}

/** The overview rows of placeholder `n`, as plain data. */
async function overviewRows(page, n, selector = 'ol.things > li') {
  return widget(page, n).evaluate((host, sel) => {
    return [...host.shadowRoot.querySelectorAll(sel)].map((li) => {
      const link = li.querySelector('.name a');
      const done = li.querySelector('.state .badge.done');
      return {
        number: Number(li.querySelector('.number').textContent),
        title: (link || li.querySelector('.name')).textContent.trim(),
        href: link ? link.getAttribute('href') : null,
        rel: link ? link.getAttribute('rel') : null,
        current: li.getAttribute('aria-current'),
        thisWeek: li.querySelector('.name .badge') ? li.querySelector('.name .badge').textContent.trim() : null,
        // The state without the done badge, then the badge on its own.
        state: [...li.querySelector('.state').childNodes]
          .filter((node) => node !== done)
          .map((node) => node.textContent)
          .join('')
          .trim(),
        done: done ? done.textContent.trim() : null,
        complete: li.classList.contains('complete'),
      };
    });
  }, selector);
}

/** Asserts the three widgets of organiser-sidebar.html mounted quietly, with one fetch of the file. */
function assertQuiet(log) {
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.warnings(), []);
  assert.deepEqual(log.errors(), []);
}

// ---- The demo's own programmes are valid files ----

test('the demo programmes (the hosted file and the JSON blocks in the post) pass the JSON Schema', async () => {
  const www = new URL('../../www/', import.meta.url);
  const schema = JSON.parse(await readFile(new URL('thing-prompts-programme.schema.json', www), 'utf8'));
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const validate = ajv.compile(schema);
  const hosted = JSON.parse(await readFile(new URL('demo/remote/library-10-things.json', www), 'utf8'));
  assert.ok(validate(hosted), ajv.errorsText(validate.errors));
  assert.equal(hosted.things.length, 10);
  const html = await readFile(new URL('demo/json-programme-post.html', www), 'utf8');
  const blocks = [...html.matchAll(/<script type="application\/json" class="thing-prompts-programme"[^>]*>([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]));
  assert.equal(blocks.length, 2);
  for (const programme of blocks) assert.ok(validate(programme), ajv.errorsText(validate.errors));
  assert.deepEqual(blocks[0], blocks[1], 'both posts carry the same programme');
});

// ---- organiser-sidebar.html: the programme by URL ----

test('organiser-sidebar.html, 21 October 2026: three widgets, one fetch, this week is Thing 3', async () => {
  const context = await contextAt('2026-10-21T10:00:00');
  try {
    const { page, log } = await openIn(context, ORGANISER, 3);
    await page.waitForLoadState('networkidle');
    const fetched = log.requestsMatching((u) => u.pathname.endsWith('library-10-things.json'));
    assert.deepEqual(fetched, [LIBRARY_FILE], 'the programme is requested once, from the widget origin');
    const uses = await page.locator('[data-programme-src]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-programme-src')));
    assert.equal(uses.length, 3, 'three widgets name the file');
    assert.ok(uses.every((src) => src === LIBRARY_FILE), 'all with the same address');

    for (const n of [PINNED, CURRENT]) {
      const box = widget(page, n);
      assert.equal(await text(box.locator('legend .kicker')), `Thing 3 of 10 · ${LIBRARY_KICKER}`);
      assert.equal(await text(box.locator('legend .week')), '19 October 2026 – 25 October 2026');
      const link = box.locator('legend .title a');
      assert.equal(await text(link), 'Social media policy at work');
      assert.equal(await link.getAttribute('href'), 'https://library-10-things.example/2026/10/thing-3.html');
      assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
      assert.equal(await link.getAttribute('target'), '_blank');
      assert.equal(await box.locator('.notice').count(), 0, 'a running week has no notice');
      assert.equal(await checkboxes(page, n).count(), 4);
    }
    // The fourth question is optional: marked, and left out of the count.
    const texts = await promptTexts(page, CURRENT);
    assert.match(texts[3], /Draft a short post .* \(optional\)$/);
    assert.deepEqual(texts.slice(0, 3).filter((t) => t.includes('(optional)')), []);
    assert.equal(await text(widget(page, CURRENT).locator('.optional')), '(optional)');
    assert.equal(await line(page, CURRENT), '0 of 3 answered');
    await checkboxes(page, CURRENT).nth(3).check();
    assert.equal(await line(page, CURRENT), '0 of 3 answered', 'ticking the optional question counts nothing');
    await checkboxes(page, CURRENT).nth(0).check();
    assert.equal(await line(page, CURRENT), '1 of 3 answered');
    // The pinned Thing 3 in the post is the same Thing: it follows at once.
    assert.deepEqual(await checkedStates(page, PINNED), [true, false, false, true]);
    assert.equal(await line(page, PINNED), '1 of 3 answered');
    const stored = await readStorage(page, LIBRARY_KEY);
    assert.equal(stored.things['3']['policy-read'].done, true, "the programme's own id names the tick");
    assertQuiet(log);
  } finally {
    await context.close();
  }
});

test('organiser-sidebar.html, 13 October 2026: the week line of Thing 2', async () => {
  const context = await contextAt('2026-10-13T08:00:00');
  try {
    const { page, log } = await openIn(context, ORGANISER, 3);
    assert.equal(await text(widget(page, CURRENT).locator('legend .kicker')), `Thing 2 of 10 · ${LIBRARY_KICKER}`);
    assert.equal(await text(widget(page, CURRENT).locator('legend .week')), '12 October 2026 – 18 October 2026');
    assert.equal(await text(widget(page, CURRENT).locator('legend .title')), 'RSS and newsletters');
    assert.equal(await line(page, CURRENT), '0 of 3 answered', 'no optional question in Thing 2');
    assertQuiet(log);
  } finally {
    await context.close();
  }
});

test('organiser-sidebar.html, 11 November 2026: a catch-up week shows Thing 5 and says so', async () => {
  const context = await contextAt('2026-11-11T12:00:00');
  try {
    const { page, log } = await openIn(context, ORGANISER, 3);
    const current = widget(page, CURRENT);
    assert.equal(await text(current.locator('legend .kicker')), `Thing 5 of 10 · ${LIBRARY_KICKER}`);
    assert.equal(await text(current.locator('legend .title')), 'Video calls and online events');
    assert.equal(await text(current.locator('legend .week')), '2 November 2026 – 8 November 2026');
    assert.equal(await text(current.locator('.notice')), CATCH_UP);
    assert.equal(await checkboxes(page, CURRENT).count(), 4, 'its questions can still be ticked');
    // The pinned Thing is not "this week's": no notice there.
    assert.equal(await widget(page, PINNED).locator('.notice').count(), 0);
    // The overview: Thing 5 is the latest, the others come a week later than without the pause.
    const rows = await overviewRows(page, OVERVIEW);
    assert.deepEqual(
      rows.map((r) => r.current),
      [null, null, null, null, 'step', null, null, null, null, null],
    );
    assert.deepEqual(
      rows.slice(5).map((r) => r.state),
      LIBRARY.slice(5).map((t) => `from ${t.from}`),
    );
    assert.equal(await text(widget(page, OVERVIEW).locator('.notice')), CATCH_UP);
    assertQuiet(log);
  } finally {
    await context.close();
  }
});

test('organiser-sidebar.html, 1 October 2026: the course has not started yet', async () => {
  const context = await contextAt('2026-10-01T09:00:00');
  try {
    const { page, log } = await openIn(context, ORGANISER, 3);
    const current = widget(page, CURRENT);
    assert.equal(await checkboxes(page, CURRENT).count(), 0);
    assert.equal(await current.locator('.tp.error').count(), 0);
    assert.equal(
      await text(current.locator('.notice')),
      'The course starts on Monday 5 October 2026. Its first Thing will appear here then.',
    );
    // A Thing pinned in a post is there whatever the date.
    assert.equal(await checkboxes(page, PINNED).count(), 4);
    const rows = await overviewRows(page, OVERVIEW);
    assert.equal(rows.length, 10);
    assert.deepEqual(rows.map((r) => r.current), Array(10).fill(null), 'no Thing is current yet');
    assert.deepEqual(rows.map((r) => r.state), LIBRARY.map((t) => `from ${t.from}`));
    assertQuiet(log);
  } finally {
    await context.close();
  }
});

test('organiser-sidebar.html, 6 January 2027: the course has finished, "All Things" opens the list', async () => {
  const context = await contextAt('2027-01-06T09:00:00');
  try {
    const { page, log } = await openIn(context, ORGANISER, 3);
    const current = widget(page, CURRENT);
    assert.equal(await text(current.locator('legend .kicker')), `Thing 10 of 10 · ${LIBRARY_KICKER}`);
    assert.equal(await text(current.locator('legend .title')), 'Looking back and planning ahead');
    assert.equal(await text(current.locator('legend .week')), '14 December 2026 – 20 December 2026');
    assert.equal(await text(current.locator('.notice')), 'The course finished on Sunday 20 December 2026; this is its last Thing.');
    const button = current.getByRole('button', { name: 'All Things' });
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    assert.equal(await current.locator('#tp-all').count(), 0);
    await button.click();
    assert.equal(await button.getAttribute('aria-expanded'), 'true');
    const rows = await overviewRows(page, CURRENT, '#tp-all ol.things > li');
    assert.deepEqual(rows.map((r) => r.title), LIBRARY.map((t) => t.title));
    // Nothing ticked: each Thing's record says it is not started.
    assert.deepEqual(rows.map((r) => r.state), Array(10).fill('not started'));
    await button.click();
    assert.equal(await current.locator('#tp-all').count(), 0, 'a second click closes it');
    assertQuiet(log);
  } finally {
    await context.close();
  }
});

test('organiser-sidebar.html overview: rows, this week, and ticks from the post and another tab', async () => {
  const context = await contextAt('2026-10-21T10:00:00');
  try {
    const one = await openIn(context, ORGANISER, 3);
    const two = await openIn(context, ORGANISER, 3);
    const { page } = one;
    const head = widget(page, OVERVIEW).locator('.head');
    assert.equal(await text(head.locator('.kicker')), 'All 10 Things');
    assert.equal(await text(head.locator('.title')), LIBRARY_KICKER);

    const rows = await overviewRows(page, OVERVIEW);
    assert.equal(rows.length, 10);
    assert.deepEqual(rows.map((r) => r.number), LIBRARY.map((t) => t.number));
    assert.deepEqual(rows.map((r) => r.title), LIBRARY.map((t) => t.title));
    assert.deepEqual(
      rows.map((r) => r.href),
      LIBRARY.map((t) => `https://library-10-things.example/2026/${t.month}/thing-${t.number}.html`),
    );
    assert.ok(rows.every((r) => r.rel === 'noopener noreferrer'));
    assert.deepEqual(rows.map((r) => r.current), [null, null, 'step', null, null, null, null, null, null, null]);
    assert.deepEqual(rows.map((r) => r.thisWeek), [null, null, 'this week', null, null, null, null, null, null, null]);
    assert.deepEqual(rows.slice(0, 3).map((r) => r.state), ['not started', 'not started', 'not started']);
    assert.deepEqual(rows.slice(3).map((r) => r.state), LIBRARY.slice(3).map((t) => `from ${t.from}`));
    assert.ok(rows.every((r) => r.done === null && !r.complete));

    const row3 = async (p) => (await overviewRows(p, OVERVIEW))[2];
    // Two of the three required questions of Thing 3, in the post's pinned widget.
    await checkboxes(page, PINNED).nth(0).check();
    await checkboxes(page, PINNED).nth(2).check();
    await eventually(async () => (await row3(page)).state === '2 of 3 answered', 'the row follows the post at once', { timeout: 300 });
    assert.equal((await row3(page)).done, null, 'not done yet');
    // The optional one does not finish it.
    await checkboxes(page, PINNED).nth(3).check();
    assert.equal((await row3(page)).state, '2 of 3 answered');
    // The last required one does.
    await checkboxes(page, PINNED).nth(1).check();
    await eventually(async () => (await row3(page)).done === '✓ done', 'the done mark appears at once', { timeout: 300 });
    const done = await row3(page);
    // Finished on the day of the tick that completed it (the page's clock: 21 October 2026).
    assert.equal(done.state, 'finished on 21 October 2026');
    assert.equal(done.complete, true);
    assert.equal(done.current, 'step', 'still this week');

    // The other tab's overview (and its checklists) follow within a second.
    const arrived = await waitFor(async () => (await row3(two.page)).done === '✓ done', { timeout: 1000 });
    assert.ok(arrived, "the second tab's overview shows Thing 3 done within 1000 ms");
    assert.equal((await row3(two.page)).state, 'finished on 21 October 2026');
    assert.deepEqual(await checkedStates(two.page, CURRENT), [true, true, true, true]);
    for (const { log } of [one, two]) assertQuiet(log);
  } finally {
    await context.close();
  }
});

// ---- json-programme-post.html: the programme as a JSON block in the post ----

const RESEARCH_KEY = `${STORAGE_PREFIX}five-research-things`;
const NAMED = 0; // data-programme="#research-things" data-thing="2"
const BESIDE = 1; // no data-programme: the block next to it
const RESEARCH_OVERVIEW = 2;

test('json-programme-post.html: both block widgets mount, ticks are kept under the programme id', async () => {
  const context = await contextAt('2026-11-11T12:00:00');
  try {
    const { page, log } = await openIn(context, BLOCK_PAGE, 3);
    assert.equal(await page.locator('script.thing-prompts-programme').count(), 2, 'two copies of the block (sanity check)');
    assert.equal(await widget(page, BESIDE).getAttribute('data-programme'), null, 'the second widget names no programme');

    assert.equal(await text(widget(page, NAMED).locator('legend .kicker')), 'Thing 2 of 5 · 5 Research Things');
    assert.equal(await text(widget(page, NAMED).locator('legend .title')), 'Managing your references');
    assert.equal(await text(widget(page, NAMED).locator('legend .week')), '9 November 2026 – 15 November 2026');
    assert.equal(await line(page, NAMED), '0 of 3 answered');
    assert.equal(await text(widget(page, BESIDE).locator('legend .kicker')), 'Thing 1 of 5 · 5 Research Things');
    assert.equal(await text(widget(page, BESIDE).locator('legend .title')), 'Your researcher identity');
    assert.equal(
      await widget(page, BESIDE).locator('legend .title a').getAttribute('href'),
      'https://research-things.example/2026/11/thing-1-researcher-identity/',
    );
    assert.equal(await line(page, BESIDE), '0 of 2 answered', 'one of its three questions is optional');

    await checkboxes(page, NAMED).nth(0).check();
    await checkboxes(page, BESIDE).nth(1).check();
    const keys = await page.evaluate(() => Object.keys(localStorage).sort());
    assert.deepEqual(keys, [RESEARCH_KEY], "one key, named by the block's \"id\" field, not by the element's id");
    const stored = await readStorage(page, RESEARCH_KEY);
    assert.deepEqual(Object.keys(stored.things).sort(), ['1', '2']);
    assert.equal(stored.things['2']['pick-tool'].done, true);
    assertQuiet(log);
  } finally {
    await context.close();
  }
});

test('json-programme-post.html overview: the course in New York time, and ticks from both posts', async () => {
  // 04:30 on Monday 9 November in London is still Sunday evening in New York: Thing 2 is not out.
  const early = await contextAt('2026-11-09T04:30:00');
  try {
    const { page, log } = await openIn(early, BLOCK_PAGE, 3);
    const rows = await overviewRows(page, RESEARCH_OVERVIEW);
    assert.deepEqual(rows.map((r) => r.current), ['step', null, null, null, null]);
    assert.equal(rows[1].state, 'from 9 November 2026');
    assertQuiet(log);
  } finally {
    await early.close();
  }
  const context = await contextAt('2026-11-09T05:30:00');
  try {
    const { page, log } = await openIn(context, BLOCK_PAGE, 3);
    assert.equal(await text(widget(page, RESEARCH_OVERVIEW).locator('.head .kicker')), 'All 5 Things');
    assert.equal(await text(widget(page, RESEARCH_OVERVIEW).locator('.head .title')), '5 Research Things');
    let rows = await overviewRows(page, RESEARCH_OVERVIEW);
    assert.deepEqual(rows.map((r) => r.title), [
      'Your researcher identity',
      'Managing your references',
      'Open access and the repository',
      'Planning for research data',
      'Measuring and sharing impact',
    ]);
    assert.deepEqual(rows.map((r) => r.current), [null, 'step', null, null, null]);
    assert.equal(rows[1].thisWeek, 'this week');
    assert.deepEqual(rows.map((r) => r.state), [
      'not started',
      'not started',
      'from 16 November 2026',
      'from 30 November 2026',
      'from 7 December 2026',
    ]);
    // Thing 1 done in the second post (its two required questions), Thing 2 begun in the first.
    await checkboxes(page, BESIDE).nth(0).check();
    await checkboxes(page, BESIDE).nth(1).check();
    await checkboxes(page, NAMED).nth(2).check();
    await eventually(async () => (await overviewRows(page, RESEARCH_OVERVIEW))[0].done === '✓ done', 'Thing 1 is marked done', { timeout: 300 });
    rows = await overviewRows(page, RESEARCH_OVERVIEW);
    assert.deepEqual(rows.slice(0, 2).map((r) => [r.state, r.done]), [
      ['finished on 9 November 2026', '✓ done'],
      ['1 of 3 answered', null],
    ]);
    assertQuiet(log);
  } finally {
    await context.close();
  }
});

// ---- Every way a programme can fail, each on its own page beside a widget that works ----

const GOOD = `<div class="thing-prompts" id="good" data-programme="fixture-good">
  <p>A widget that works</p>
  <ul><li>First question on this page</li><li>Second question on this page</li></ul>
</div>`;
const OWN = 'The post\'s own copy of the questions.';
/** Words that tell the author what to do. */
const FIX = /\b(add|use|put|fix|check|write|remove|give|try|set|move|must)\b/i;

/** A JSON block with `programme` (an object, or text as it stands). */
function block(id, programme) {
  const body = typeof programme === 'string' ? programme : JSON.stringify(programme, null, 2);
  return `<script type="application/json" class="thing-prompts-programme" id="${id}">\n${body}\n</script>`;
}

function bad(attributes) {
  return `<div class="thing-prompts" id="bad" ${attributes}><p class="own">${OWN}</p></div>`;
}

/**
 * Opens a fixture page with `html` (which holds #bad) and GOOD; checks that #bad shows exactly
 * `message` (a string, or a RegExp for the text after "Thing Prompts: ") with its own content
 * visible below, one console warning says the same, and GOOD works; then `then(page, log)`, if
 * given. Returns the message shown.
 */
async function expectError(name, html, message, { setup, timeout = 10_000, fixes = true, then } = {}) {
  const context = await browser.newContext();
  try {
    if (setup) await setup(context);
    const page = await context.newPage();
    const log = watch(page);
    await page.goto(await serveFixture(context, name, fixtureHtml(`${html}\n${GOOD}`, { title: name })));
    await waitAllMounted(page, 2, timeout);
    const box = page.locator('#bad .tp.error');
    assert.equal(await box.count(), 1, `${name}: an error box`);
    assert.equal(await box.getAttribute('role'), 'note');
    const shown = await text(box.locator('p').first());
    assert.ok(shown.startsWith('Thing Prompts: '), shown);
    // Several problems are shown as a list under the first line; the console has them in one line.
    const problems = (await box.locator('.problems li').allTextContents()).map((p) => p.trim());
    const said = problems.length
      ? `${shown.slice('Thing Prompts: '.length)} ${problems.join('; ')}.`
      : shown.slice('Thing Prompts: '.length);
    if (message instanceof RegExp) assert.match(said, message, name);
    else assert.equal(said, message, name);
    if (fixes) assert.match(said, FIX, `${name}: the message says what to do`);
    assert.equal(await page.locator('#bad input[type=checkbox]').count(), 0);

    // The post's own copy stays in sight, under the message.
    const own = page.locator('#bad .own');
    assert.equal(await own.isVisible(), true, `${name}: the placeholder's own content is visible`);
    const [boxArea, ownArea] = [await box.boundingBox(), await own.boundingBox()];
    assert.ok(ownArea.y >= boxArea.y + boxArea.height - 1, `${name}: own content below the message`);

    const warnings = log.widgetWarnings().map((w) => w.text);
    assert.deepEqual(warnings, [`${WARN_PREFIX} ${said}`], `${name}: one console warning, the same words`);
    assert.deepEqual(log.pageErrors, []);

    // The other widget on the page is untouched.
    assert.equal(await checkboxes(page, 1).count(), 2);
    await checkboxes(page, 1).first().check();
    assert.equal(await line(page, 1), '1 of 2 answered');
    // More checks on the same page, when the test has any.
    if (then) await then(page, log);
    return said;
  } finally {
    await context.close();
  }
}

/** A small valid programme to break. */
function course(id, extra = {}) {
  return {
    format: 1,
    id,
    title: 'Fixture course',
    things: [
      { number: 1, title: 'One', release: '2026-01-05', prompts: [{ id: 'q', text: 'First?' }, { text: 'Second?' }] },
      { number: 2, title: 'Two', release: '2026-01-12', prompts: [{ text: 'Third?' }] },
      { number: 3, title: 'Three', release: '2026-01-19', prompts: [{ text: 'Fourth?' }] },
    ],
    ...extra,
  };
}

test('error: data-programme="#nope" names no element', async () => {
  await expectError(
    'programme-no-element',
    bad('data-programme="#nope" data-thing="1"'),
    'There is no element with id="nope" on this page: add the programme as <script type="application/json" id="nope">, or fix data-programme.',
  );
});

test('error: data-programme="#not-json" names a <div>', async () => {
  await expectError(
    'programme-not-a-block',
    `<div id="not-json">{"format": 1}</div>\n${bad('data-programme="#not-json" data-thing="1"')}`,
    'The element #not-json is not a <script type="application/json">: put the programme\'s JSON in one.',
  );
});

test('error: a block that is not JSON says where the parser stopped', async () => {
  // Lines count from the start of the block's text: the line break after <script …> is line 1.
  const said = await expectError(
    'programme-block-bad-json',
    `${block('broken', '{\n  "format": 1,\n  "id": "broken",\n  "title": "Broken",\n}')}\n${bad('data-programme="#broken" data-thing="1"')}`,
    /^The programme "#broken" cannot be used: the file is not a programme in JSON \(line 6, column 1: a comma cannot come just before }: remove it\)\.$/,
    { fixes: false },
  );
  assert.match(said, /line 6, column 1/);
});

test('error: a value of the wrong type in a block is named with its place, as the browser read it', async () => {
  // JSON.parse, then serde-wasm-bindgen: a number where text belongs, a list where an object does.
  const programme = course('types');
  programme.things[1].title = 2012;
  await expectError(
    'programme-block-type',
    `${block('types', programme)}\n${bad('data-programme="#types" data-thing="1"')}`,
    'The programme "#types" cannot be used: the file is not a programme in JSON (things[1].title must be text in double quotes, not 2012).',
    { fixes: false },
  );
  const listed = course('lists', { schedule: [] });
  await expectError(
    'programme-block-list',
    `${block('lists', listed)}\n${bad('data-programme="#lists" data-thing="1"')}`,
    'The programme "#lists" cannot be used: the file is not a programme in JSON (schedule must be an object { … }, not a list [ … ]).',
    { fixes: false },
  );
});

test('error: a fraction where a whole number belongs: the lite module hands the placeholder over, the full one names the value', async () => {
  // The lite module reads without words: it builds no message and prints no value it found (no
  // float printing in the first download), so it learns only that the programme does not fit and
  // hands the placeholder to the full module, which says where and what.
  const LITE = (url) => url.pathname.endsWith('/thing-prompts-wasm_bg.wasm');
  const FULL = (url) => url.pathname.endsWith('/thing-prompts-full_bg.wasm');
  const programme = course('fractions');
  programme.things[0].number = 1.5;
  await expectError(
    'programme-block-fraction',
    `${block('fractions', programme)}\n${bad('data-programme="#fractions" data-thing="1"')}`,
    'The programme "#fractions" cannot be used: the file is not a programme in JSON (things[0].number must be a whole number, not 1.5).',
    {
      fixes: false,
      then: async (page, log) => {
        assert.equal(log.requestsMatching(LITE).length, 1, 'the lite module read the page first');
        assert.equal(log.requestsMatching(FULL).length, 1, 'and handed it to the full module, once');
      },
    },
  );
});

test('error: a misspelt field in a block is named with its place and the fields allowed there', async () => {
  const programme = course('misspelt');
  programme.things[2].promts = programme.things[2].prompts;
  delete programme.things[2].prompts;
  await expectError(
    'programme-block-unknown-field',
    `${block('misspelt', programme)}\n${bad('data-programme="#misspelt" data-thing="1"')}`,
    'The programme "#misspelt" cannot be used: the file is not a programme in JSON (things[2]: unknown field "promts": the fields allowed here are "number", "title", "link", "release" and "prompts").',
    { fixes: false },
  );
});

test('error: a block with several problems lists every one with its place', async () => {
  const programme = course('several', { format: 2 });
  programme.things[0].link = 'javascript:alert(1)';
  programme.things[1].prompts = [{ id: 'same', text: 'Third?' }, { id: 'same', text: 'Third, again?' }];
  programme.things[2].release = '2026-01-05';
  const said = await expectError(
    'programme-block-invalid',
    `${block('several', programme)}\n${bad('data-programme="#several" data-thing="1"')}`,
    /^The programme "#several" cannot be used: /,
  );
  for (const part of [
    'format: format 2 is not known to this release: write 1',
    'things[0].link: "javascript:alert(1)" is not a web address: it must start with https:// or http://',
    'things[1].prompts[1].id: duplicate id "same" (also used at things[1].prompts[0])',
    "things[2].release: 2026-01-05 is not after Thing 2's release (2026-01-12): release dates must increase with the Thing number",
  ]) {
    assert.ok(said.includes(part), `the message lists «${part}»:\n${said}`);
  }
  assert.equal(said.split('; ').length, 4, 'four problems, no more');
  // ...and on screen each has its own line.
  assert.equal(said.startsWith('The programme "#several" cannot be used: format: '), true, said);
});

const failed = (url) => `Could not load the programme from ${url}: `;

test('error: data-programme-src answers 404', async () => {
  const url = `${WIDGET_ORIGIN}no-such-course.json`;
  await expectError(
    'programme-src-404',
    bad(`data-programme-src="${url}" data-thing="1"`),
    `${failed(url)}the server answered 404 Not Found. Check the address in data-programme-src.`,
  );
});

test('error: data-programme-src on a server that sends no CORS header', async () => {
  const url = `${OTHER_BASE}no-cors.json`;
  await expectError(
    'programme-src-no-cors',
    bad(`data-programme-src="${url}" data-thing="1"`),
    `${failed(url)}the browser refused it or the server could not be reached. The server must allow other sites to read it (Access-Control-Allow-Origin: *); see the README.`,
  );
});

test('error: data-programme-src that never answers gives up after 10 seconds', async () => {
  const url = `${OTHER_BASE}hangs.json`;
  const started = Date.now();
  await expectError(
    'programme-src-timeout',
    bad(`data-programme-src="${url}" data-thing="1"`),
    `${failed(url)}no answer within 10 seconds. Try again later, or check the address.`,
    { timeout: 20_000 },
  );
  assert.ok(Date.now() - started >= 9_500, 'not before 10 s');
});

test('error: data-programme-src sends more than 256 KB', async () => {
  const url = `${WIDGET_ORIGIN}too-large-course.json`;
  await expectError(
    'programme-src-too-large',
    bad(`data-programme-src="${url}" data-thing="1"`),
    `${failed(url)}the file is larger than 256 KB, far more than a programme needs. Check that the address names the programme's JSON file.`,
    {
      setup: (context) =>
        context.route(url, (route) =>
          route.fulfill({
            contentType: 'application/json',
            headers: { 'Access-Control-Allow-Origin': '*' },
            body: JSON.stringify({ padding: 'x'.repeat(300 * 1024) }),
          }),
        ),
    },
  );
});

test('error: data-programme-src sends something that is not JSON', async () => {
  const url = `${WIDGET_ORIGIN}course-page.json`;
  await expectError(
    'programme-src-not-json',
    bad(`data-programme-src="${url}" data-thing="1"`),
    new RegExp(`^The programme "${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" cannot be used: the file is not a programme in JSON \\(line 1, column 1: expected a value: text in double quotes, a number, true, false, null, \\[ or \\{\\)\\.$`),
    {
      fixes: false,
      setup: (context) =>
        context.route(url, (route) =>
          route.fulfill({
            contentType: 'application/json',
            headers: { 'Access-Control-Allow-Origin': '*' },
            body: '<!doctype html><title>Page not found</title>',
          }),
        ),
    },
  );
});

test('error: data-programme-src sends a programme with a value of the wrong type: handed over, and named by the full module', async () => {
  // The file the loader fetched goes to the lite module, which cannot use it and says no more;
  // the full module gets the same text from the loader and names the place and the value.
  const url = `${WIDGET_ORIGIN}course-typed.json`;
  const programme = course('typed');
  programme.things[2].prompts[0].optional = 0.5;
  const escaped = url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await expectError(
    'programme-src-type',
    bad(`data-programme-src="${url}" data-thing="1"`),
    new RegExp(`^The programme "${escaped}" cannot be used: the file is not a programme in JSON \\(things\\[2\\]\\.prompts\\[0\\]\\.optional must be true or false, not 0\\.5\\)\\.$`),
    {
      fixes: false,
      setup: (context) =>
        context.route(url, (route) =>
          route.fulfill({
            contentType: 'application/json',
            headers: { 'Access-Control-Allow-Origin': '*' },
            body: JSON.stringify(programme),
          }),
        ),
      then: async (page, log) => {
        const fetched = (name) => log.requestsMatching((u) => u.pathname.endsWith(name)).length;
        assert.equal(fetched('/thing-prompts-wasm_bg.wasm'), 1, 'the lite module read it first');
        assert.equal(fetched('/thing-prompts-full_bg.wasm'), 1, 'then the full module, once');
        assert.equal(fetched('/course-typed.json'), 1, 'the file is fetched once, for both');
      },
    },
  );
});

test('error: an overview with only an inline list', async () => {
  await expectError(
    'overview-without-programme',
    `<div class="thing-prompts" id="bad" data-view="overview"><p class="own">${OWN}</p><ol><li>One?</li><li>Two?</li></ol></div>`,
    'An overview shows a whole programme: add data-programme (or data-programme-src) to this element.',
  );
});

test('a programme in an unknown time zone: one warning, and the reader\'s own date', async () => {
  // 12:00 UTC on Sunday 8 March is already Monday 9 March on Kiritimati (UTC+14), the reader's
  // date: Thing 2 is out there, though not yet in London or by UTC.
  const context = await contextAt('2026-03-08T12:00:00Z', 'Pacific/Kiritimati');
  try {
    const programme = {
      format: 1,
      id: 'mars-base-things',
      title: 'Things on Mars',
      timeZone: 'Mars/Olympus_Mons',
      schedule: { start: '2026-03-02', intervalDays: 7 },
      things: [
        { number: 1, title: 'Landing', prompts: [{ text: 'Did you land?' }] },
        { number: 2, title: 'Dust storms', prompts: [{ text: 'Where did you shelter?' }, { text: 'What broke?' }] },
        { number: 3, title: 'Going home', prompts: [{ text: 'Who stays?' }] },
      ],
    };
    const html = `${block('mars', programme)}\n<div class="thing-prompts" id="mars-now" data-programme="#mars" data-thing="current"><p>${OWN}</p></div>\n${GOOD}`;
    const page = await context.newPage();
    const log = watch(page);
    await page.goto(await serveFixture(context, 'programme-unknown-zone', fixtureHtml(html)));
    await waitAllMounted(page, 2);
    assert.equal(await widget(page, 0).locator('.tp.error').count(), 0, 'the widget still works');
    assert.equal(await text(widget(page, 0).locator('legend .kicker')), 'Thing 2 of 3 · Things on Mars');
    assert.equal(await text(widget(page, 0).locator('legend .title')), 'Dust storms');
    await checkboxes(page, 0).first().check();
    assert.equal(await line(page, 0), '1 of 2 answered');
    assert.deepEqual(log.widgetWarnings().map((w) => w.text), [
      `${WARN_PREFIX} The time zone "Mars/Olympus_Mons" of "mars-base-things" is not known to this browser: using the reader's own.`,
    ]);
    assert.equal(await checkboxes(page, 1).count(), 2);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

// ---- Editing a running course keeps the ticks ----

test('editing a running course: reworded (with an id), reordered, added, removed and restored questions', async () => {
  const version = (prompts) =>
    block('edit-block', {
      format: 1,
      id: 'edited-course',
      title: 'A course being edited',
      things: [{ number: 1, title: 'Getting started', prompts }],
    }) + '\n<div class="thing-prompts" data-programme="#edit-block" data-thing="1"></div>';
  const AIM = 'What do you want to get out of the course?';
  const AIM_REWORDED = 'What do you hope to learn on this course?';
  const TOOL = 'Which tool did you try first?';
  const TALK = 'Who did you talk to about it?';
  const TALK_REWORDED = 'Who did you tell about it?';
  const SHARE = 'Share your post with a colleague.';
  const NEXT = 'What will you try next week?';

  const context = await browser.newContext();
  try {
    const open = async (name, prompts) => {
      const page = await context.newPage();
      const log = watch(page);
      await page.goto(await serveFixture(context, name, fixtureHtml(version(prompts))));
      await waitAllMounted(page, 1);
      assert.deepEqual(log.widgetWarnings(), []);
      const texts = await promptTexts(page, 0);
      const states = await checkedStates(page, 0);
      return { page, ticks: Object.fromEntries(texts.map((t, i) => [t, states[i]])), order: texts };
    };

    // Version 1, as first published: the reader ticks all four.
    const v1 = await open('edit-v1', [{ id: 'aim', text: AIM }, { text: TOOL }, { text: TALK }, { id: 'share', text: SHARE }]);
    for (let i = 0; i < 4; i++) await checkboxes(v1.page, 0).nth(i).check();
    assert.equal(await line(v1.page, 0), '4 of 4 answered. This Thing is done.');
    await v1.page.close();

    // Version 2: "aim" reworded (its id kept), the order changed, TOOL removed, NEXT added.
    const v2 = await open('edit-v2', [{ id: 'share', text: SHARE }, { text: TALK }, { id: 'aim', text: AIM_REWORDED }, { text: NEXT }]);
    assert.deepEqual(v2.order, [SHARE, TALK, AIM_REWORDED, NEXT]);
    assert.deepEqual(v2.ticks, { [SHARE]: true, [TALK]: true, [AIM_REWORDED]: true, [NEXT]: false });
    assert.equal(await line(v2.page, 0), '3 of 4 answered');
    // The removed question's tick waits in storage, unseen.
    const stored = await readStorage(v2.page, `${STORAGE_PREFIX}edited-course`);
    assert.equal(Object.keys(stored.things['1']).length, 4, 'four ticks kept: aim, share and two derived ids');
    await v2.page.close();

    // Version 3: TOOL comes back (with other capitals and spacing, which keep its id);
    // TALK is reworded without an id, so it starts afresh.
    const v3 = await open('edit-v3', [
      { id: 'aim', text: AIM_REWORDED },
      { text: '  which TOOL did   you try first?' },
      { text: TALK_REWORDED },
      { id: 'share', text: SHARE },
      { text: NEXT },
    ]);
    assert.deepEqual(v3.ticks, {
      [AIM_REWORDED]: true,
      'which TOOL did you try first?': true,
      [TALK_REWORDED]: false,
      [SHARE]: true,
      [NEXT]: false,
    });
    assert.equal(await line(v3.page, 0), '3 of 5 answered');
    // Back to version 1's wording of TALK: its tick was never lost.
    const v4 = await open('edit-v4', [{ id: 'aim', text: AIM }, { text: TOOL }, { text: TALK }, { id: 'share', text: SHARE }]);
    assert.deepEqual(Object.values(v4.ticks), [true, true, true, true]);
  } finally {
    await context.close();
  }
});
