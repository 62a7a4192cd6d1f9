// A participant's own question list (no data attributes): its heading becomes the title,
// ticks are kept under the inline key, and they belong to the question, not to the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  INLINE_KEY,
  checkboxes,
  checkedStates,
  fixtureHtml,
  launch,
  pageUrl,
  promptTexts,
  readStorage,
  serveFixture,
  statusLine,
  waitAllMounted,
  watch,
  widget,
} from './helpers.mjs';

const PAGE = pageUrl('inline-post.html');
const QUESTIONS = [
  'Which of the tools from the last eleven weeks do I use to talk with people, and which do I only use to read?',
  'Can I name three people I have got to know through the course, and remember how we first got talking?',
  'Am I happy for my work self and my personal self to share the same accounts?',
  'What would make me reply to a post instead of quietly reading it and moving on?',
];
let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

async function open(context, url = PAGE, count = 1) {
  const page = await context.newPage();
  const log = watch(page);
  await page.goto(url);
  await waitAllMounted(page, count);
  return { page, log };
}

function listPage(items) {
  return fixtureHtml(
    `<article>
  <h1>Another post</h1>
  <div class="thing-prompts">
    <p>Copied from my other blog</p>
    <ul>
${items.map((item) => `      <li>${item}</li>`).join('\n')}
    </ul>
  </div>
</article>`,
    { title: 'Inline fixture' },
  );
}

/** The same questions with case and white space changed: the same prompts. */
const RESHAPED = [
  '  WHICH of the tools from the last   eleven weeks do I use\n        to talk with people, and which do I ONLY use to read?  ',
  'can i name three people i have got to know through the course,\n and remember how we first got talking?',
  '\n   Am I Happy for my work self and my personal self\tto share the same accounts?\n',
  'What would make me reply to a post instead of quietly reading it and moving on?   ',
];

test('the inline list becomes four checkboxes titled by its own heading, kept under the inline key', async () => {
  const context = await browser.newContext();
  try {
    const { page, log } = await open(context);
    assert.equal(await checkboxes(page, 0).count(), 4);
    assert.deepEqual(await promptTexts(page, 0), QUESTIONS);
    assert.equal((await widget(page, 0).locator('legend .title').textContent()).trim(), 'My questions for Thing 12');
    assert.equal(await widget(page, 0).locator('legend .kicker').count(), 0, 'no kicker without a programme');
    assert.equal((await statusLine(page, 0).textContent()).trim(), '0 of 4 answered');
    // The plain list is no longer rendered.
    assert.equal(await page.evaluate(() => document.querySelector('.thing-prompts ul').getClientRects().length), 0);

    await checkboxes(page, 0).nth(2).check();
    assert.equal((await statusLine(page, 0).textContent()).trim(), '1 of 4 answered');
    await page.reload();
    await waitAllMounted(page, 1);
    assert.deepEqual(await checkedStates(page, 0), [false, false, true, false]);
    assert.equal((await statusLine(page, 0).textContent()).trim(), '1 of 4 answered');

    const stored = await readStorage(page, INLINE_KEY);
    assert.ok(stored, `localStorage has ${INLINE_KEY}`);
    assert.equal(stored.version, 1);
    const ticks = Object.values(stored.things).flatMap((thing) => Object.entries(thing));
    assert.equal(ticks.filter(([, entry]) => entry.done).length, 1);
    assert.match(ticks[0][0], /^t[0-9a-f]{16}$/);
    // Nothing went under a programme's key.
    const keys = await page.evaluate(() => Object.keys(localStorage));
    assert.deepEqual(keys.filter((k) => k.startsWith('thing-prompts:')), [INLINE_KEY]);
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.warnings(), []);
  } finally {
    await context.close();
  }
});

test('the same questions on another page, with other case and white space, show the same ticks', async () => {
  const context = await browser.newContext();
  try {
    const url = await serveFixture(context, 'inline-reshaped', listPage(RESHAPED));
    const { page } = await open(context);
    await checkboxes(page, 0).nth(0).check();
    await checkboxes(page, 0).nth(2).check();
    assert.deepEqual(await checkedStates(page, 0), [true, false, true, false]);

    const other = await open(context, url);
    assert.equal(await checkboxes(other.page, 0).count(), 4);
    // Shown with white space collapsed, case as written.
    assert.equal(
      (await promptTexts(other.page, 0))[0],
      'WHICH of the tools from the last eleven weeks do I use to talk with people, and which do I ONLY use to read?',
    );
    assert.equal((await widget(other.page, 0).locator('legend .title').textContent()).trim(), 'Copied from my other blog');
    assert.deepEqual(await checkedStates(other.page, 0), [true, false, true, false]);
    assert.equal((await statusLine(other.page, 0).textContent()).trim(), '2 of 4 answered');
    assert.deepEqual(other.log.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('a question whose wording changed is a new question, unticked', async () => {
  const context = await browser.newContext();
  try {
    const changed = [...QUESTIONS];
    changed[0] = 'Which of the tools from the last twelve weeks do I use to talk with people, and which do I only use to read?';
    const url = await serveFixture(context, 'inline-changed', listPage(changed));
    const { page } = await open(context);
    await checkboxes(page, 0).nth(0).check();
    await checkboxes(page, 0).nth(2).check();

    const other = await open(context, url);
    assert.deepEqual(await promptTexts(other.page, 0), changed);
    assert.deepEqual(await checkedStates(other.page, 0), [false, false, true, false]);
    assert.equal((await statusLine(other.page, 0).textContent()).trim(), '1 of 4 answered');
  } finally {
    await context.close();
  }
});
