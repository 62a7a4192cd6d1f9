// What the reader keeps, in WebKit: damaged and blocked storage, a backup code restored in a
// second session (a device that shares nothing: a WebKit automation session's storage dies with
// it), the device link's prompt, Safari's reminder line (the real "Apple Computer, Inc." vendor,
// ticks older than five days) and the calendar download. One main session; each test starts with
// empty localStorage.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { By, Key } from 'selenium-webdriver';
import { CPD23_2012_KEY, PAGES, PAGE_ORIGIN, pageHelpers, poll, sleep } from '../webdriver/helpers.mjs';
import { startWebKit } from './webkit.mjs';

let driver;

before(async () => {
  driver = await startWebKit();
});

after(async () => {
  await driver?.quit();
});

const main = pageHelpers(() => driver);
const { clearStorage, open, checkboxes, checkedInPage, statusLine, readStorage } = main;

beforeEach(clearStorage);

const BLOGGER = 'blogger-post.html';
const FRONT = 'wordpress-front.html';

/**
 * Opens demo page `name` with `script` run before anything else on it (a fault planted in the
 * page): the page's HTML is fetched, the script put first in its <head>, and written into a
 * document of the page origin. (WebDriver classic has no "run at document start".)
 */
async function openWith(session, helpers, name, script) {
  const html = await (await fetch(PAGE_ORIGIN + name)).text();
  const planted = html.replace(/<head[^>]*>/i, (head) => `${head}<script>(${script})();</script>`);
  assert.notEqual(planted, html, `${name} has a <head> to plant the script in`);
  await session.get(`${PAGE_ORIGIN}${name}?planted`);
  await session.executeScript('document.open(); document.write(arguments[0]); document.close();', planted);
  return helpers.waitMounted(PAGES[name]);
}

/** Placeholder `n`'s button named `name` (its text), found in its shadow root; or null. */
function button(session, n, name) {
  return session.executeScript(
    `const root = document.querySelectorAll('.thing-prompts')[arguments[0]].shadowRoot;
     return [...root.querySelectorAll('button')].find((b) => b.textContent.trim() === arguments[1]) || null;`,
    n,
    name,
  );
}

/** Waits for placeholder `n`'s button `name`, and clicks it as a reader would. */
async function press(session, n, name) {
  const found = await poll(() => button(session, n, name), { timeout: 5000 });
  assert.ok(found, `placeholder ${n} has a "${name}" button`);
  await found.click();
}

/** The text of the first element matching `selector` in placeholder `n`'s shadow root ('' when none). */
function textIn(session, n, selector) {
  return session.executeScript(
    `const el = document.querySelectorAll('.thing-prompts')[arguments[0]].shadowRoot.querySelector(arguments[1]);
     return el ? (el.value !== undefined && el.tagName === 'TEXTAREA' ? el.value : el.textContent).trim() : '';`,
    n,
    selector,
  );
}

/** Waits until `selector` in placeholder `n` says something matching `pattern`; returns the text. */
async function waitText(session, n, selector, pattern, timeout = 5000) {
  let text = '';
  await poll(async () => pattern.test((text = await textIn(session, n, selector))), { timeout });
  assert.match(text, pattern, `placeholder ${n}'s ${selector}`);
  return text;
}

/** The `thing/prompt` pairs stored as ticked for cpd23-2012. */
async function storedTicks(session) {
  const text = await session.executeScript('return localStorage.getItem(arguments[0])', CPD23_2012_KEY);
  const done = new Set();
  if (text === null) return [];
  for (const [thing, ticks] of Object.entries(JSON.parse(text).things)) {
    for (const [id, tick] of Object.entries(ticks)) if (tick.done) done.add(`${thing}/${id}`);
  }
  return [...done].sort();
}

/** Ticks two Thing 12 questions (post C) and one of Thing 11 (post B) on the front page. */
async function tickSome(helpers) {
  await (await helpers.checkboxes(2))[0].click();
  await (await helpers.checkboxes(2))[4].click();
  await (await helpers.checkboxes(1))[2].click();
}

/**
 * Another device: WebKitWebDriver runs one session at a time, so this session is quit (its
 * storage goes with it) and a fresh one takes its place for `body`.
 */
async function device(body) {
  await driver.quit();
  driver = null;
  driver = await startWebKit();
  return body(driver, main);
}

const NOTICE = /not letting the page save/;

