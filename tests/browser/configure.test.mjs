// The configurator (configure.html on the widget origin): options change the live preview (the
// real widget) and the snippet; a pasted programme is validated beside its field; the copied
// snippet, pasted into a fresh page, mounts the same widget; it keeps working offline; no axe
// violations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch,
  watch,
  fixtureHtml,
  serveFixture,
  eventually,
  waitAllMounted,
  axeViolations,
  formatViolations,
  THING_12,
  WIDGET_ORIGIN,
} from './helpers.mjs';

const URL_CONFIGURE = `${WIDGET_ORIGIN}configure.html`;

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function withPage(body, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  try {
    const page = await context.newPage();
    const log = watch(page);
    await page.goto(URL_CONFIGURE);
    await previewReady(page);
    return await body(page, context, log);
  } finally {
    await context.close();
  }
}

const preview = (page) => page.locator('#preview .thing-prompts');
const snippet = (page) => page.locator('#snippet').inputValue();

/** Waits until the preview holds one mounted widget (a checklist, an overview or a message). */
async function previewReady(page) {
  await preview(page).locator('.tp').first().waitFor({ state: 'attached', timeout: 10_000 });
}

/** What the preview widget shows: title, questions, number of checkboxes, the whole text. */
async function shown(locator) {
  const host = locator.first();
  await host.locator('.tp').first().waitFor({ state: 'attached', timeout: 10_000 });
  return {
    title: (await host.locator('.tp .title').allTextContents()).join(' ').trim(),
    questions: await host.locator('ul.prompts li .text').allTextContents(),
    boxes: await host.locator('input[type=checkbox]').count(),
    text: (await host.locator('.tp').first().textContent()).replace(/\s+/g, ' ').trim(),
  };
}

/** Waits until the snippet and the preview both satisfy `check`. */
async function until(page, check, message) {
  await eventually(async () => check(await snippet(page), await shown(preview(page))), message, { timeout: 5000 });
}

test('options change the preview and the snippet', async () => {
  await withPage(async (page, context, log) => {
    // The start: Thing 12 of CPD23 2012, its questions as a list in the snippet.
    let html = await snippet(page);
    assert.match(html, /<div class="thing-prompts" data-programme="cpd23-2012" data-thing="12">/);
    for (const question of THING_12) assert.ok(html.includes(`<li>${question}</li>`), question);
    assert.ok(html.includes(`<script src="${WIDGET_ORIGIN}thing-prompts.js" async></script>`), html);
    let widget = await shown(preview(page));
    assert.deepEqual(widget.questions, THING_12);
    assert.equal(widget.boxes, 5);

    // Another Thing.
    await page.getByLabel('Thing', { exact: true }).selectOption('3');
    await until(page, (s, w) => s.includes('data-thing="3"') && w.text.includes('Consider your personal brand'), 'Thing 3');
    assert.ok((await snippet(page)).includes('<strong>Thing 3: Consider your personal brand</strong>'));

    // Another programme: the Thing list follows it.
    await page.getByLabel('Course', { exact: true }).selectOption('cpd23-2011');
    await until(page, (s, w) => s.includes('data-programme="cpd23-2011"') && w.text.includes('(2011)'), 'cpd23-2011');
    await page.getByLabel('Course', { exact: true }).selectOption('cpd23-2012');
    await page.getByLabel('Thing', { exact: true }).selectOption('12');
    await until(page, (s, w) => s.includes('data-thing="12"') && w.boxes === 5, 'back to Thing 12');

    // Private notes: a notes box under each of the five questions, in the preview and the snippet.
    await page.getByLabel('A private notes box under each question').check();
    await until(page, (s) => s.includes('data-notes="on"'), 'notes in the snippet');
    await eventually(async () => (await preview(page).first().locator('textarea').count()) === 5, 'five notes boxes in the preview');
    await page.getByLabel('A private notes box under each question').uncheck();
    await until(page, (s) => !s.includes('data-notes'), 'notes off again');

    // This week's Thing: no list of one week in the snippet.
    await page.getByLabel('Thing', { exact: true }).selectOption('current');
    await until(page, (s) => s.includes('data-thing="current"') && !s.includes('<ul>'), 'current');

    // The overview.
    await page.getByLabel(/overview/).check();
    await until(page, (s, w) => s.includes('data-view="overview"') && !s.includes('data-thing') && /Thing 23/.test(w.text), 'overview');
    assert.equal(await page.getByLabel('Thing', { exact: true }).isDisabled(), true);
    await page.getByLabel(/checklist/).check();
    await page.getByLabel('Thing', { exact: true }).selectOption('12');

    // Theme: the preview's card takes the dark palette.
    await page.getByLabel('Theme').selectOption('dark');
    await until(page, (s) => s.includes('data-theme="dark"'), 'dark theme in the snippet');
    await eventually(
      async () => (await preview(page).locator('.tp').first().getAttribute('data-theme')) === 'dark',
      'the preview is dark',
    );

    // Language: French buttons.
    await page.getByLabel('Language of the buttons and messages').selectOption('fr');
    await until(page, (s, w) => s.includes('data-lang="fr"') && w.text.includes('0 sur 5'), 'French');

    // A label: the progress line's wording.
    await page.getByLabel('Text to replace').selectOption('answered');
    await page.getByLabel('Your wording').fill('{done}/{total} fait');
    await until(page, (s, w) => s.includes('data-label-answered="{done}/{total} fait"') && w.text.includes('0/5 fait'), 'label');
    await page.getByRole('button', { name: 'Remove the wording for answered' }).click();
    await until(page, (s, w) => !s.includes('data-label-answered') && w.text.includes('0 sur 5'), 'label removed');

    assert.deepEqual(log.pageErrors, []);
  });
});

