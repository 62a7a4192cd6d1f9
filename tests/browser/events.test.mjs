// Events for the page: each placeholder dispatches `thing-prompts:ready` once as it mounts and
// `thing-prompts:change` after each tick, untick, clear or restore, with counts in `detail`
// (never a question or a note), bubbling to the document across the shadow boundary.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  THING_12,
  WIDGET_ORIGIN,
  checkboxes,
  eventually,
  fixtureHtml,
  launch,
  quiet,
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

// Two widgets of Thing 12 (they share its ticks), one of Thing 3, and an inline list.
const PAGE = fixtureHtml(`
<div class="thing-prompts" id="a" data-programme="cpd23-2012" data-thing="12"></div>
<div class="thing-prompts" id="b" data-programme="cpd23-2012" data-thing="12"></div>
<div class="thing-prompts" id="c" data-programme="cpd23-2012" data-thing="3"></div>
<div class="thing-prompts" id="d"><ul><li>First inline question</li><li>Second inline question</li></ul></div>
`);

/** Records, from the document, every widget event: its type, the placeholder and its detail. */
function listen() {
  window.heard = [];
  for (const type of ['thing-prompts:ready', 'thing-prompts:change']) {
    document.addEventListener(type, (event) => {
      window.heard.push({
        type: event.type,
        target: event.target.id,
        bubbles: event.bubbles,
        composed: event.composed,
        phase: event.eventPhase,
        isCustom: event instanceof CustomEvent,
        detail: event.detail,
        detailText: JSON.stringify(event.detail),
      });
    });
  }
}

const heard = (page) => page.evaluate(() => window.heard);
const since = async (page, from) => (await heard(page)).slice(from);
const settle = (page) => page.waitForTimeout(300);

const thing12 = (answered, complete = false) => ({ programme: 'cpd23-2012', thing: 12, answered, total: 5, complete });

