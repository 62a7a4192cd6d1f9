// The live theme (#23) in WebKit: the blog's switch (class="dark" on <html>) turns the auto
// widgets dark and back within a frame, keeping ticks, an open panel and the focus; a page with
// color-scheme: light dark takes the reader's preference; an unpainted page that declares none
// stays light for a reader who prefers dark. The MiniBrowser's preference is fixed for a session
// (--dark-mode at its start), so a preference that changes while the page is open is driven in
// Chromium only (tests/browser/live-theme.test.mjs); here a second session prefers dark.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, mkdir } from 'node:fs/promises';
import { axeSourceText, fixtureHtml, formatViolations } from '../browser/helpers.mjs';
import { PAGE_ORIGIN, pageHelpers, poll } from '../webdriver/helpers.mjs';
import { startWebKit } from './webkit.mjs';

const SHOTS = new URL('../../target/screenshots/', import.meta.url);
let driver;

before(async () => {
  driver = await startWebKit();
  await mkdir(SHOTS, { recursive: true });
});

after(async () => {
  await driver?.quit();
});

const { waitMounted, checkboxes, checkedInPage } = pageHelpers(() => driver);

/** Shows `body` (with `head`) as a page of the page origin, written by the page's own script. */
async function show(name, body, head = '') {
  await driver.get(`${PAGE_ORIGIN}?${name}`);
  await driver.executeScript('localStorage.clear(); document.open(); document.write(arguments[0]); document.close();', fixtureHtml(`<h1>A blog post</h1>${body}`).replace('</head>', `${head}</head>`));
}

/** Each widget's holder `data-scheme`, its card's and first checkbox's computed color-scheme, and whether the card is the one `mark` marked. */
function schemes() {
  return driver.executeScript(`
    return [...document.querySelectorAll('.thing-prompts')].map((host) => {
      const tp = host.shadowRoot.querySelector('.tp');
      const box = tp.querySelector('input[type=checkbox]');
      return [tp.parentElement.dataset.scheme, getComputedStyle(tp).colorScheme, box ? getComputedStyle(box).colorScheme : null, tp.__mark === 'marked'];
    });`);
}

function mark() {
  return driver.executeScript(`for (const host of document.querySelectorAll('.thing-prompts')) host.shadowRoot.querySelector('.tp').__mark = 'marked';`);
}

/** Runs `change`, then reads each widget's scheme in an animation frame asked for after the page's reactions to it: the frame it is painted in. */
function afterOneFrame(change) {
  return driver.executeAsyncScript(
    `const done = arguments[arguments.length - 1];
     new Function(arguments[0])();
     queueMicrotask(() => requestAnimationFrame(() =>
       done([...document.querySelectorAll('.thing-prompts')].map((host) => host.shadowRoot.querySelector('.tp').parentElement.dataset.scheme))));`,
    change,
  );
}

async function axe(when) {
  if (!(await driver.executeScript('return typeof window.axe === "object"'))) {
    await driver.executeScript(`${await axeSourceText()}\n;window.axe = axe;`);
  }
  const violations = await driver.executeAsyncScript(`
    const done = arguments[arguments.length - 1];
    window.axe.run(document, { resultTypes: ['violations'] }).then(
      (results) => done(results.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map((node) => ({ target: node.target, inWidget: node.target.some((part) => Array.isArray(part)), html: node.html, failureSummary: node.failureSummary })),
      }))),
      (error) => done([{ id: 'axe-failed', impact: 'critical', help: String(error), nodes: [] }]),
    );`);
  assert.deepEqual(violations, [], `axe-core ${when}:\n${formatViolations(violations)}`);
}

async function screenshot(name) {
  await writeFile(new URL(name, SHOTS), Buffer.from(await driver.takeScreenshot(), 'base64'));
}

const SWITCH_HEAD = `<style>
  html { background: #fdfdfb; color: #1e1e1e; }
  html.dark { background: #15171a; color: #e6e6e6; }
</style>`;
const SWITCH_BODY = `<p><button type="button" id="switch" onclick="document.documentElement.classList.toggle('dark')">Dark mode</button></p>
  <div class="thing-prompts" data-programme="cpd23-2012" data-thing="12"></div>
  <div class="thing-prompts" data-programme="cpd23-2012" data-thing="11"></div>
  <div class="thing-prompts" data-programme="cpd23-2012" data-thing="12" data-theme="light"></div>`;

