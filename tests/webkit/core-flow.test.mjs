// The reader's core flow in WebKit (WebKitGTK's MiniBrowser, the engine of Safari and of every
// iPhone browser): every demo page mounts, a tick and an untick survive a reload, widgets on one
// page and two windows follow each other, and the checkboxes work from the keyboard. One session
// for this file; each test starts with empty localStorage.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { By, Key } from 'selenium-webdriver';
import { THING_12, demoPages } from '../browser/helpers.mjs';
import { A, B, C, CPD23_2012_KEY, PAGES, PAGE_ORIGIN, pageHelpers, poll } from '../webdriver/helpers.mjs';
import { startWebKit } from './webkit.mjs';

let driver;
let firstWindow;

before(async () => {
  driver = await startWebKit();
  firstWindow = await driver.getWindowHandle();
});

after(async () => {
  await driver?.quit();
});

const { clearStorage, waitEvery, waitMounted, open, widgetRoot, checkboxes, statusLine, checkedStates, checkedInPage, readStorage } =
  pageHelpers(() => driver);

beforeEach(async () => {
  for (const handle of await driver.getAllWindowHandles()) {
    if (handle === firstWindow) continue;
    await driver.switchTo().window(handle);
    await driver.close();
  }
  await driver.switchTo().window(firstWindow);
  await clearStorage();
});

test('every placeholder of every demo page mounts in WebKit, none as an error box', async () => {
  const pages = await demoPages();
  assert.ok(pages.length >= 8, `the demo pages: ${pages}`);
  let widgets = 0;
  for (const name of pages) {
    await driver.get(PAGE_ORIGIN + name);
    const last = await waitEvery();
    assert.deepEqual(last.map((s) => s.error), last.map(() => 0), `${name}: no error box`);
    assert.deepEqual(last.map((s) => s.shadow), last.map(() => true), `${name}: open shadow roots`);
    widgets += last.length;
  }
  assert.ok(widgets >= 12, `${widgets} widgets on ${pages.length} pages`);

  // The post on the Blogger page shows Thing 12's questions, untouched, and its static copy is hidden.
  await open('blogger-post.html');
  const texts = [];
  for (const span of await (await widgetRoot(0)).findElements(By.css('ul.prompts li .text'))) texts.push(await span.getText());
  assert.deepEqual(texts, THING_12);
  assert.equal(await statusLine(0), '0 of 5 answered');
  const host = (await driver.findElements(By.css('.thing-prompts')))[0];
  for (const child of await host.findElements(By.css(':scope > *'))) {
    assert.equal(await child.isDisplayed(), false, `its static <${await child.getTagName()}> is not displayed`);
  }
});

test('a tick made with a real click survives a reload, and so does an untick', async () => {
  await open('blogger-post.html');
  const boxes = await checkboxes(0);
  assert.equal(boxes.length, 5);
  await boxes[2].click();
  assert.equal(await boxes[2].getProperty('checked'), true, 'the clicked checkbox is checked');
  assert.equal(await statusLine(0), '1 of 5 answered');
  assert.deepEqual(await checkedStates(0), [false, false, true, false, false]);
  const stored = await readStorage(CPD23_2012_KEY);
  assert.equal(stored?.version, 1, `localStorage has ${CPD23_2012_KEY}`);
  assert.equal(Object.values(stored.things['12'] || {}).filter((entry) => entry.done === true).length, 1);

  await driver.navigate().refresh();
  await waitMounted(PAGES['blogger-post.html']);
  assert.deepEqual(await checkedStates(0), [false, false, true, false, false], 'still ticked after the reload');
  assert.equal(await statusLine(0), '1 of 5 answered');

  await (await checkboxes(0))[2].click();
  assert.equal(await statusLine(0), '0 of 5 answered');
  await driver.navigate().refresh();
  await waitMounted(PAGES['blogger-post.html']);
  assert.deepEqual(await checkedStates(0), [false, false, false, false, false], 'still unticked after the reload');
});

test('on the WordPress page, ticking in post C ticks the same question in post A at once, and back', async () => {
  await open('wordpress-front.html');
  await (await checkboxes(C))[0].click();
  assert.deepEqual(await checkedInPage(A), [true, false, false, false, false], 'post A follows post C at once');
  await (await checkboxes(A))[3].click();
  assert.deepEqual(await checkedInPage(C), [true, false, false, true, false], 'post C follows post A at once');
  assert.equal(await statusLine(C), '2 of 5 answered');
  await (await checkboxes(A))[0].click();
  assert.deepEqual(await checkedInPage(C), [false, false, false, true, false]);
  assert.equal(await statusLine(B), '0 of 4 answered', 'Thing 11 is untouched');
  await (await checkboxes(B))[0].click();
  assert.deepEqual(await checkedInPage(A), [false, false, false, true, false], 'a Thing 11 tick reaches neither');
});

test('a tick in one window reaches a second window on the same page within 2 s, and back', async () => {
  await open('wordpress-front.html');
  await driver.switchTo().newWindow('window');
  const two = await driver.getWindowHandle();
  await open('wordpress-front.html');
  assert.deepEqual(await checkedInPage(A), [false, false, false, false, false]);

  await driver.switchTo().window(firstWindow);
  await (await checkboxes(A))[1].click();
  await driver.switchTo().window(two);
  const arrived = await poll(async () => (await checkedInPage(A))[1] && (await checkedInPage(C))[1]);
  assert.ok(arrived, `window 2 shows the tick in posts A and C within 2 s: ${JSON.stringify(await checkedInPage(A))}`);
  assert.equal(await statusLine(A), '1 of 5 answered');

  await (await checkboxes(C))[1].click();
  await driver.switchTo().window(firstWindow);
  const back = await poll(async () => !(await checkedInPage(A))[1]);
  assert.ok(back, `window 1 shows the untick within 2 s: ${JSON.stringify(await checkedInPage(A))}`);
  assert.equal(await statusLine(A), '0 of 5 answered');
});

/** The focused element inside a widget: [its placeholder's number, its tag, its checked state]. */
function focusedInWidget() {
  return driver.executeScript(`
    const host = document.activeElement;
    const inner = host && host.shadowRoot && host.shadowRoot.activeElement;
    return inner ? [[...document.querySelectorAll('.thing-prompts')].indexOf(host), inner.tagName, inner.type, inner.checked] : null;`);
}

test('from the keyboard: Tab reaches the checkboxes one after another, Space ticks and unticks', async () => {
  await open('blogger-post.html');
  await driver.executeScript('arguments[0].focus()', (await checkboxes(0))[0]);
  assert.deepEqual(await focusedInWidget(), [0, 'INPUT', 'checkbox', false], 'the first checkbox has the focus');
  await driver.actions().sendKeys(Key.SPACE).perform();
  assert.deepEqual(await checkedStates(0), [true, false, false, false, false], 'Space ticks it');
  await driver.actions().sendKeys(Key.TAB).perform();
  assert.deepEqual(await focusedInWidget(), [0, 'INPUT', 'checkbox', false], 'Tab moves to the second checkbox');
  await driver.actions().sendKeys(Key.SPACE).perform();
  assert.deepEqual(await checkedStates(0), [true, true, false, false, false], 'Space ticks the second');
  await driver.actions().sendKeys(Key.SPACE).perform();
  assert.deepEqual(await checkedStates(0), [true, false, false, false, false], 'and again unticks it');
  assert.equal(await statusLine(0), '1 of 5 answered');
  await driver.navigate().refresh();
  await waitMounted(PAGES['blogger-post.html']);
  assert.deepEqual(await checkedStates(0), [true, false, false, false, false], 'kept over a reload');
});
