// Phones (#23), in WebKit, the engine of every browser on an iPhone: on a blog whose text is
// 13 px, at 320 and 390 px wide, in the lite and the full module, every text field at 16 px or
// more (iOS Safari zooms into a smaller one when it takes the focus), every target 24 × 24 px or
// spaced as WCAG 2.5.8 allows, nothing wider than the screen. The MiniBrowser's window is at least
// 447 px wide, so the blog page is shown in an iframe of the phone's width, whose viewport is then
// that width; the measuring is tests/browser/phone-measure.mjs, as in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { By } from 'selenium-webdriver';
import { fixtureHtml } from '../browser/helpers.mjs';
import { FULL_FIELDS, SMALL_BLOG_HEAD, measurePhone } from '../browser/phone-measure.mjs';
import { PAGE_ORIGIN, pageHelpers, poll } from '../webdriver/helpers.mjs';
import { startWebKit } from './webkit.mjs';

let driver;

before(async () => {
  driver = await startWebKit();
});

after(async () => {
  await driver?.quit();
});

const { waitMounted, waitEvery, checkboxes, widgetRoot } = pageHelpers(() => driver);

/**
 * Shows `body` as a blog post with 13 px text in an iframe `width` px wide, at `address` (a page
 * of the page origin; a fragment stays in it), and switches the session into that frame.
 */
async function phonePage(width, body, address = `${PAGE_ORIGIN}phone-frame`) {
  await driver.switchTo().defaultContent();
  await driver.get(`${PAGE_ORIGIN}?phone-${width}`);
  await driver.executeAsyncScript(
    `const [width, address, done] = arguments;
     document.body.innerHTML = '';
     document.body.style.margin = '0';
     const frame = document.createElement('iframe');
     frame.style.cssText = 'display:block;border:0;height:740px;width:' + width + 'px';
     frame.onload = () => done();
     frame.src = address;
     document.body.append(frame);`,
    width,
    address,
  );
  await driver.switchTo().frame(await driver.findElement(By.css('iframe')));
  const html = fixtureHtml(body).replace('</head>', `${SMALL_BLOG_HEAD}</head>`);
  // Written by the frame's own script, so that the frame keeps its address (and its fragment).
  await driver.executeScript('document.open(); document.write(arguments[0]); document.close();', html);
}

/** Clicks placeholder `n`'s button named `name` (its text) when it appears. */
async function press(n, name) {
  const found = await poll(
    () =>
      driver.executeScript(
        `const root = document.querySelectorAll('.thing-prompts')[arguments[0]].shadowRoot;
         return [...root.querySelectorAll('button')].find((b) => b.textContent.trim() === arguments[1]) || null;`,
        n,
        name,
      ),
    { timeout: 10_000 },
  );
  assert.ok(found, `placeholder ${n} has a "${name}" button`);
  await found.click();
}

/** Waits until placeholder `n` shows an element matching `selector`. */
async function shows(n, selector) {
  const found = await poll(
    () => driver.executeScript(`return !!document.querySelectorAll('.thing-prompts')[arguments[0]].shadowRoot.querySelector(arguments[1])`, n, selector),
    { timeout: 10_000 },
  );
  assert.ok(found, `placeholder ${n} shows ${selector}`);
}

/** Which modules the frame fetched: 'lite', 'full'. */
function modules() {
  return driver.executeScript(`
    const names = performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname.split('/').pop());
    return [...(names.includes('thing-prompts-wasm_bg.wasm') ? ['lite'] : []), ...(names.includes('thing-prompts-full_bg.wasm') ? ['full'] : [])];`);
}

function assertFits(measured, width, what) {
  assert.equal(measured.viewport, width, `${what}: the frame's viewport is the phone's width`);
  assert.deepEqual(measured.missing, [], `${what}: every field expected is shown`);
  assert.deepEqual(measured.smallFonts, [], `${what}: text fields under 16 px (${measured.fields.length} measured)`);
  assert.deepEqual(measured.smallTargets, [], `${what}: targets under 24 × 24 px and too close to another (${measured.targets} measured)`);
  assert.equal(measured.pageScroll, 0, `${what}: the page scrolls sideways`);
  assert.deepEqual(measured.overflowing, [], `${what}: elements past the screen's edge`);
}

for (const width of [320, 390]) {
  test(`WebKit at ${width} px on a 13 px blog: the lite module's targets, then every field of the full module at 16 px or more`, async () => {
    await phonePage(width, `<div class="thing-prompts" data-programme="cpd23-2012" data-thing="12"></div>`);
    await driver.executeScript('localStorage.clear()');
    await waitMounted([5]);
    await (await checkboxes(0))[1].click();
    assert.deepEqual(await modules(), ['lite']);
    let measured = await driver.executeScript(measurePhone);
    assert.deepEqual(measured.fields, [], 'the lite module shows no text field');
    assert.ok(measured.targets >= 5 + 2, `the checkboxes' labels and the buttons are measured (${measured.targets})`);
    assertFits(measured, width, `lite, ${width} px`);

    await phonePage(
      width,
      `<div class="thing-prompts" data-programme="cpd23-2012" data-thing="12" data-notes="on"></div>
       <div class="thing-prompts" data-programme="cpd23-2012" data-thing="11"></div>
       <div class="thing-prompts" data-programme="cpd23-2012" data-view="overview"></div>`,
    );
    await waitEvery();
    assert.deepEqual(await modules(), ['full']);
    await (await checkboxes(0))[0].click();
    await (await (await widgetRoot(0)).findElement(By.css('.note textarea'))).sendKeys('A note typed on a phone.');
    await press(0, 'Backup');
    await press(0, 'Copy backup code');
    await shows(0, 'textarea.code');
    await press(0, 'Open on another device');
    await shows(0, 'textarea.link');
    await press(1, 'Start my post');
    await shows(1, 'textarea.outline-text');
    measured = await driver.executeScript(measurePhone, FULL_FIELDS);
    assert.ok(measured.fields.length >= FULL_FIELDS.length + 4, `the fields are measured: ${measured.fields.join(', ')}`);
    assertFits(measured, width, `full, ${width} px`);

    // The device link's prompt, in a frame whose address carries the link, storage emptied first
    // (another device's, as far as the widget can tell).
    const link = await driver.executeScript(`return document.querySelector('.thing-prompts').shadowRoot.querySelector('textarea.link').value.trim()`);
    const fragment = link.slice(link.indexOf('#'));
    assert.match(fragment, /^#thing-prompts=/);
    await driver.executeScript('localStorage.clear()');
    await phonePage(width, `<div class="thing-prompts" data-programme="cpd23-2012" data-thing="12"></div>`, `${PAGE_ORIGIN}phone-frame${fragment}`);
    await waitMounted([5]);
    await shows(0, '.link-prompt .primary');
    measured = await driver.executeScript(measurePhone);
    assertFits(measured, width, `the device link's prompt, ${width} px`);
    await driver.switchTo().defaultContent();
  });
}
