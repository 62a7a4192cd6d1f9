// The device link (#17): the Backup panel's "Open on another device" (a QR code and a link whose
// fragment carries the ticks), and the prompt that adds them on the other device. The two
// devices are two browser contexts that share nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import {
  CPD23_2012_KEY,
  axeViolations,
  checkboxes,
  formatViolations,
  checkedStates,
  launch,
  pageUrl,
  quiet,
  waitAllMounted,
  waitFor,
  watch,
  widget,
} from './helpers.mjs';

const JSQR = createRequire(import.meta.url).resolve('jsqr/dist/jsQR.js');
const SHOTS = new URL('../../target/screenshots/', import.meta.url);
const FRONT = pageUrl('wordpress-front.html');

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** A new browser context (a device of its own: no storage, no cache shared), closed after `body`. */
async function device(body) {
  const context = await browser.newContext({ viewport: { width: 900, height: 1000 } });
  try {
    return await body(context);
  } finally {
    await context.close();
  }
}

async function open(context, url) {
  const page = await context.newPage();
  const log = watch(page);
  await page.goto(url);
  await waitAllMounted(page, 3);
  return { page, log };
}

/** The `thing/prompt` pairs stored as ticked for cpd23-2012. */
async function storedTicks(page) {
  const text = await page.evaluate((k) => localStorage.getItem(k), CPD23_2012_KEY);
  const done = new Set();
  if (text === null) return done;
  for (const [thing, ticks] of Object.entries(JSON.parse(text).things)) {
    for (const [id, tick] of Object.entries(ticks)) if (tick.done) done.add(`${thing}/${id}`);
  }
  return done;
}

/** The prompts for a link shown on the page, as [widget number, text] for each widget showing one. */
async function prompts(page) {
  const shown = [];
  for (let n = 0; n < 3; n++) {
    const prompt = widget(page, n).locator('.link-prompt .outcome');
    if ((await prompt.count()) && (await prompt.isVisible())) shown.push([n, (await prompt.textContent()).trim()]);
  }
  return shown;
}

/** Waits until exactly one widget shows a prompt, and returns [its number, its text]. */
async function onePrompt(page) {
  let shown = [];
  await waitFor(async () => (shown = await prompts(page)).length > 0, { timeout: 5000 });
  // Give any second widget the time to (wrongly) ask too.
  await page.waitForTimeout(300);
  shown = await prompts(page);
  assert.equal(shown.length, 1, `one prompt on the page, not ${JSON.stringify(shown)}`);
  return shown[0];
}

/** On device A: ticks three questions, opens Backup › Open on another device; returns the link and the ticks. */
async function linkFromA(context, { screenshot = false } = {}) {
  const { page, log } = await open(context, FRONT);
  await checkboxes(page, 2).nth(0).check();
  await checkboxes(page, 2).nth(4).check();
  await checkboxes(page, 1).nth(2).check();
  const ticks = await storedTicks(page);
  assert.equal(ticks.size, 3);
  await widget(page, 2).getByRole('button', { name: 'Backup', exact: true }).click();
  const panel = widget(page, 2).locator('.backup');
  await panel.waitFor();
  const toggle = panel.getByRole('button', { name: 'Open on another device' });
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  const link = (await panel.locator('textarea.link').inputValue()).trim();
  if (screenshot) {
    await panel.locator('.device').scrollIntoViewIfNeeded();
    await widget(page, 2).screenshot({ path: new URL('device-link-panel.png', SHOTS).pathname });
  }
  return { page, log, panel, link, ticks };
}

test('the link carries the ticks to a device that shares nothing: asked once, added, the fragment cleared', async () => {
  const a = await device(async (context) => {
    const { log, panel, link, ticks } = await linkFromA(context, { screenshot: true });
    assert.ok(await panel.locator('svg.qr').isVisible());
    assert.ok(link.startsWith(`${FRONT}#thing-prompts=TP1%20cpd23-2012%2011:`), link);
    assert.doesNotMatch(link, /\s/);
    assert.match(await panel.textContent(), /Anyone with the link can see which questions you ticked and those links\./);
    // The e-mail carries the same link, percent-encoded once more inside the mailto: address.
    const mail = await panel.getByRole('link', { name: 'Send by email' }).getAttribute('href');
    assert.ok(mail.startsWith('mailto:?subject='), mail);
    assert.ok(new URL(mail).searchParams.get('body').includes(link), mail);
    const violations = await axeViolations(panel.page());
    assert.deepEqual(violations, [], formatViolations(violations));
    quiet(log);
    return { link, ticks };
  });

  await device(async (context) => {
    const { page, log } = await open(context, a.link);
    assert.equal((await storedTicks(page)).size, 0, 'nothing stored before the reader says Add');
    const [n, question] = await onePrompt(page);
    assert.equal(question, 'Add 3 ticks from another device?');
    await widget(page, n).locator('.link-prompt').screenshot({ path: new URL('device-link-prompt.png', SHOTS).pathname });
    await page.screenshot({ path: new URL('device-link-prompt-page.png', SHOTS).pathname });
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], formatViolations(violations));
    await widget(page, n).getByRole('button', { name: 'Add', exact: true }).click();
    const outcome = widget(page, n).locator('.link-prompt .outcome');
    await outcome.filter({ hasText: '3 ticks restored across 2 Things.' }).waitFor();
    // The focus goes to what was done, which is a live region.
    assert.equal(await outcome.getAttribute('role'), 'status');
    assert.ok(await outcome.evaluate((el) => el.getRootNode().activeElement === el), 'focus on the outcome');
    assert.deepEqual(await storedTicks(page), a.ticks);
    assert.deepEqual(await checkedStates(page, 2), [true, false, false, false, true]);
    assert.deepEqual(await checkedStates(page, 1), [false, false, true, false]);
    assert.equal(page.url(), FRONT, 'the fragment is gone from the address');
    assert.equal(await page.evaluate(() => location.href), FRONT);

    await page.reload();
    await waitAllMounted(page, 3);
    await page.waitForTimeout(500);
    assert.deepEqual(await prompts(page), [], 'a reload does not ask again');
    assert.deepEqual(await storedTicks(page), a.ticks);
    quiet(log);
  });
});

