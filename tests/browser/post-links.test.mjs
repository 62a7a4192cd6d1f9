// The course record in the widget (#24): the link to the reader's own post on a Thing (added,
// changed, removed, refused with a reason), the line that says a Thing is done, the record in the
// course overview, and links carried by backups, device links, other tabs and release 0.1.0's store.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { isDeepStrictEqual } from 'node:util';
import {
  CPD23_2012_KEY,
  axeViolations,
  checkboxes,
  checkedStates,
  eventually,
  fixtureHtml,
  formatViolations,
  launch,
  quiet,
  readStorage,
  serveFixture,
  statusLine,
  waitAllMounted,
  watch,
  widget,
} from './helpers.mjs';

const SHOTS = new URL('../../target/screenshots/', import.meta.url);
const LINK_12 = 'https://jane.example/2012/07/thing-12-social-media';
const LINK_11 = 'https://jane.example/2012/07/thing-11-mentoring';

let browser;

before(async () => {
  browser = await launch();
  await mkdir(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
});

/** A browser context of its own (a device: nothing shared), closed after `body`. */
async function device(body, options = {}) {
  const context = await browser.newContext({ viewport: { width: 900, height: 1000 }, ...options });
  try {
    return await body(context);
  } finally {
    await context.close();
  }
}

const checklist = (thing, extra = '') => `<div class="thing-prompts" data-programme="cpd23-2012" data-thing="${thing}"${extra}></div>`;
const overview = (extra = '') => `<div class="thing-prompts" data-programme="cpd23-2012" data-view="overview"${extra}></div>`;

/** Opens a fixture page of `widgets` (HTML of placeholders) in `context` and waits for all of them. */
async function open(context, name, widgets, { page: given, before: prepare } = {}) {
  const url = await serveFixture(context, name, fixtureHtml(`<h1>Thing Prompts</h1>\n${widgets.join('\n')}`));
  const page = given || (await context.newPage());
  const log = watch(page);
  if (prepare) await prepare(page, url);
  await page.goto(url);
  await waitAllMounted(page, widgets.length);
  return { page, log, url };
}

/** The stored record entry of Thing `thing`'s link: { note, noteAt } or undefined. */
async function storedLink(page, thing) {
  const stored = await readStorage(page, CPD23_2012_KEY);
  return stored?.things?.['~record']?.[`link:${thing}`];
}

/** The element focused inside widget `n`, as `tag#id "text"`; null when the focus is elsewhere. */
async function focusIn(page, n) {
  return widget(page, n).evaluate((host) => {
    const el = host.shadowRoot && host.shadowRoot.activeElement;
    if (!el) return null;
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${el.textContent.trim()}"`;
  });
}

/** Whether the page has asked for the full module. */
function fullLoaded(log) {
  return log.requestsMatching((url) => url.pathname.endsWith('thing-prompts-full_bg.wasm')).length > 0;
}

/** Ticks the first question of Thing 12 in widget `n` and opens its link field (by the lite module's button when it is the lite one). */
async function openField(page, n = 0) {
  await checkboxes(page, n).first().check();
  await widget(page, n).getByRole('button', { name: 'Add the link to my post' }).click();
  const field = widget(page, n).getByLabel('Address of my post on this Thing (https://…)');
  await field.waitFor();
  return field;
}

test('a link is added, changed and removed; the lite module asks for the field; focus follows', async () => {
  await device(async (context) => {
    const { page, log } = await open(context, 'post-link-add', [checklist(12)]);
    const box = widget(page, 0);
    assert.equal(await box.getByRole('button', { name: 'Add the link to my post' }).count(), 0, 'no button before a tick');
    await checkboxes(page, 0).first().check();
    const add = box.getByRole('button', { name: 'Add the link to my post' });
    await add.waitFor();
    assert.ok(!fullLoaded(log), 'the button is the lite module’s');
    await add.click();
    const field = box.getByLabel('Address of my post on this Thing (https://…)');
    await field.waitFor();
    assert.ok(fullLoaded(log), 'the full module took over with the field open');
    assert.equal(await field.getAttribute('type'), 'url');
    await eventually(async () => (await focusIn(page, 0))?.startsWith('input#tp-post-link'), 'the focus is in the field');
    await box.screenshot({ path: new URL('post-link-open.png', SHOTS).pathname });

    await field.fill(LINK_12);
    await field.press('Enter');
    const shown = box.locator('.post-link a');
    await shown.waitFor();
    assert.equal(await shown.getAttribute('href'), LINK_12);
    assert.equal(await shown.textContent(), LINK_12);
    assert.equal(await shown.getAttribute('target'), '_blank');
    assert.equal(await shown.getAttribute('rel'), 'noopener');
    assert.equal((await box.locator('.post-link [role=status]').textContent()).trim(), 'Link saved.');
    assert.equal(await focusIn(page, 0), 'button "Change link"');
    assert.equal((await storedLink(page, 12)).note, LINK_12);
    await box.screenshot({ path: new URL('post-link-saved.png', SHOTS).pathname });

    // Change: the field opens with the link in it.
    await box.getByRole('button', { name: 'Change link' }).click();
    assert.equal(await field.inputValue(), LINK_12);
    await field.fill('http://jane.example/thing-12-again');
    await box.getByRole('button', { name: 'Save link' }).click();
    await box.locator('.post-link a', { hasText: 'http://jane.example/thing-12-again' }).waitFor();
    assert.equal((await storedLink(page, 12)).note, 'http://jane.example/thing-12-again');

    // Cancel keeps what was kept and puts the focus back on the button.
    await box.getByRole('button', { name: 'Change link' }).click();
    await field.fill('https://elsewhere.example/');
    await box.getByRole('button', { name: 'Cancel' }).click();
    assert.equal(await focusIn(page, 0), 'button "Change link"');
    assert.equal(await box.locator('.post-link a').getAttribute('href'), 'http://jane.example/thing-12-again');
    // Escape in the field cancels too.
    await box.getByRole('button', { name: 'Change link' }).click();
    await field.press('Escape');
    assert.equal(await focusIn(page, 0), 'button "Change link"');

    // A reload starts this checklist with the full module (the loader sees the kept link), which shows it.
    const reloaded = watch(page);
    await page.reload();
    await waitAllMounted(page, 1);
    await box.locator('.post-link a').waitFor();
    assert.ok(fullLoaded(reloaded), 'the full module from the start');
    assert.equal(reloaded.requestsMatching((url) => url.pathname.endsWith('thing-prompts-wasm_bg.wasm')).length, 0, 'and not the lite one');

    // Remove: the link goes, kept as an empty entry with its time, and the button comes back.
    const before = (await storedLink(page, 12)).noteAt;
    await box.getByRole('button', { name: 'Remove link' }).click();
    await box.getByRole('button', { name: 'Add the link to my post' }).waitFor();
    assert.equal(await box.locator('.post-link a').count(), 0);
    assert.equal((await box.locator('.post-link [role=status]').textContent()).trim(), 'Link removed.');
    assert.equal(await focusIn(page, 0), 'button "Add the link to my post"');
    const removed = await storedLink(page, 12);
    assert.equal(removed.note, '');
    assert.ok(removed.noteAt > before, 'the removal is stamped later');

    // A reload shows no link, and the ticks are as they were.
    await page.reload();
    await waitAllMounted(page, 1);
    assert.deepEqual(await checkedStates(page, 0), [true, false, false, false, false]);
    assert.equal(await box.locator('.post-link a').count(), 0);
    quiet(log);
  });
});

test('javascript:, ftp: and over-long addresses are refused with the reason; the text stays; nothing is kept', async () => {
  await device(async (context) => {
    const { page, log } = await open(context, 'post-link-refuse', [checklist(12)]);
    const box = widget(page, 0);
    const field = await openField(page);
    const long = `https://jane.example/${'a'.repeat(2100)}`;
    const cases = [
      ['javascript:alert(1)', 'A javascript: address runs code instead of opening a page, so it is not kept'],
      ['ftp://files.example/thing-12.txt', 'Only web addresses (http:// or https://) are kept, not ftp: ones.'],
      [long, `This address has ${(long.length).toLocaleString('en-US')} characters; at most 2,048 are kept.`],
      ['jane.example/thing-12', 'Start the address with https:// (or http://).'],
      ['', 'Type or paste the address of your post, starting with https://.'],
    ];
    for (const [typed, reason] of cases) {
      await field.fill(typed);
      await box.getByRole('button', { name: 'Save link' }).click();
      const problem = box.locator('#tp-post-link-problem');
      await eventually(async () => (await problem.count()) === 1 && (await problem.textContent()).includes(reason), `${typed.slice(0, 40)}: says "${reason}"`);
      assert.equal(await problem.getAttribute('role'), 'alert');
      assert.equal(await field.inputValue(), typed, 'the typed text is kept whole');
      assert.equal(await field.getAttribute('aria-invalid'), 'true');
      assert.equal(await field.getAttribute('aria-describedby'), 'tp-post-link-problem');
      assert.equal(await storedLink(page, 12), undefined, 'nothing is kept');
      if (typed.startsWith('javascript')) {
        await box.screenshot({ path: new URL('post-link-refused.png', SHOTS).pathname });
        const violations = await axeViolations(page);
        assert.deepEqual(violations, [], formatViolations(violations));
      }
    }
    // Put right, it is kept.
    await field.fill(`  ${LINK_12}  `);
    await field.press('Enter');
    await box.locator('.post-link a').waitFor();
    assert.equal((await storedLink(page, 12)).note, LINK_12);
    assert.equal(await box.locator('#tp-post-link-problem').count(), 0);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], formatViolations(violations));
    quiet(log);
  });
});