test('ready once per placeholder; change after tick, untick, clear and restore, with counts only', async () => {
  const context = await browser.newContext();
  try {
    await context.addInitScript(listen);
    const page = await context.newPage();
    const log = watch(page);
    await page.goto(await serveFixture(context, 'events', PAGE));
    await waitAllMounted(page, 4);
    await settle(page);

    // ready: one per placeholder, dispatched on the placeholder, with its counts.
    const ready = await heard(page);
    assert.deepEqual(
      ready.map((e) => e.type),
      Array(4).fill('thing-prompts:ready'),
      'four readies, no change yet',
    );
    const byTarget = Object.fromEntries(ready.map((e) => [e.target, e.detail]));
    assert.deepEqual(byTarget.a, thing12(0));
    assert.deepEqual(byTarget.b, thing12(0));
    assert.equal(byTarget.c.programme, 'cpd23-2012');
    assert.equal(byTarget.c.thing, 3);
    assert.equal(byTarget.c.answered, 0);
    assert.ok(byTarget.c.total > 0);
    assert.deepEqual(byTarget.d, { programme: null, thing: null, answered: 0, total: 2, complete: false });
    for (const event of ready) {
      assert.equal(event.isCustom, true, 'a CustomEvent');
      assert.equal(event.bubbles, true, 'it bubbles');
      assert.equal(event.composed, true, 'it crosses shadow roots');
      assert.equal(event.phase, 3, 'heard on the document as it bubbles up');
    }

    // A tick in widget a: both Thing 12 widgets show new counts, so both say so; c and d do not.
    let from = (await heard(page)).length;
    await checkboxes(page, 0).nth(0).check();
    await eventually(async () => (await since(page, from)).length >= 2, 'two changes after a tick');
    await settle(page);
    let events = await since(page, from);
    assert.deepEqual(
      events.map((e) => [e.type, e.target]).sort(),
      [
        ['thing-prompts:change', 'a'],
        ['thing-prompts:change', 'b'],
      ],
    );
    for (const event of events) assert.deepEqual(event.detail, thing12(1));

    // An untick.
    from = (await heard(page)).length;
    await checkboxes(page, 1).nth(0).uncheck();
    await eventually(async () => (await since(page, from)).length >= 2, 'two changes after an untick');
    await settle(page);
    events = await since(page, from);
    assert.equal(events.length, 2);
    for (const event of events) assert.deepEqual(event.detail, thing12(0));

    // Every question ticked: complete.
    for (let n = 0; n < 5; n++) await checkboxes(page, 0).nth(n).check();
    await settle(page);
    events = (await heard(page)).filter((e) => e.target === 'a');
    assert.deepEqual(events.at(-1).detail, thing12(5, true), 'complete when all are ticked');
    assert.deepEqual(
      events.slice(-5).map((e) => e.detail.answered),
      [1, 2, 3, 4, 5],
      'one change per tick',
    );

    // Clear ticks.
    from = (await heard(page)).length;
    await widget(page, 0).getByRole('button', { name: 'Clear ticks' }).click();
    await eventually(async () => (await since(page, from)).length >= 2, 'two changes after a clear');
    await settle(page);
    events = await since(page, from);
    assert.deepEqual(events.find((e) => e.target === 'a').detail, thing12(0));

    // Two ticks, a backup code (the full module takes over: no second ready), a clear, a restore.
    await checkboxes(page, 0).nth(1).check();
    await checkboxes(page, 0).nth(2).check();
    await widget(page, 0).getByRole('button', { name: 'Backup', exact: true }).click();
    const panel = widget(page, 0).locator('.backup');
    await panel.waitFor();
    await panel.getByRole('button', { name: 'Copy backup code' }).click();
    const code = await panel.locator('textarea.code').inputValue();
    assert.match(code, /^TP1 cpd23-2012 12:/);
    await widget(page, 0).getByRole('button', { name: 'Clear ticks' }).click();
    await eventually(async () => (await heard(page)).at(-1).detail.answered === 0, 'cleared');
    from = (await heard(page)).length;
    await panel.locator('textarea.paste').fill(code);
    await panel.getByRole('button', { name: 'Restore code' }).click();
    await eventually(async () => (await since(page, from)).length >= 2, 'two changes after a restore');
    await settle(page);
    events = await since(page, from);
    assert.deepEqual(events.find((e) => e.target === 'a').detail, thing12(2));

    const all = await heard(page);
    assert.equal(all.filter((e) => e.type === 'thing-prompts:ready').length, 4, 'ready once per placeholder, takeover or not');
    assert.deepEqual(
      all.filter((e) => e.target === 'c' || e.target === 'd').map((e) => e.type),
      ['thing-prompts:ready', 'thing-prompts:ready'],
      'widgets whose counts never changed said nothing more',
    );
    // The detail is ids and counts: no question text, no note.
    for (const event of all) {
      assert.deepEqual(Object.keys(event.detail).sort(), ['answered', 'complete', 'programme', 'thing', 'total']);
      for (const text of [...THING_12, 'First inline question', 'Second inline question']) {
        assert.ok(!event.detailText.includes(text.slice(0, 20)), `no question text in ${event.detailText}`);
      }
    }
    quiet(log);
  } finally {
    await context.close();
  }
});

test('an organiser\'s "you finished this Thing" line, as docs/hosting.md shows it', async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const log = watch(page);
    const html = fixtureHtml(`
<div class="thing-prompts" data-programme="cpd23-2012" data-thing="12"></div>
<p id="finished" hidden>You finished Thing 12: well done! Thing 13 opens next week.</p>
<script>
  function showFinished(event) {
    if (event.detail.thing === 12) {
      document.getElementById('finished').hidden = !event.detail.complete;
    }
  }
  // ready: a reader who comes back with the Thing already finished sees the line at once.
  document.addEventListener('thing-prompts:ready', showFinished);
  document.addEventListener('thing-prompts:change', showFinished);
</script>`);
    // The example is the one docs/hosting.md gives, word for word.
    const docs = await readFile(new URL('../../docs/hosting.md', import.meta.url), 'utf8');
    assert.ok(docs.includes(html.slice(html.indexOf('<p id="finished"'), html.indexOf('</script>') + 9)), 'docs/hosting.md shows this example');
    await page.goto(await serveFixture(context, 'events-finished', html));
    await waitAllMounted(page, 1);
    const line = page.locator('#finished');
    for (let n = 0; n < 4; n++) await checkboxes(page, 0).nth(n).check();
    await settle(page);
    assert.equal(await line.isVisible(), false, 'not yet');
    await checkboxes(page, 0).nth(4).check();
    await line.waitFor({ state: 'visible' });
    // A reader who comes back with the Thing finished sees the line as the widget mounts.
    await page.reload();
    await waitAllMounted(page, 1);
    await line.waitFor({ state: 'visible' });
    await checkboxes(page, 0).nth(4).uncheck();
    await line.waitFor({ state: 'hidden' });
    quiet(log);
  } finally {
    await context.close();
  }
});