test('Not now adds nothing, leaves storage as it was, and clears the fragment (the query stays)', async () => {
  const { link } = await device(async (context) => linkFromA(context));
  await device(async (context) => {
    const first = await open(context, FRONT);
    await checkboxes(first.page, 2).nth(0).check();
    const before = await first.page.evaluate((k) => localStorage.getItem(k), CPD23_2012_KEY);
    await first.page.close();
    // A query (as a mail client's tracking may add) stays in the address; only the fragment goes.
    const { page, log } = await open(context, link.replace('#', '?from=mail#'));
    const [n, question] = await onePrompt(page);
    // One of the three is here already: the question counts the new ones.
    assert.equal(question, 'Add 2 ticks from another device?');
    await widget(page, n).getByRole('button', { name: 'Not now' }).click();
    await widget(page, n).locator('.link-prompt .outcome', { hasText: 'Nothing was added from the other device.' }).waitFor();
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), CPD23_2012_KEY), before);
    assert.equal(page.url(), `${FRONT}?from=mail`);
    quiet(log);
  });
});

test('a damaged link or one for another course says so in one widget and changes nothing', async () => {
  const cases = [
    ['#thing-prompts=TP1%20cpd23-2012%2012:zz', 'The link from another device is damaged, so nothing was changed'],
    ['#thing-prompts=TP1%20cpd23-2012%2012:2204e30c4e', 'The link from another device is damaged'],
    ['#thing-prompts=%E0%A4', 'The link from another device is damaged'],
    ['#thing-prompts=TP1%20cpd23-2099%2012:2204e30c4eb8d5b0', 'carries ticks of another course, so nothing was changed'],
  ];
  for (const [fragment, message] of cases) {
    await device(async (context) => {
      const { page } = await open(context, FRONT + fragment);
      const [n, text] = await onePrompt(page);
      assert.ok(text.includes(message), `${fragment}: ${text}`);
      assert.ok(await widget(page, n).locator('.link-prompt .outcome.failed').isVisible());
      assert.equal(await widget(page, n).locator('.link-prompt button').count(), 0);
      assert.equal(await page.evaluate((k) => localStorage.getItem(k), CPD23_2012_KEY), null);
      assert.deepEqual(await checkedStates(page, 2), [false, false, false, false, false]);
      assert.equal(page.url(), FRONT + fragment, 'the address is left as it was');
    });
  }
});

test('a page with several widgets of the course asks once, and all of them show the added ticks', async () => {
  const { link } = await device(async (context) => linkFromA(context));
  await device(async (context) => {
    const { page } = await open(context, link);
    const [n] = await onePrompt(page);
    await widget(page, n).getByRole('button', { name: 'Add', exact: true }).click();
    await widget(page, n).locator('.link-prompt .outcome', { hasText: 'restored' }).waitFor();
    // Widgets 0 and 2 both show Thing 12.
    assert.deepEqual(await checkedStates(page, 0), [true, false, false, false, true]);
    assert.deepEqual(await checkedStates(page, 2), [true, false, false, false, true]);
    assert.deepEqual(await prompts(page), [[n, '3 ticks restored across 2 Things.']]);
  });
});

test('the QR code is SVG with an accessible name, and decodes to the link', async () => {
  await device(async (context) => {
    const { page, panel, link } = await linkFromA(context);
    const qr = panel.getByRole('img', { name: 'QR code of the link to this post with your ticks' });
    assert.equal(await qr.evaluate((el) => el.namespaceURI), 'http://www.w3.org/2000/svg');
    assert.ok((await qr.locator('path').getAttribute('d')).length > 100);
    // The size a QR code of this many bytes has at level M: version v is 17 + 4v modules a side.
    const modules = Number(await qr.getAttribute('data-modules'));
    const capacityM = [14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666];
    const version = capacityM.findIndex((bytes) => bytes >= Buffer.byteLength(link)) + 1;
    assert.equal(modules, 17 + 4 * version);
    assert.equal(await qr.getAttribute('viewBox'), `-4 -4 ${modules + 8} ${modules + 8}`);
    // What the reader sees, read back by a QR decoder (jsQR) in the page.
    const png = (await qr.screenshot()).toString('base64');
    await page.addScriptTag({ content: await readFile(JSQR, 'utf8') });
    const decoded = await page.evaluate(async (data) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
      return window.jsQR(pixels.data, pixels.width, pixels.height)?.data ?? null;
    }, png);
    assert.equal(decoded, link);
  });
});