test('ticking every question says the Thing is done (the lite module too), unticking one takes it back; the offer of a link goes once one is kept', async () => {
  await device(async (context) => {
    const { page, log } = await open(context, 'post-link-done', [checklist(12)]);
    const status = statusLine(page, 0);
    for (let i = 0; i < 4; i++) await checkboxes(page, 0).nth(i).check();
    assert.equal(await status.textContent(), '4 of 5 answered');
    await checkboxes(page, 0).nth(4).check();
    assert.equal(await status.textContent(), '5 of 5 answered. This Thing is done.');
    assert.equal(await status.getAttribute('role'), 'status');
    assert.ok(!fullLoaded(log), 'said by the lite module');
    await checkboxes(page, 0).nth(2).uncheck();
    assert.equal(await status.textContent(), '4 of 5 answered');

    // The full module offers the link field in the line while no link is kept.
    await widget(page, 0).getByRole('button', { name: 'Add the link to my post' }).click();
    const field = widget(page, 0).getByLabel('Address of my post on this Thing (https://…)');
    await field.waitFor();
    await checkboxes(page, 0).nth(2).check();
    assert.equal(await status.textContent(), '5 of 5 answered. This Thing is done. Add the link to your post below if you like.');
    await checkboxes(page, 0).nth(2).uncheck();
    assert.equal(await status.textContent(), '4 of 5 answered');
    await checkboxes(page, 0).nth(2).check();

    // With a link kept, the line no longer offers one.
    await field.fill(LINK_12);
    await field.press('Enter');
    await eventually(async () => (await status.textContent()) === '5 of 5 answered. This Thing is done.', 'the line without the offer');
    quiet(log);
  });
});