test('storage blocked (reading localStorage throws): the checklist works for the visit and says so once', async () => {
  const blocked = () =>
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  await openWith(driver, main, BLOGGER, blocked);
  const reading = await driver.executeScript('try { localStorage; return "readable"; } catch (e) { return e.name; }');
  assert.equal(reading, 'SecurityError', 'the fault is in place');
  await (await checkboxes(0))[1].click();
  await (await checkboxes(0))[3].click();
  assert.equal(await statusLine(0), '2 of 5 answered');
  assert.deepEqual(await checkedInPage(0), [false, true, false, true, false]);
  await waitText(driver, 0, '.notice', NOTICE);
  const notices = await driver.executeScript(
    `return [...document.querySelectorAll('.thing-prompts')[0].shadowRoot.querySelectorAll('.notice')].map((p) => p.textContent)`,
  );
  assert.equal(notices.filter((text) => NOTICE.test(text)).length, 1, 'one notice in the widget');
  assert.ok(await button(driver, 0, 'Backup'), 'a backup is offered');
});

for (const [what, planted] of [
  ['invalid JSON', '{"version":1,"things":{"12":'],
  ['a newer format', '{"version":7,"things":{"12":{"x":{"done":true,"at":1}}},"extra":true}'],
]) {
  test(`damaged storage (${what}) is kept aside, not lost, and the widget starts clean`, async () => {
    await open(BLOGGER);
    await driver.executeScript('localStorage.setItem(arguments[0], arguments[1])', CPD23_2012_KEY, planted);
    await driver.navigate().refresh();
    await main.waitMounted(PAGES[BLOGGER]);
    assert.equal(await statusLine(0), '0 of 5 answered');
    await (await checkboxes(0))[0].click();
    assert.equal(await statusLine(0), '1 of 5 answered');
    const kept = await driver.executeScript('return localStorage.getItem(arguments[0] + ":unreadable")', CPD23_2012_KEY);
    assert.equal(kept, planted, 'the damaged text is still in storage, byte for byte');
    assert.equal(Object.keys((await readStorage(CPD23_2012_KEY)).things['12']).length, 1, 'the new tick is saved');
  });
}

/** Opens Backup on placeholder `n` (the full module takes over with the panel open). */
async function openBackup(session, n) {
  await press(session, n, 'Backup');
  assert.ok(
    await poll(() => session.executeScript(`return !!document.querySelectorAll('.thing-prompts')[arguments[0]].shadowRoot.querySelector('.backup')`, n), { timeout: 10_000 }),
    'the backup panel opens',
  );
}

test('a backup code copied in one session restores the same ticks in a second session', async () => {
  await open(FRONT);
  await tickSome(main);
  const before = await storedTicks(driver);
  assert.equal(before.length, 3);
  await openBackup(driver, 2);
  await press(driver, 2, 'Copy backup code');
  const code = await waitText(driver, 2, 'textarea.code', /^TP1 /);
  // Each Thing's word ends with the stamp of its latest tick, in base 36.
  assert.match(code, /^TP1 cpd23-2012 11:[0-9a-f]{16}:[0-9a-z]{8} 12:[0-9a-f]{16},[0-9a-f]{16}:[0-9a-z]{8}$/);

  await device(async (other, helpers) => {
    await helpers.open(FRONT);
    assert.deepEqual(await storedTicks(other), [], 'the second session starts with nothing stored');
    await openBackup(other, 2);
    const paste = await (await helpers.widgetRoot(2)).findElement(By.css('textarea.paste'));
    await paste.sendKeys(code);
    await press(other, 2, 'Restore code');
    await waitText(other, 2, '.outcome', /3 ticks restored across 2 Things\./);
    assert.deepEqual(await storedTicks(other), before);
    assert.deepEqual(await helpers.checkedInPage(2), [true, false, false, false, true]);
    assert.deepEqual(await helpers.checkedInPage(0), [true, false, false, false, true], 'the inline copy too');
    assert.deepEqual(await helpers.checkedInPage(1), [false, false, true, false]);
  });
});

/** The widgets showing the device link's prompt, as [number, text]. */
function linkPrompts(session) {
  return session.executeScript(`
    return [...document.querySelectorAll('.thing-prompts')].flatMap((node, n) => {
      const el = node.shadowRoot && node.shadowRoot.querySelector('.link-prompt .outcome');
      return el && el.getClientRects().length ? [[n, el.textContent.trim()]] : [];
    });`);
}

