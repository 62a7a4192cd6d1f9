// data-thing="current" follows the reader's clock: cpd23-2012 starts Monday 30 April 2012
// with one Thing a week for 23 weeks. The post's pinned Thing 12 never moves.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { THING_12, checkboxes, launch, pageUrl, promptTexts, waitAllMounted, watch, widget } from './helpers.mjs';

const PAGE = pageUrl('blogger-post.html');
const POST = 0;
const SIDEBAR = 1;
let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** Opens the Blogger post with the browser clock fixed at `when` (local time, in `timezoneId`). */
async function openOn(when, run, timezoneId = 'Europe/London') {
  const context = await browser.newContext({ timezoneId });
  try {
    await context.clock.setFixedTime(new Date(when));
    const page = await context.newPage();
    const log = watch(page);
    await page.goto(PAGE);
    await waitAllMounted(page, 2);
    assert.equal(
      await page.evaluate(() => new Date().getTime()),
      new Date(when).getTime(),
      'the page sees the fixed date',
    );
    await run(page, log);
    // The pinned post shows Thing 12 whatever the date.
    assert.equal(await checkboxes(page, POST).count(), 5);
    assert.equal((await widget(page, POST).locator('legend .title').textContent()).trim(), 'Putting the social into social media');
    assert.match(await widget(page, POST).locator('legend .kicker').textContent(), /^Thing 12 of 23 · /);
    assert.equal(await widget(page, POST).locator('.notice').count(), 0);
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.warnings(), []);
  } finally {
    await context.close();
  }
}

async function text(locator) {
  return (await locator.textContent()).trim();
}

test('18 July 2012: the sidebar shows Thing 12', async () => {
  await openOn('2012-07-18T10:00:00', async (page) => {
    const sidebar = widget(page, SIDEBAR);
    assert.equal(await checkboxes(page, SIDEBAR).count(), 5);
    assert.equal(await text(sidebar.locator('legend .title')), 'Putting the social into social media');
    assert.match(await text(sidebar.locator('legend .kicker')), /^Thing 12 of 23 · /);
    assert.deepEqual(await promptTexts(page, SIDEBAR), THING_12);
    assert.equal(await sidebar.locator('.notice').count(), 0);
    // Sidebar and post show the same Thing, so they share ticks.
    await checkboxes(page, SIDEBAR).nth(4).check();
    assert.equal(await checkboxes(page, POST).nth(4).isChecked(), true);
  });
});

test('1 May 2012: the sidebar shows Thing 1, Blogging', async () => {
  await openOn('2012-05-01T10:00:00', async (page) => {
    const sidebar = widget(page, SIDEBAR);
    assert.equal(await text(sidebar.locator('legend .title')), 'Blogging');
    assert.match(await text(sidebar.locator('legend .kicker')), /^Thing 1 of 23 · /);
    assert.equal(await checkboxes(page, SIDEBAR).count(), 4);
    assert.equal(await sidebar.locator('.notice').count(), 0);
  });
});

test('the last Sunday before the start and the first Monday', async () => {
  await openOn('2012-04-29T23:30:00+01:00', async (page) => {
    assert.equal(await checkboxes(page, SIDEBAR).count(), 0);
    assert.match(await text(widget(page, SIDEBAR).locator('.notice')), /30 April 2012/);
  });
  await openOn('2012-04-30T00:30:00+01:00', async (page) => {
    assert.equal(await text(widget(page, SIDEBAR).locator('legend .title')), 'Blogging');
  });
});

test('a Thing comes out at midnight in the course time zone, wherever the reader is', async () => {
  // Sunday 29 April 2012, 19:30 in New York is already Monday 00:30 in London (summer time):
  // the first Thing of CPD23 2012 is out, though the reader's own date is still the 29th.
  await openOn(
    '2012-04-29T19:30:00-04:00',
    async (page) => {
      assert.equal(await page.evaluate(() => new Date().getDate()), 29, "the reader's own date");
      assert.equal(await text(widget(page, SIDEBAR).locator('legend .title')), 'Blogging');
    },
    'America/New_York',
  );
  // One hour earlier it is still Sunday in London too.
  await openOn(
    '2012-04-29T18:30:00-04:00',
    async (page) => {
      assert.equal(await checkboxes(page, SIDEBAR).count(), 0);
    },
    'America/New_York',
  );
  // The course ends with Sunday 7 October 2012 in London, still on summer time (UTC+1):
  // 22:30 UTC is 23:30 there, the last week; 23:30 UTC is already Monday, and the course is over.
  await openOn(
    '2012-10-07T22:30:00+00:00',
    async (page) => {
      assert.match(await text(widget(page, SIDEBAR).locator('legend .kicker')), /^Thing 23 of 23/);
      assert.equal(await widget(page, SIDEBAR).locator('.notice').count(), 0, 'still the last week');
    },
    'Asia/Tokyo',
  );
  await openOn(
    '2012-10-07T23:30:00+00:00',
    async (page) => {
      assert.match(await text(widget(page, SIDEBAR).locator('.notice')), /finished on Sunday 7 October 2012/);
    },
    'UTC',
  );
});

test('1 April 2012: the course has not started, the sidebar says when it will', async () => {
  await openOn('2012-04-01T10:00:00', async (page) => {
    const sidebar = widget(page, SIDEBAR);
    assert.equal(await sidebar.locator('.tp').count(), 1);
    assert.equal(await sidebar.locator('.tp.error').count(), 0);
    assert.equal(await checkboxes(page, SIDEBAR).count(), 0);
    assert.equal(await sidebar.locator('.footer').count(), 0);
    const notice = await text(sidebar.locator('.notice'));
    assert.match(notice, /30 April 2012/);
    assert.match(notice, /Monday 30 April 2012/);
  });
});

test('25 November 2026: the course is over, the sidebar shows Thing 23 and says so', async () => {
  await openOn('2026-11-25T10:00:00', async (page) => {
    const sidebar = widget(page, SIDEBAR);
    assert.match(await text(sidebar.locator('legend .kicker')), /^Thing 23 of 23 · /);
    assert.equal(await text(sidebar.locator('legend .title')), 'Reflection – what next?');
    assert.equal(await checkboxes(page, SIDEBAR).count(), 4);
    assert.match(await text(sidebar.locator('.notice')), /finished/);
  });
});