/** Rewrites every stored tick stamp of Thing `thing` to `at` (ms), as if ticked then. */
async function restamp(page, thing, at) {
  await page.evaluate(
    ([key, thing, at]) => {
      const stored = JSON.parse(localStorage.getItem(key));
      for (const tick of Object.values(stored.things[thing])) tick.at = at;
      localStorage.setItem(key, JSON.stringify(stored));
    },
    [CPD23_2012_KEY, thing, at],
  );
}

test('the overview and All Things show each Thing’s record: not started, n of m, finished on a date, the post link', async () => {
  await device(async (context) => {
    // The last placeholder is a sidebar's "this week's Thing": the course is over, so it shows
    // the last Thing with All Things.
    const sidebar = '<div class="thing-prompts" data-programme="cpd23-2012"></div>';
    const { page, log } = await open(context, 'post-link-record', [checklist(12), checklist(11), overview(), sidebar]);
    for (let i = 0; i < 5; i++) await checkboxes(page, 0).nth(i).check();
    await checkboxes(page, 1).first().check();
    const field = widget(page, 0).getByLabel('Address of my post on this Thing (https://…)');
    await widget(page, 0).getByRole('button', { name: 'Add the link to my post' }).click();
    await field.fill(LINK_12);
    await field.press('Enter');
    await widget(page, 0).locator('.post-link a').waitFor();
    // Finished at noon UTC on 16 July 2012, whatever the time zone the test runs in.
    await restamp(page, '12', Date.UTC(2012, 6, 16, 12));
    await page.reload();
    await waitAllMounted(page, 4);

    const row = (n, thing) => widget(page, n).locator('li.thing').nth(thing - 1);
    const twelve = row(2, 12);
    assert.match(await twelve.locator('.state').textContent(), /^finished on 16 July 2012✓ done/);
    assert.match(await twelve.getAttribute('class'), /complete/);
    const post = twelve.getByRole('link', { name: 'My post' });
    assert.equal(await post.getAttribute('href'), LINK_12);
    assert.equal(await post.getAttribute('target'), '_blank');
    assert.equal(await post.getAttribute('rel'), 'noopener');
    assert.equal(await row(2, 11).locator('.state').textContent(), '1 of 4 answered');
    assert.equal(await row(2, 1).locator('.state').textContent(), 'not started');
    assert.equal(await row(2, 11).getByRole('link', { name: 'My post' }).count(), 0);
    await widget(page, 2).screenshot({ path: new URL('post-link-overview.png', SHOTS).pathname });

    // The checklist's All Things shows the same record.
    await widget(page, 3).getByRole('button', { name: 'All Things' }).click();
    const all = widget(page, 3).locator('#tp-all li.thing').nth(11);
    await all.waitFor();
    assert.match(await all.locator('.state').textContent(), /^finished on 16 July 2012/);
    assert.equal(await all.getByRole('link', { name: 'My post' }).getAttribute('href'), LINK_12);

    // Unticking one question un-finishes it everywhere on the page.
    await checkboxes(page, 0).nth(3).uncheck();
    await eventually(async () => (await twelve.locator('.state').textContent()).startsWith('4 of 5 answered'), 'Thing 12 is no longer finished');
    assert.doesNotMatch(await twelve.getAttribute('class'), /complete/);
    assert.equal(await twelve.getByRole('link', { name: 'My post' }).count(), 1, 'the link stays');

    // In the reader's language: the date in French. (One page at a time: an open page would
    // merge its newer stamps back over the rewritten ones.)
    await checkboxes(page, 0).nth(3).check();
    quiet(log);
    await page.close();
    const french = await open(context, 'post-link-record-fr', [overview(' data-lang="fr"')]);
    await restamp(french.page, '12', Date.UTC(2012, 6, 16, 12));
    await french.page.reload();
    await waitAllMounted(french.page, 1);
    assert.match(await widget(french.page, 0).locator('li.thing').nth(11).locator('.state').textContent(), /^terminé le 16 juillet 2012/);
    assert.equal(await widget(french.page, 0).locator('li.thing').nth(0).locator('.state').textContent(), 'pas commencé');
    quiet(french.log);
  });
});

