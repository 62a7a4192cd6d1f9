// How the widget looks and where it runs, in WebKit: data-theme="auto" on a dark page, axe-core
// in light and dark, the strict Content-Security-Policy post, and the course calendar download.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { axeSourceText, formatViolations } from '../browser/helpers.mjs';
import { PAGE_ORIGIN, pageHelpers, poll } from '../webdriver/helpers.mjs';
import { startWebKit } from './webkit.mjs';

let driver;

before(async () => {
  driver = await startWebKit();
});

after(async () => {
  await driver?.quit();
});

const { open, waitMounted, waitEvery, checkboxes, statusLine } = pageHelpers(() => driver);

/** Each widget's palette: its `data-theme`, the scheme it chose, and its computed color-scheme. */
function palettes() {
  return driver.executeScript(`
    return [...document.querySelectorAll('.thing-prompts')].map((node) => {
      const tp = node.shadowRoot.querySelector('.tp');
      const box = node.shadowRoot.querySelector('input[type=checkbox]');
      return {
        theme: tp.dataset.theme,
        scheme: tp.parentElement.dataset.scheme,
        colorScheme: getComputedStyle(tp).colorScheme,
        boxScheme: box ? getComputedStyle(box).colorScheme : null,
      };
    });`);
}

test('data-theme="auto" on a dark page: the widgets take the dark scheme; on a light page the light one', async () => {
  await driver.get(PAGE_ORIGIN + 'hostile-dark.html');
  await waitMounted([5, null]);
  const dark = await palettes();
  assert.ok(dark.length >= 2);
  for (const p of dark) assert.deepEqual(p, { theme: 'auto', scheme: 'dark', colorScheme: 'dark', boxScheme: p.boxScheme === null ? null : 'dark' });
  await open('blogger-post.html');
  for (const p of await palettes()) assert.deepEqual([p.theme, p.scheme, p.colorScheme], ['auto', 'light', 'light']);
});

/** axe-core's violations on the whole page (open shadow roots included). */
async function axe() {
  if (!(await driver.executeScript('return typeof window.axe === "object"'))) {
    await driver.executeScript(`${await axeSourceText()}\n;window.axe = axe;`);
  }
  return driver.executeAsyncScript(`
    const done = arguments[arguments.length - 1];
    window.axe.run(document, { resultTypes: ['violations'] }).then(
      (results) => done(results.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map((node) => ({
          target: node.target, inWidget: node.target.some((part) => Array.isArray(part)),
          html: node.html, failureSummary: node.failureSummary,
        })),
      }))),
      (error) => done([{ id: 'axe-failed', impact: 'critical', help: String(error), nodes: [] }]),
    );`);
}

for (const [scheme, name, counts] of [
  ['light', 'wordpress-front.html', [5, 4, 5]],
  ['dark', 'hostile-dark.html', [5, null]],
]) {
  test(`axe-core finds no violation in the widgets, ${scheme} (${name}), as loaded and with Backup open`, async () => {
    await driver.get(PAGE_ORIGIN + name);
    await waitMounted(counts);
    const schemes = await palettes();
    assert.ok(schemes.every((p) => p.scheme === scheme), `the widgets are ${scheme}: ${JSON.stringify(schemes)}`);
    const inWidgets = (violations) =>
      violations.map((v) => ({ ...v, nodes: v.nodes.filter((node) => node.inWidget) })).filter((v) => v.nodes.length);
    let found = inWidgets(await axe());
    assert.deepEqual(found, [], formatViolations(found));
    await (await checkboxes(0))[0].click();
    await driver.executeScript(
      `const root = document.querySelectorAll('.thing-prompts')[0].shadowRoot;
       [...root.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Backup').click();`,
    );
    assert.ok(
      await poll(() => driver.executeScript(`return !!document.querySelectorAll('.thing-prompts')[0].shadowRoot.querySelector('.backup')`), { timeout: 10_000 }),
      'the backup panel opens',
    );
    found = inWidgets(await axe());
    assert.deepEqual(found, [], formatViolations(found));
  });
}

