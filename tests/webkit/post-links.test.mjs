// The link to the reader's post (#24) in WebKit: added with real clicks and keys in the Blogger
// post's checklist, it is kept and shown again after a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { By, Key } from 'selenium-webdriver';
import { CPD23_2012_KEY, PAGES, pageHelpers, poll } from '../webdriver/helpers.mjs';
import { startWebKit } from './webkit.mjs';

let driver;

before(async () => {
  driver = await startWebKit();
});

after(async () => {
  await driver?.quit();
});

const { clearStorage, open, widgetRoot, checkboxes, waitMounted, readStorage } = pageHelpers(() => driver);

const LINK = 'https://jane.example/2012/07/thing-12';

/** The first element of widget `n` matching `css` whose text is `text` (any text when null), or null. */
async function find(n, css, text = null) {
  for (const element of await (await widgetRoot(n)).findElements(By.css(css))) {
    if (text === null || (await element.getText()).trim() === text) return element;
  }
  return null;
}

test('a link added to Thing 12 is still there after a reload', async () => {
  await clearStorage();
  await open('blogger-post.html');
  await (await checkboxes(0))[0].click();
  const add = await poll(() => find(0, 'button', 'Add the link to my post'), { timeout: 5000 });
  assert.ok(add, 'the button shows once a question is ticked');
  await add.click();
  // The full module takes over with the field open.
  const field = await poll(() => find(0, 'input#tp-post-link'), { timeout: 15_000 });
  assert.ok(field, 'the address field opens');
  await field.sendKeys(LINK, Key.ENTER);
  const shown = await poll(() => find(0, '.post-link a'), { timeout: 5000 });
  assert.ok(shown, 'the link shows');
  assert.equal(await shown.getAttribute('href'), LINK);
  assert.equal(await shown.getAttribute('rel'), 'noopener');
  assert.equal((await readStorage(CPD23_2012_KEY)).things['~record']['link:12'].note, LINK);

  await driver.navigate().refresh();
  await waitMounted(PAGES['blogger-post.html']);
  const again = await poll(() => find(0, '.post-link a'), { timeout: 15_000 });
  assert.ok(again, 'the link shows after the reload');
  assert.equal(await again.getAttribute('href'), LINK);
  assert.equal(await (await checkboxes(0))[0].getProperty('checked'), true);
});