test('two tabs editing links merge: each tab’s link is kept and shown in both', async () => {
  await device(async (context) => {
    const a = await open(context, 'post-link-tabs', [checklist(12), checklist(11)]);
    const b = await open(context, 'post-link-tabs', [checklist(12), checklist(11)]);
    const save = async (page, n, link) => {
      const box = widget(page, n);
      const add = box.getByRole('button', { name: /Add the link to my post|Change link/ });
      if ((await add.count()) === 0) await checkboxes(page, n).first().check();
      await box.getByRole('button', { name: /Add the link to my post|Change link/ }).click();
      const field = box.getByLabel('Address of my post on this Thing (https://…)');
      await field.fill(link);
      await field.press('Enter');
      await box.locator('.post-link a', { hasText: link }).waitFor();
    };
    await save(a.page, 0, LINK_12);
    await save(b.page, 1, LINK_11);
    for (const { page } of [a, b]) {
      await eventually(async () => (await widget(page, 0).locator('.post-link a').count()) === 1, 'Thing 12’s link in both tabs');
      await eventually(async () => (await widget(page, 1).locator('.post-link a').count()) === 1, 'Thing 11’s link in both tabs');
      assert.equal(await widget(page, 0).locator('.post-link a').getAttribute('href'), LINK_12);
      assert.equal(await widget(page, 1).locator('.post-link a').getAttribute('href'), LINK_11);
    }
    // A later change in one tab wins in the other; a removal too.
    await save(b.page, 0, 'https://jane.example/thing-12-v2');
    await eventually(async () => (await widget(a.page, 0).locator('.post-link a').getAttribute('href').catch(() => null)) === 'https://jane.example/thing-12-v2', 'tab A follows');
    await widget(a.page, 1).getByRole('button', { name: 'Remove link' }).click();
    await eventually(async () => (await widget(b.page, 1).locator('.post-link a').count()) === 0, 'tab B loses the removed link');
    assert.equal((await storedLink(a.page, 12)).note, 'https://jane.example/thing-12-v2');
    assert.equal((await storedLink(a.page, 11)).note, '');
    quiet(a.log);
    quiet(b.log);
  });
});

