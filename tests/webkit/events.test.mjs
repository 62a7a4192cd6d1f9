// The page's events in WebKit: every placeholder of a page says `thing-prompts:ready` once as it
// mounts, then `thing-prompts:change` when the count it shows changes (a tick in it or in another
// widget of the same Thing, an untick, Clear ticks and its undo), with ids and counts in `detail`,
// heard on the document across the shadow boundary. One session; each test starts with empty
// localStorage.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { A, B, C, PAGES, PAGE_ORIGIN, pageHelpers, poll } from '../webdriver/helpers.mjs';
import { startWebKit } from './webkit.mjs';

let driver;

before(async () => {
  driver = await startWebKit();
});

after(async () => {
  await driver?.quit();
});

const { clearStorage, checkboxes, waitMounted } = pageHelpers(() => driver);

beforeEach(clearStorage);

const FRONT = 'wordpress-front.html';

/** Listens on the document, before the loader runs, to every widget event (kept in window.heard). */
function listen() {
  window.heard = [];
  for (const type of ['thing-prompts:ready', 'thing-prompts:change']) {
    document.addEventListener(type, (event) => {
      window.heard.push({
        type: event.type,
        target: [...document.querySelectorAll('.thing-prompts')].indexOf(event.target),
        bubbles: event.bubbles,
        composed: event.composed,
        custom: event instanceof CustomEvent,
        detail: JSON.stringify(event.detail),
      });
    });
  }
}

/**
 * Opens the WordPress demo page with `listen` run before anything else on it: WebDriver classic
 * has no "run at document start", so the page's HTML is written, with the listener first in its
 * <head>, into a document of the page origin (as storage.test.mjs plants its faults).
 */
async function openListening() {
  const html = await (await fetch(PAGE_ORIGIN + FRONT)).text();
  const planted = html.replace(/<head[^>]*>/i, (head) => `${head}<script>(${listen})();</script>`);
  assert.notEqual(planted, html, `${FRONT} has a <head> to plant the listener in`);
  await driver.get(`${PAGE_ORIGIN}${FRONT}?events`);
  await driver.executeScript('document.open(); document.write(arguments[0]); document.close();', planted);
  await waitMounted(PAGES[FRONT]);
}

const heard = async () => (await driver.executeScript('return window.heard')).map((e) => ({ ...e, detail: JSON.parse(e.detail) }));

/** Waits until `count` events have been heard in all, and returns them. */
async function heardAll(count) {
  await poll(async () => (await heard()).length >= count, { timeout: 5000 });
  await new Promise((resolve) => setTimeout(resolve, 300));
  return heard();
}

const detail = (thing, answered, total) => ({ programme: 'cpd23-2012', thing, answered, total, complete: answered === total });

test('ready on each placeholder as it mounts, change when its count changes, ids and counts only', async () => {
  await openListening();
  const ready = await heardAll(3);
  assert.deepEqual(
    ready.map((e) => [e.type, e.target, e.detail]).sort(),
    [
      ['thing-prompts:ready', A, detail(12, 0, 5)],
      ['thing-prompts:ready', B, detail(11, 0, 4)],
      ['thing-prompts:ready', C, detail(12, 0, 5)],
    ],
  );
  for (const event of ready) {
    assert.deepEqual([event.custom, event.bubbles, event.composed], [true, true, true], 'a bubbling, composed CustomEvent');
  }

  // A tick in post C: both Thing 12 widgets say so, Thing 11's says nothing.
  await (await checkboxes(C))[0].click();
  let events = (await heardAll(5)).slice(3);
  assert.deepEqual(
    events.map((e) => [e.type, e.target, e.detail]).sort(),
    [
      ['thing-prompts:change', A, detail(12, 1, 5)],
      ['thing-prompts:change', C, detail(12, 1, 5)],
    ],
  );

  // Every question of Thing 12 ticked: complete; then an untick.
  for (const n of [1, 2, 3, 4]) await (await checkboxes(A))[n].click();
  events = await heardAll(13);
  assert.deepEqual(events.filter((e) => e.target === A).at(-1).detail, detail(12, 5, 5));
  await (await checkboxes(A))[4].click();
  events = await heardAll(15);
  assert.deepEqual(events.slice(13).map((e) => [e.target, e.detail.answered, e.detail.complete]).sort(), [
    [A, 4, false],
    [C, 4, false],
  ]);

  // Clear ticks in post C, then its undo: each is a change in both Thing 12 widgets.
  await (await button(C, 'Clear ticks')).click();
  events = await heardAll(17);
  assert.deepEqual(events.slice(15).map((e) => [e.target, e.detail.answered]).sort(), [
    [A, 0],
    [C, 0],
  ]);
  await (await button(C, 'Undo clear')).click();
  events = await heardAll(19);
  assert.deepEqual(events.slice(17).map((e) => [e.type, e.target, e.detail]).sort(), [
    ['thing-prompts:change', A, detail(12, 4, 5)],
    ['thing-prompts:change', C, detail(12, 4, 5)],
  ]);
  assert.equal(events.length, 19, 'nothing more was said');
  assert.ok(events.every((e) => e.target !== B || e.type === 'thing-prompts:ready'), 'Thing 11 only said ready');
  assert.equal(events.filter((e) => e.type === 'thing-prompts:ready').length, 3, 'ready once per placeholder');
});

/** Placeholder `n`'s button whose text is `name`, found in its shadow root. */
async function button(n, name) {
  const found = await poll(
    () =>
      driver.executeScript(
        `const root = document.querySelectorAll('.thing-prompts')[arguments[0]].shadowRoot;
         return [...root.querySelectorAll('button')].find((b) => b.textContent.trim() === arguments[1]) || null;`,
        n,
        name,
      ),
    { timeout: 5000 },
  );
  assert.ok(found, `placeholder ${n} has a "${name}" button`);
  return found;
}