test('WebKit: the blog\'s switch turns the auto widgets dark and back within a frame; ticks, the open panel and the focus stay', async () => {
  await show('live-switch', SWITCH_BODY, SWITCH_HEAD);
  await waitMounted([5, 4, 5]);
  await (await checkboxes(0))[1].click();
  // An open panel: Backup, which brings the full module, as a reader's click does.
  await driver.executeScript(`[...document.querySelectorAll('.thing-prompts')[1].shadowRoot.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Backup').click();`);
  assert.ok(
    await poll(() => driver.executeScript(`return !!document.querySelectorAll('.thing-prompts')[1].shadowRoot.querySelector('.backup')`), { timeout: 10_000 }),
    'the backup panel opens',
  );
  await waitMounted([5, 4, 5]);
  const focusBox = `const box = document.querySelectorAll('.thing-prompts')[0].shadowRoot.querySelectorAll('input[type=checkbox]')[3];`;
  await driver.executeScript(`${focusBox} box.focus();`);
  await mark();
  assert.deepEqual(await schemes(), [
    ['light', 'light', 'light', true],
    ['light', 'light', 'light', true],
    ['light', 'light', 'light', true],
  ]);
  await axe('light, before the switch');
  await screenshot('webkit-theme-light.png');
  for (const [step, expected] of [
    ['dark', ['dark', 'dark', 'light']],
    ['light again', ['light', 'light', 'light']],
    ['dark again', ['dark', 'dark', 'light']],
  ]) {
    assert.deepEqual(await afterOneFrame("document.getElementById('switch').click()"), expected, `${step}: decided in the frame that paints the switch`);
    assert.deepEqual(await schemes(), expected.map((e) => [e, e, e, true]), `${step}: the controls' color-scheme follows, nothing mounted again`);
    assert.deepEqual(await checkedInPage(0), [false, true, false, false, false], `${step}: the tick stays`);
    assert.ok(await driver.executeScript(`return !!document.querySelectorAll('.thing-prompts')[1].shadowRoot.querySelector('.backup')`), `${step}: the panel stays open`);
    assert.ok(await driver.executeScript(`${focusBox} return box.getRootNode().activeElement === box && document.activeElement === box.getRootNode().host;`), `${step}: the focus stays`);
    await axe(`after the switch to ${step}`);
    if (step === 'dark') await screenshot('webkit-theme-switched-dark.png');
  }
});

const ONE = `<div class="thing-prompts" data-programme="cpd23-2012" data-thing="12"></div>`;

test('WebKit, a reader who prefers light: an unpainted page and a light dark page are light', async () => {
  for (const [name, head] of [
    ['unpainted', ''],
    ['light-dark', '<style>:root { color-scheme: light dark; }</style>'],
  ]) {
    await show(name, ONE, head);
    await waitMounted([5]);
    assert.deepEqual(await schemes(), [['light', 'light', 'light', false]], name);
  }
});

test('WebKit, a reader who prefers dark: the unpainted page stays light; a page that allows dark is dark', async () => {
  await driver.quit();
  driver = await startWebKit({ dark: true });
  assert.equal(await driver.executeScript(`return matchMedia('(prefers-color-scheme: dark)').matches`), true, 'the session prefers dark');
  // axe takes an unpainted page for white, so it runs where the page is white or painted.
  for (const [name, head, expected, checkAxe] of [
    ['unpainted', '', 'light', true],
    ['light-dark', '<style>:root { color-scheme: light dark; }</style>', 'dark', false],
    ['meta-light-dark', '<meta name="color-scheme" content="light dark">', 'dark', false],
    ['painted-light-dark', '<style>:root { color-scheme: light dark; background: Canvas; color: CanvasText; }</style>', 'dark', true],
  ]) {
    await show(name, ONE, head);
    await waitMounted([5]);
    assert.deepEqual(await schemes(), [[expected, expected, expected, false]], name);
    if (checkAxe) await axe(name);
    if (name === 'light-dark') await screenshot('webkit-theme-prefers-dark.png');
  }
  // The switch page in this session: light as painted, dark once switched.
  await show('live-switch-dark', SWITCH_BODY, SWITCH_HEAD);
  await waitMounted([5, 4, 5]);
  assert.deepEqual((await schemes()).map((s) => s[0]), ['light', 'light', 'light']);
  assert.deepEqual(await afterOneFrame("document.getElementById('switch').click()"), ['dark', 'dark', 'light']);
});