test('the keyboard alone adds and removes a link (Tab, Space, Enter)', async () => {
  await device(async (context) => {
    const { page, log } = await open(context, 'post-link-keys', [checklist(12)]);
    await checkboxes(page, 0).first().focus();
    await page.keyboard.press('Space');
    await eventually(async () => (await widget(page, 0).getByRole('button', { name: 'Add the link to my post' }).count()) === 1, 'the button shows');
    // Tab past the other questions and the footer's buttons to the new one.
    let reached = false;
    for (let i = 0; i < 15 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = (await focusIn(page, 0)) === 'button "Add the link to my post"';
    }
    assert.ok(reached, 'Tab reaches the button');
    await page.keyboard.press('Enter');
    await eventually(async () => (await focusIn(page, 0))?.startsWith('input#tp-post-link'), 'the field has the focus');
    await page.keyboard.type(LINK_12);
    await page.keyboard.press('Enter');
    await eventually(async () => (await focusIn(page, 0)) === 'button "Change link"', 'the focus on Change link');
    await page.keyboard.press('Tab');
    assert.equal(await focusIn(page, 0), 'button "Remove link"');
    await page.keyboard.press('Enter');
    await eventually(async () => (await focusIn(page, 0)) === 'button "Add the link to my post"', 'the focus back on the button');
    assert.equal((await storedLink(page, 12)).note, '');
    quiet(log);
  });
});