test('the strict-CSP post works in WebKit under its policy, and no violation is reported', async () => {
  await open('csp-post.html', [5, 3]);
  // WebDriver classic cannot listen from the start of a page; from here on, every
  // securitypolicyviolation of the page is recorded. The mount itself shows that the loader, the
  // lite glue and its WebAssembly were let in.
  await driver.executeScript(`
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.effectiveDirective + ' ' + e.blockedURI));`);
  const violations = () => driver.executeScript('return window.__violations');
  await (await checkboxes(0))[1].click();
  await (await checkboxes(1))[0].click();
  assert.equal(await statusLine(0), '1 of 5 answered');
  assert.equal(await statusLine(1), '1 of 3 answered');
  // Backup brings the full module (its glue and WebAssembly) under the same policy.
  await driver.executeScript(
    `[...document.querySelectorAll('.thing-prompts')[1].shadowRoot.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Backup').click();`,
  );
  assert.ok(
    await poll(() => driver.executeScript(`return !!document.querySelectorAll('.thing-prompts')[1].shadowRoot.querySelector('.backup')`), { timeout: 10_000 }),
    'the full module takes over with the backup panel',
  );
  assert.equal(await statusLine(0), '1 of 5 answered', 'the ticks are kept through the take-over');
  await driver.sleep(300);
  assert.deepEqual(await violations(), [], 'no Content-Security-Policy violation');

  // The check can see one: an inline style the policy refuses is reported.
  await driver.executeScript(`const s = document.createElement('style'); s.textContent = 'p{}'; document.head.append(s);`);
  assert.ok(await poll(async () => (await violations()).length > 0), 'a planted violation is reported');

  // And a reload under the policy brings the ticks back.
  await driver.navigate().refresh();
  await waitMounted([5, 3]);
  assert.equal(await statusLine(0), '1 of 5 answered', 'kept over a reload');
});

test('the overview offers the course calendar, and WebKit saves it as an .ics file', async () => {
  const folder = process.env.WEBKIT_DOWNLOADS;
  assert.ok(folder, 'xtask says where the MiniBrowser saves downloads ($WEBKIT_DOWNLOADS)');
  const name = 'library-10-things.ics';
  await rm(join(folder, name), { force: true });
  await driver.get(PAGE_ORIGIN + 'organiser-sidebar.html');
  await waitEvery();
  const button = await poll(() =>
    driver.executeScript(`
      for (const node of document.querySelectorAll('.thing-prompts')) {
        const found = [...node.shadowRoot.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Add the course to my calendar');
        if (found) return found;
      }
      return null;`),
  );
  assert.ok(button, 'a widget offers "Add the course to my calendar"');
  await button.click();
  const text = await poll(() => readFile(join(folder, name), 'utf8').catch(() => ''), { timeout: 10_000 });
  assert.ok(text.startsWith('BEGIN:VCALENDAR\r\n'), `a calendar was saved as ${name}: ${JSON.stringify(text.slice(0, 40))}`);
  assert.ok(text.endsWith('END:VCALENDAR\r\n'), 'the whole of it');
  const course = JSON.parse(await readFile(new URL('../../www/demo/remote/library-10-things.json', import.meta.url), 'utf8'));
  assert.ok(text.includes(`\r\nX-WR-CALNAME:${course.title}\r\n`), 'named after the course');
  const summaries = text.split('\r\n').filter((line) => line.startsWith('SUMMARY:'));
  assert.equal(summaries.length, course.things.length + course.schedule.catchUp.length, 'an event for each Thing and each catch-up week');
  for (const thing of course.things) {
    assert.ok(summaries.includes(`SUMMARY:Thing ${thing.number}: ${thing.title.replace(/[,;\\]/g, (c) => `\\${c}`)}`), `Thing ${thing.number}'s event`);
  }
});