test('the device link opened in a second session asks once, adds the ticks, and clears the fragment', async () => {
  await open(FRONT);
  await tickSome(main);
  const before = await storedTicks(driver);
  await openBackup(driver, 2);
  await press(driver, 2, 'Open on another device');
  const link = await waitText(driver, 2, 'textarea.link', /^http/);
  assert.ok(link.startsWith(`${PAGE_ORIGIN}${FRONT}#thing-prompts=TP1%20cpd23-2012%2011:`), link);
  assert.ok(await driver.executeScript(`return !!document.querySelectorAll('.thing-prompts')[2].shadowRoot.querySelector('svg.qr')`), 'a QR code');

  await device(async (other, helpers) => {
    await other.get(link);
    await helpers.waitMounted(PAGES[FRONT]);
    const asked = await poll(async () => (await linkPrompts(other)).length > 0, { timeout: 5000 });
    if (!asked) {
      const seen = await other.executeScript(`return {
        href: location.href,
        prompts: [...document.querySelectorAll('.thing-prompts')].map((node) => node.shadowRoot ? [...node.shadowRoot.querySelectorAll('.link-prompt, .notice, .outcome')].map((el) => el.className + ': ' + el.textContent) : null),
        stored: localStorage.length,
        chain: (() => { const out = []; let el = document.querySelector('.thing-prompts').shadowRoot.querySelector('.link-prompt .outcome'); while (el && el.nodeType === 1) { out.push(el.tagName + '.' + el.className + ':' + getComputedStyle(el).display + ':' + el.getClientRects().length + ':' + el.hidden); el = el.parentNode; } return out; })(),
        visibility: document.visibilityState,
      }`);
      assert.fail(`a prompt shows for ${link}: ${JSON.stringify(seen)}`);
    }
    await sleep(300);
    const shown = await linkPrompts(other);
    assert.equal(shown.length, 1, `one prompt on the page: ${JSON.stringify(shown)}`);
    const [n, question] = shown[0];
    assert.equal(question, 'Add 3 ticks from another device?');
    assert.deepEqual(await storedTicks(other), [], 'nothing stored before the reader says Add');
    await press(other, n, 'Add');
    await waitText(other, n, '.link-prompt .outcome', /3 ticks restored across 2 Things\./);
    assert.deepEqual(await storedTicks(other), before);
    assert.equal(await other.getCurrentUrl(), PAGE_ORIGIN + FRONT, 'the fragment is gone from the address');
    await other.navigate().refresh();
    await helpers.waitMounted(PAGES[FRONT]);
    await sleep(300);
    assert.deepEqual(await linkPrompts(other), [], 'a reload does not ask again');
  });
});

const REMINDER = 'Ticks in this browser may be deleted after a week without a visit.';
const DAY = 24 * 3_600_000;

/** The reminder lines on the page (their text). */
function reminders() {
  return driver.executeScript(`
    return [...document.querySelectorAll('.thing-prompts')].flatMap((node) =>
      node.shadowRoot ? [...node.shadowRoot.querySelectorAll('.reminder')].map((p) => p.textContent) : []);`);
}

test("Safari's reminder: ticks older than five days bring one line offering a backup, and its dismissal sticks", async () => {
  assert.match(await driver.executeScript('return navigator.vendor'), /^Apple/, "WebKit's own vendor, not a fake");
  await open(FRONT);
  await (await checkboxes(2))[0].click();
  await (await checkboxes(2))[1].click();
  // Four days old: no line yet.
  const age = (days) =>
    driver.executeScript(
      `const stored = JSON.parse(localStorage.getItem(arguments[0]));
       for (const ticks of Object.values(stored.things)) for (const tick of Object.values(ticks)) tick.at -= arguments[1];
       localStorage.setItem(arguments[0], JSON.stringify(stored));`,
      CPD23_2012_KEY,
      days * DAY,
    );
  await age(4);
  await driver.navigate().refresh();
  await main.waitMounted(PAGES[FRONT]);
  await sleep(300);
  assert.deepEqual(await reminders(), [], 'not for ticks four days old');
  await age(2);
  await driver.navigate().refresh();
  await main.waitMounted(PAGES[FRONT]);
  assert.ok(await poll(async () => (await reminders()).length > 0, { timeout: 10_000 }), 'the line shows');
  const lines = await reminders();
  assert.equal(lines.length, 1, 'one line for the page, however many widgets');
  assert.ok(lines[0].includes(REMINDER), lines[0]);

  // Dismissed from the keyboard: the line goes, for good.
  const n = await driver.executeScript(
    `return [...document.querySelectorAll('.thing-prompts')].findIndex((node) => node.shadowRoot.querySelector('.reminder'))`,
  );
  const dismiss = await poll(() => button(driver, n, 'Do not remind me again'));
  await driver.executeScript('arguments[0].focus()', dismiss);
  await driver.actions().sendKeys(Key.ENTER).perform();
  assert.ok(await poll(async () => (await reminders()).length === 0), 'the line goes');
  await driver.navigate().refresh();
  await main.waitMounted(PAGES[FRONT]);
  await sleep(500);
  assert.deepEqual(await reminders(), [], 'not after a reload either');
});