/** In a first device: two questions of Thing 12 ticked and its link kept; returns the page. */
async function deviceA(context) {
  const opened = await open(context, 'post-link-carry', [checklist(12)]);
  const field = await openField(opened.page);
  await checkboxes(opened.page, 0).nth(1).check();
  await field.fill(LINK_12);
  await field.press('Enter');
  await widget(opened.page, 0).locator('.post-link a').waitFor();
  const panelButton = widget(opened.page, 0).getByRole('button', { name: 'Backup', exact: true });
  await panelButton.click();
  const panel = widget(opened.page, 0).locator('.backup');
  await panel.waitFor();
  assert.match(await panel.locator('.hint').first().textContent(), /your ticks and the links to your posts/);
  return { ...opened, panel };
}

/** In a second device: the same page, nothing stored; its Backup panel. */
async function deviceB(context) {
  const opened = await open(context, 'post-link-carry', [checklist(12)]);
  await widget(opened.page, 0).getByRole('button', { name: 'Backup', exact: true }).click();
  const panel = widget(opened.page, 0).locator('.backup');
  await panel.waitFor();
  return { ...opened, panel };
}

async function linkArrived(page) {
  const shown = widget(page, 0).locator('.post-link a');
  await shown.waitFor();
  assert.equal(await shown.getAttribute('href'), LINK_12);
  assert.equal((await storedLink(page, 12)).note, LINK_12);
  assert.deepEqual(await checkedStates(page, 0), [true, true, false, false, false]);
}

test('a backup file, a backup code and a device link carry the link to a browser that shares nothing', async () => {
  let file;
  let code;
  let link;
  await device(
    async (context) => {
      const { page, panel, log } = await deviceA(context);
      const download = page.waitForEvent('download');
      await panel.getByRole('button', { name: 'Download backup file' }).click();
      file = await readFile(await (await download).path(), 'utf8');
      assert.equal(JSON.parse(file).progress.things['~record']['link:12'].note, LINK_12);
      await panel.getByRole('button', { name: 'Copy backup code' }).click();
      code = (await panel.locator('textarea.code').inputValue()).trim();
      // The code carries the link without its https://.
      assert.ok(code.includes('jane.example/2012/07/thing-12-social-media'), code);
      assert.ok(!code.includes('https://'), code);
      await panel.getByRole('button', { name: 'Open on another device' }).click();
      link = (await panel.locator('textarea.link').inputValue()).trim();
      assert.match(await panel.textContent(), /with your ticks and the links to your posts/);
      quiet(log);
    },
    { acceptDownloads: true },
  );

  await device(async (context) => {
    const { page, panel, log } = await deviceB(context);
    await panel.locator('input[type=file]').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await panel.locator('.outcome', { hasText: '1 link to your posts restored.' }).waitFor();
    assert.match(await panel.locator('.outcome').textContent(), /^2 ticks restored across 1 Thing\. 1 link to your posts restored\.$/);
    await linkArrived(page);
    quiet(log);
  });

  await device(async (context) => {
    const { page, panel, log } = await deviceB(context);
    await panel.locator('textarea.paste').fill(code);
    await panel.getByRole('button', { name: 'Restore code' }).click();
    await panel.locator('.outcome', { hasText: '1 link to your posts restored.' }).waitFor();
    await linkArrived(page);
    quiet(log);
  });

  await device(async (context) => {
    const url = await serveFixture(context, 'post-link-carry', fixtureHtml(`<h1>Thing Prompts</h1>\n${checklist(12)}`));
    assert.ok(link.startsWith(`${url}#thing-prompts=`), link);
    const page = await context.newPage();
    const log = watch(page);
    await page.goto(link);
    await waitAllMounted(page, 1);
    await widget(page, 0).getByRole('button', { name: 'Add', exact: true }).click();
    await widget(page, 0).locator('.link-prompt .outcome', { hasText: '1 link to your posts restored.' }).waitFor();
    await linkArrived(page);
    quiet(log);
  });

  // A device that has the ticks already is asked about the link alone.
  await device(async (context) => {
    const first = await open(context, 'post-link-carry', [checklist(12)]);
    await checkboxes(first.page, 0).nth(0).check();
    await checkboxes(first.page, 0).nth(1).check();
    await first.page.close();
    const page = await context.newPage();
    const log = watch(page);
    await page.goto(link);
    await waitAllMounted(page, 1);
    const prompt = widget(page, 0).locator('.link-prompt .outcome');
    await prompt.filter({ hasText: 'Add 1 link to your posts from another device?' }).waitFor();
    await widget(page, 0).getByRole('button', { name: 'Add', exact: true }).click();
    await prompt.filter({ hasText: '1 link to your posts restored.' }).waitFor();
    await linkArrived(page);
    quiet(log);
  });
});