test('a pasted programme is validated beside its field, and a valid one is previewed from a block in the snippet', async () => {
  await withPage(async (page, context, log) => {
    await page.getByLabel("Paste a programme's JSON").check();
    const field = page.getByLabel("The programme's JSON");
    await field.fill('{"format": 1, "id": "Bad Id", "title": "x"');
    const errors = page.locator('#pasted-errors');
    await errors.waitFor();
    assert.match(await errors.textContent(), /This programme cannot be used/);
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    assert.match(await field.getAttribute('aria-describedby'), /\bpasted-errors\b/);
    // The widget in the preview says the same, in place of the checklist.
    await previewReady(page);
    const first = (await errors.locator('li').first().textContent()).trim();
    await eventually(async () => (await shown(preview(page))).text.includes(first), `the preview says "${first}" too`);

    // Fixed: the error goes, the preview shows the programme's Thing, and the snippet carries it.
    const programme = {
      format: 1,
      id: 'my-course',
      title: 'My </script> course',
      things: [{ number: 1, title: 'Start', prompts: [{ text: 'First <b>question</b>?' }, { text: 'Second?' }] }],
    };
    await field.fill(JSON.stringify(programme, null, 2));
    await errors.waitFor({ state: 'detached' });
    assert.equal(await field.getAttribute('aria-invalid'), 'false');
    await until(page, (s, w) => w.boxes === 2 && s.includes('class="thing-prompts-programme"'), 'the pasted course');
    const html = await snippet(page);
    assert.ok(html.includes('My \\u003c/script> course'), html);
    assert.ok(html.includes('<li>First &lt;b&gt;question&lt;/b&gt;?</li>'), html);
    assert.deepEqual((await shown(preview(page))).questions, ['First <b>question</b>?', 'Second?']);
    assert.deepEqual(log.pageErrors, []);
  });
});

test('a programme by URL is fetched as the loader does, and its errors are shown beside the field', async () => {
  await withPage(async (page) => {
    await page.getByLabel('A programme file on the web (URL)').check();
    const field = page.getByLabel('Address of the programme file');
    await field.fill(`${WIDGET_ORIGIN}no-such-course.json`);
    await page.getByRole('button', { name: 'Load' }).click();
    await page.locator('#url-errors').waitFor();
    assert.match(await page.locator('#url-errors').textContent(), /the server answered 404/);
    assert.equal(await field.getAttribute('aria-invalid'), 'true');

    await field.fill(`${WIDGET_ORIGIN}library-10-things.json`);
    await page.getByRole('button', { name: 'Load' }).click();
    await page.locator('#url-errors').waitFor({ state: 'detached' });
    await page.getByLabel('Thing', { exact: true }).selectOption('2');
    await until(
      page,
      (s, w) => s.includes(`data-programme-src="${WIDGET_ORIGIN}library-10-things.json"`) && w.text.includes('10 Things for Library Staff'),
      'the course from the URL',
    );
  });
});