test('undo of a clear and a tick in another tab say change; the overview counts the whole course', async () => {
  const context = await browser.newContext();
  try {
    await context.addInitScript(listen);
    // Every question of the course that counts (optional ones do not), from the bundled file.
    const course = await (await fetch(`${WIDGET_ORIGIN}programmes/cpd23-2012.json`)).json();
    const total = course.things.flatMap((thing) => thing.prompts).filter((prompt) => !prompt.optional).length;
    const overview = (answered) => ({ programme: 'cpd23-2012', thing: null, answered, total, complete: false });
    const url = await serveFixture(context, 'events-course', fixtureHtml(`
<div class="thing-prompts" id="a" data-programme="cpd23-2012" data-thing="12"></div>
<div class="thing-prompts" id="o" data-programme="cpd23-2012" data-view="overview"></div>`));
    const page = await context.newPage();
    const log = watch(page);
    await page.goto(url);
    await waitAllMounted(page, 2);
    await settle(page);
    const last = async (target) => (await heard(page)).filter((e) => e.target === target).at(-1);
    const requestsBefore = log.requests.length;
    assert.deepEqual(
      (await heard(page)).map((e) => [e.type, e.target, e.detail]).sort(),
      [
        ['thing-prompts:ready', 'a', thing12(0)],
        ['thing-prompts:ready', 'o', overview(0)],
      ],
    );

    await checkboxes(page, 0).nth(0).check();
    await checkboxes(page, 0).nth(3).check();
    await eventually(async () => (await last('o')).detail.answered === 2, 'the overview counts two');
    assert.deepEqual((await last('a')).detail, thing12(2));
    assert.deepEqual((await last('o')).detail, overview(2));

    // Clear ticks, then its undo: each is a change of the count.
    await widget(page, 0).getByRole('button', { name: 'Clear ticks' }).click();
    await eventually(async () => (await last('a')).detail.answered === 0, 'cleared');
    let from = (await heard(page)).length;
    await widget(page, 0).getByRole('button', { name: 'Undo clear' }).click();
    await eventually(async () => (await since(page, from)).length >= 2, 'two changes after the undo');
    await settle(page);
    assert.deepEqual(
      (await since(page, from)).map((e) => [e.type, e.target, e.detail]).sort(),
      [
        ['thing-prompts:change', 'a', thing12(2)],
        ['thing-prompts:change', 'o', overview(2)],
      ],
    );

    // A tick in another tab of the same site reaches this page by the storage event.
    const other = await context.newPage();
    await other.goto(url);
    await waitAllMounted(other, 2);
    from = (await heard(page)).length;
    await checkboxes(other, 0).nth(4).check();
    await eventually(async () => (await since(page, from)).length >= 2, 'two changes from the other tab');
    await settle(page);
    assert.deepEqual(
      (await since(page, from)).map((e) => [e.type, e.target, e.detail]).sort(),
      [
        ['thing-prompts:change', 'a', thing12(3)],
        ['thing-prompts:change', 'o', overview(3)],
      ],
    );
    assert.deepEqual(log.requests.slice(requestsBefore), [], 'no request while the events went out');
    quiet(log);
  } finally {
    await context.close();
  }
});