test('a store written by release 0.1.0 with links added by this release is read whole and kept whole', async () => {
  // Release 0.1.0's store for CPD23 2012 (core/tests/compat_release_0_1.rs): Thing 1 answered in
  // full on 9 July 2012; on Thing 2 one question ticked with a note, one ticked and unticked.
  // This release added the links under "~record", as notes 0.1.0 keeps.
  const store = {
    version: 1,
    things: {
      1: {
        t40037be8b64b182d: { done: true, at: 1341861600000 },
        t6083ed27bfc7919f: { done: true, at: 1341861000000 },
        ta06887e88e9c642d: { done: true, at: 1341860400000 },
        tc1c5c442d2febd7e: { done: true, at: 1341862200000 },
      },
      2: {
        t929c45add68ae89c: { done: false, at: 1342465320000 },
        te06fd670491f9187: { done: true, at: 1342465200000, note: 'Read "Librarian in Black" — 3 posts', noteAt: 1342465380000 },
      },
      '~record': {
        'link:1': { done: false, at: 0, note: 'https://jane.example/thing-1', noteAt: 1341862300000 },
        'link:2': { done: false, at: 0, note: 'https://jane.example/thing-2', noteAt: 1342465400000 },
      },
    },
  };
  await device(async (context) => {
    const seed = (page) => page.addInitScript(([key, text]) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key, text);
        sessionStorage.setItem('seeded', '1');
      }
    }, [CPD23_2012_KEY, JSON.stringify(store)]);
    const page = await context.newPage();
    const { log } = await open(context, 'post-link-release-0-1', [checklist(1), checklist(2, ' data-notes="on"'), overview()], { page, before: seed });
    assert.deepEqual(await checkedStates(page, 0), [true, true, true, true]);
    assert.equal(await statusLine(page, 0).textContent(), '4 of 4 answered. This Thing is done.');
    assert.equal(await widget(page, 0).locator('.post-link a').getAttribute('href'), 'https://jane.example/thing-1');
    assert.equal(await widget(page, 1).locator('.post-link a').getAttribute('href'), 'https://jane.example/thing-2');
    const notes = await widget(page, 1).locator('textarea').evaluateAll((areas) => areas.map((area) => area.value));
    assert.ok(notes.includes('Read "Librarian in Black" — 3 posts'), JSON.stringify(notes));
    assert.match(await widget(page, 2).locator('li.thing').nth(0).locator('.state').textContent(), /^finished on 9 July 2012/);
    // A new tick writes everything back: 0.1.0's ticks, notes and stamps, and the links.
    const unticked = (await checkedStates(page, 1)).indexOf(false);
    await checkboxes(page, 1).nth(unticked).check();
    const after = await readStorage(page, CPD23_2012_KEY);
    assert.deepEqual(after.things['1'], store.things['1']);
    const changed = Object.keys(after.things['2']).filter((id) => !isDeepStrictEqual(after.things['2'][id], store.things['2'][id]));
    assert.equal(changed.length, 1, `only the new tick changed Thing 2: ${JSON.stringify(after.things['2'])}`);
    assert.equal(after.things['2'][changed[0]].done, true);
    assert.deepEqual(after.things['~record'], store.things['~record']);
    quiet(log);
  });
});
