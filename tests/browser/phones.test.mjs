// Phones (#23): on a blog whose text is 13 px, at 320 and 390 px wide, in the lite and the full
// module with every panel that has a field open: each text field at 16 px or more (iOS Safari
// zooms into a smaller one), each target 24 × 24 px or spaced as WCAG 2.5.8 allows, and nothing
// wider than the screen. The same is measured in WebKit by tests/webkit/phones.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { checkboxes, fixtureHtml, launch, quiet, serveFixture, waitAllMounted, watch, widget } from './helpers.mjs';
import { FULL_FIELDS, SMALL_BLOG_HEAD, measurePhone } from './phone-measure.mjs';

const SHOTS = new URL('../../target/screenshots/', import.meta.url);
const WIDTHS = [320, 390];
let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

async function phonePage(name, body, width) {
  const context = await browser.newContext({ viewport: { width, height: 740 }, hasTouch: true });
  const html = fixtureHtml(body).replace('</head>', `${SMALL_BLOG_HEAD}</head>`);
  const url = await serveFixture(context, `${name}-${width}`, html);
  const page = await context.newPage();
  const log = watch(page);
  await page.goto(url);
  return { context, page, log };
}

/** Which modules the page fetched: 'lite', 'full'. */
function modules(log) {
  const names = log.requests.map((url) => new URL(url).pathname.split('/').pop());
  return [...(names.includes('thing-prompts-wasm_bg.wasm') ? ['lite'] : []), ...(names.includes('thing-prompts-full_bg.wasm') ? ['full'] : [])];
}

function assertFits(measured, what) {
  assert.deepEqual(measured.missing, [], `${what}: every field expected is shown`);
  assert.deepEqual(measured.smallFonts, [], `${what}: text fields under 16 px (${measured.fields.length} measured)`);
  assert.deepEqual(measured.smallTargets, [], `${what}: targets under 24 × 24 px and too close to another (${measured.targets} measured)`);
  assert.equal(measured.pageScroll, 0, `${what}: the page scrolls sideways`);
  assert.deepEqual(measured.overflowing, [], `${what}: elements past the screen's edge`);
}

for (const width of WIDTHS) {
  test(`lite module at ${width} px on a 13 px blog: targets of 24 px, nothing past the edge`, async () => {
    const { context, page, log } = await phonePage(
      'phone-lite',
      `<p>A participant's post, in the theme's small type.</p>
       <div class="thing-prompts" data-programme="cpd23-2012" data-thing="12"></div>
       <div class="thing-prompts"><p>My own questions</p><ol><li>Short.</li><li>A longer question that wraps over more than one line on a phone.</li></ol></div>`,
      width,
    );
    try {
      await waitAllMounted(page, 2);
      await checkboxes(page, 0).nth(1).check();
      assert.deepEqual(modules(log), ['lite']);
      const measured = await page.evaluate(measurePhone);
      assert.equal(measured.viewport, width);
      // The lite module shows no text field, only checkboxes (whose labels are the targets).
      assert.deepEqual(measured.fields, []);
      assert.ok(measured.targets >= 7 + 2, `the checkboxes' labels and the buttons are measured (${measured.targets})`);
      assertFits(measured, `lite, ${width} px`);
      quiet(log);
    } finally {
      await context.close();
    }
  });

  test(`full module at ${width} px on a 13 px blog: every field at 16 px or more, every panel open`, async () => {
    const { context, page, log } = await phonePage(
      'phone-full',
      `<div class="thing-prompts" data-programme="cpd23-2012" data-thing="12" data-notes="on"></div>
       <div class="thing-prompts" data-programme="cpd23-2012" data-thing="11"></div>
       <div class="thing-prompts" data-programme="cpd23-2012" data-view="overview"></div>`,
      width,
    );
    try {
      await waitAllMounted(page, 3);
      assert.deepEqual(modules(log), ['full']);
      await checkboxes(page, 0).nth(0).check();
      await widget(page, 0).locator('.note textarea').first().fill('A note typed on a phone.');
      await widget(page, 0).getByRole('button', { name: 'Backup', exact: true }).click();
      await widget(page, 0).getByRole('button', { name: 'Copy backup code' }).click();
      await widget(page, 0).locator('textarea.code').waitFor();
      await widget(page, 0).getByRole('button', { name: 'Open on another device' }).click();
      await widget(page, 0).locator('textarea.link').waitFor();
      await widget(page, 1).getByRole('button', { name: 'Start my post', exact: true }).click();
      await widget(page, 1).locator('textarea.outline-text').waitFor();
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const measured = await page.evaluate(measurePhone, FULL_FIELDS);
      assert.equal(measured.viewport, width);
      assert.ok(measured.fields.length >= FULL_FIELDS.length + 4, `the fields are measured: ${measured.fields.join(', ')}`);
      assertFits(measured, `full, ${width} px`);
      if (width === 320) {
        await page.screenshot({ path: new URL('phone-320-full.png', SHOTS).pathname, fullPage: true });
      }
      quiet(log);
    } finally {
      await context.close();
    }
  });

  test(`the device link's prompt at ${width} px on a 13 px blog`, async () => {
    // The link comes from one device's Backup panel; another device that opens it is asked
    // before its ticks are added.
    const body = `<div class="thing-prompts" data-programme="cpd23-2012" data-thing="12"></div>`;
    let link;
    {
      const { context, page } = await phonePage('phone-link-from', body, width);
      try {
        await waitAllMounted(page, 1);
        await checkboxes(page, 0).nth(2).check();
        await widget(page, 0).getByRole('button', { name: 'Backup', exact: true }).click();
        await widget(page, 0).getByRole('button', { name: 'Open on another device' }).click();
        link = (await widget(page, 0).locator('textarea.link').inputValue()).trim();
      } finally {
        await context.close();
      }
    }
    const fragment = link.slice(link.indexOf('#'));
    assert.match(fragment, /^#thing-prompts=/);
    const { context, page, log } = await phonePage('phone-link-to', body, width);
    try {
      await waitAllMounted(page, 1);
      await page.goto(page.url() + fragment);
      await page.reload();
      await waitAllMounted(page, 1);
      await widget(page, 0).locator('.link-prompt .outcome').filter({ hasText: 'Add 1 tick from another device?' }).waitFor();
      const measured = await page.evaluate(measurePhone);
      assert.ok(measured.targets >= 5 + 2 + 3, `the prompt's buttons are measured (${measured.targets})`);
      assertFits(measured, `device link prompt, ${width} px`);
      if (width === 320) await page.screenshot({ path: new URL('phone-320-link-prompt.png', SHOTS).pathname });
      quiet(log);
    } finally {
      await context.close();
    }
  });
}