test('the copied snippet, pasted into a fresh page, mounts the same widget', async () => {
  await withPage(async (page, context, log) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(WIDGET_ORIGIN).origin });
    await page.getByLabel('Thing', { exact: true }).selectOption('7');
    await page.getByLabel('Language of the buttons and messages').selectOption('de');
    await until(page, (s, w) => s.includes('data-thing="7"') && s.includes('data-lang="de"') && w.boxes > 0, 'Thing 7 in German');
    const expected = await shown(preview(page));

    await page.getByRole('button', { name: 'Copy the snippet' }).click();
    await eventually(async () => /Copied/.test(await page.locator('[role=status]').first().textContent()), 'says it copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, await snippet(page));

    const url = await serveFixture(context, 'configured', fixtureHtml(copied));
    const fresh = await context.newPage();
    const freshLog = watch(fresh);
    await fresh.goto(url);
    await waitAllMounted(fresh, 1);
    const got = await shown(fresh.locator('.thing-prompts'));
    assert.equal(got.title, expected.title);
    assert.deepEqual(got.questions, expected.questions);
    assert.equal(got.boxes, expected.boxes);
    // The preview runs the full module, whose checklist also offers the course calendar; a
    // reader's page shows that button once the full module has taken over (Backup, Start my post).
    const calendar = 'Den Kurs in meinen Kalender eintragen';
    assert.ok(expected.text.endsWith(calendar), expected.text);
    assert.equal(got.text, expected.text.slice(0, -calendar.length));
    assert.deepEqual(freshLog.pageErrors, []);
    assert.deepEqual(freshLog.widgetWarnings(), []);
    assert.deepEqual(log.pageErrors, []);
  });
});

test('once loaded, the configurator works offline', async () => {
  await withPage(async (page, context, log) => {
    await page.waitForLoadState('networkidle');
    await context.setOffline(true);
    await page.getByLabel('Course', { exact: true }).selectOption('cpd23-2011');
    await page.getByLabel('Thing', { exact: true }).selectOption('5');
    await until(page, (s, w) => s.includes('data-programme="cpd23-2011"') && s.includes('data-thing="5"') && w.boxes > 0 && w.text.includes('(2011)'), 'cpd23-2011 offline');
    await page.getByLabel(/overview/).check();
    await until(page, (s, w) => s.includes('data-view="overview"') && /Thing 23/.test(w.text), 'overview offline');
    assert.deepEqual(log.pageErrors, []);
  });
});

test('the instructions switch between Blogger and WordPress, by keyboard too', async () => {
  await withPage(async (page) => {
    const blogger = page.getByRole('button', { name: 'Blogger', exact: true });
    const wordpress = page.getByRole('button', { name: 'WordPress', exact: true });
    assert.equal(await blogger.getAttribute('aria-pressed'), 'true');
    assert.match(await page.locator('#instructions').textContent(), /HTML view/);
    await wordpress.focus();
    await page.keyboard.press('Enter');
    assert.equal(await wordpress.getAttribute('aria-pressed'), 'true');
    assert.equal(await blogger.getAttribute('aria-pressed'), 'false');
    const text = await page.locator('#instructions').textContent();
    assert.match(text, /Custom HTML block/);
    assert.match(text, /static list of questions still shows/);
  });
});

test('configure.html has no axe violations', async () => {
  await withPage(async (page) => {
    let violations = await axeViolations(page);
    assert.deepEqual(violations, [], formatViolations(violations));
    await page.getByLabel("Paste a programme's JSON").check();
    await page.getByLabel("The programme's JSON").fill('{');
    await page.locator('#pasted-errors').waitFor();
    violations = await axeViolations(page);
    assert.deepEqual(violations, [], formatViolations(violations));
  });
});
