// "Start my post": from a checklist, a reader copies an outline of the Thing for their own post
// (title, the course, each question with an empty paragraph) as HTML, Markdown or plain text.
// The clipboard's content is read back and checked; the first click loads the full module,
// which takes over with the panel open and the focus kept on the button.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  PAGE_ORIGIN,
  THING_12,
  fixtureHtml,
  launch,
  pageUrl,
  serveFixture,
  waitAllMounted,
  watch,
  widget,
  quiet,
  focused,
} from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const FULL = (url) => url.pathname.endsWith('/thing-prompts-full_bg.wasm');
const TITLE_12 = 'Thing 12: Putting the social into social media';
const PART_OF_12 = 'Part of 23 Things for Professional Development (2012).';

async function withContext(body, { clipboard = true } = {}) {
  const context = await browser.newContext();
  try {
    if (clipboard) {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(PAGE_ORIGIN).origin });
    }
    await body(context);
  } finally {
    await context.close();
  }
}



/** Opens "Start my post" in widget `n` and waits for the panel (the full module's). */
async function openOutline(page, n) {
  const toggle = widget(page, n).getByRole('button', { name: 'Start my post', exact: true });
  await toggle.click();
  const panel = widget(page, n).locator('#tp-outline');
  await panel.waitFor();
  return { toggle, panel };
}

/**
 * Clicks "Copy as <name>" in `panel`, waits for its status line to say so, and returns the
 * clipboard's text, after checking that the box below shows the same text under the right label.
 */
async function copyAs(page, panel, name) {
  await panel.getByRole('button', { name: `Copy as ${name}`, exact: true }).click();
  const status = panel.locator('[role=status]');
  await page.waitForFunction(
    ([host, want]) => {
      const el = document.querySelectorAll('.thing-prompts')[host].shadowRoot.querySelector('#tp-outline [role=status]');
      return el && el.textContent.trim() === want;
    },
    [await hostIndex(panel), `Copied as ${name}: paste it into your post.`],
  );
  assert.equal(await status.getAttribute('class'), 'outcome', 'a success is not marked as a failure');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const box = panel.getByRole('textbox', { name: `Your outline as ${name}`, exact: true });
  assert.equal(await box.inputValue(), copied, 'the box shows what was copied');
  assert.equal(await box.isEditable(), false, 'the box is read-only');
  return copied;
}

async function hostIndex(locator) {
  return locator.evaluate((el) => [...document.querySelectorAll('.thing-prompts')].indexOf(el.getRootNode().host));
}

/** HTML parsed as a post body: each top-level element as [tag, text, child element tags]. */
async function parsed(page, html) {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(`<body>${source}</body>`, 'text/html');
    return [...doc.body.children].map((el) => [
      el.tagName.toLowerCase(),
      el.textContent,
      [...el.children].map((c) => (c.tagName === 'A' ? `a ${c.getAttribute('href')}` : c.tagName.toLowerCase())),
    ]);
  }, html);
}

test('Start my post copies Thing 12 as HTML, Markdown and plain text, each read back from the clipboard', async () => {
  await withContext(async (context) => {
    const page = await context.newPage();
    const log = watch(page);
    await page.goto(pageUrl('blogger-post.html'));
    await waitAllMounted(page, 2);
    const toggle = widget(page, 0).getByRole('button', { name: 'Start my post', exact: true });
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await toggle.getAttribute('aria-controls'), 'tp-outline');
    assert.equal(log.requestsMatching(FULL).length, 0, 'the full module only when asked for');

    const { panel } = await openOutline(page, 0);
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    assert.equal(log.requestsMatching(FULL).length, 1, 'the first click loads the full module, once');
    assert.equal(await widget(page, 1).locator('#tp-outline').count(), 0, 'the other widget stays closed');
    // Before anything is copied the box shows the HTML, and no status is said.
    assert.equal((await panel.locator('[role=status]').textContent()).trim(), '');

    const html = await copyAs(page, panel, 'HTML');
    assert.equal(
      html,
      `<h2>${TITLE_12}</h2>\n<p>${PART_OF_12}</p>\n` + THING_12.map((q) => `<h3>${q}</h3>\n<p>&nbsp;</p>\n`).join(''),
    );
    assert.deepEqual(await parsed(page, html), [
      ['h2', TITLE_12, []],
      ['p', PART_OF_12, []],
      ...THING_12.flatMap((q) => [
        ['h3', q, []],
        ['p', '\u00a0', []],
      ]),
    ]);

    const markdown = await copyAs(page, panel, 'Markdown');
    assert.equal(
      markdown,
      `## ${TITLE_12}\n\n${PART_OF_12}` + THING_12.map((q) => `\n\n### ${q}\n\n`).join('') + '\n',
    );

    const text = await copyAs(page, panel, 'plain text');
    assert.equal(text, `${TITLE_12}\n\n${PART_OF_12}` + THING_12.map((q) => `\n\n${q}\n\n`).join('') + '\n');
    const lines = text.split('\n');
    assert.equal(lines[0], TITLE_12);
    for (const q of THING_12) {
      const at = lines.indexOf(q);
      assert.ok(at > 0, `"${q}" is a line of its own`);
      assert.deepEqual(lines.slice(at + 1, at + 4), ['', '', ''], 'an empty paragraph follows it');
    }

    // Closing and opening again needs no further download.
    await toggle.click();
    assert.equal(await widget(page, 0).locator('#tp-outline').count(), 0);
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    await openOutline(page, 0);
    assert.equal(log.requestsMatching(FULL).length, 1);
    quiet(log);
  });
});

const LINK = 'https://example.org/2026/01/thing-3.html?from=outline&x=1';
const COURSE = {
  format: 1,
  id: 'outline-course',
  title: 'Five Things for <Staff> & Friends',
  things: [{ number: 3, title: 'Sharing', link: LINK, prompts: [{ text: 'Unused' }] }],
};
const PLANTED = 'What does <b>bold</b> & <img src=x onerror="window.__pwned=1"> mean to you?';
const FIXTURE = `
<script type="application/json" class="thing-prompts-programme" id="outline-course">${JSON.stringify(COURSE)}</script>
<div class="thing-prompts" data-programme="#outline-course" data-thing="3">
  <p><strong>My Thing 3 &amp; its answers</strong></p>
  <ol>
    <li>${PLANTED.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</li>
    <li>Who do you *share* with?</li>
  </ol>
</div>`;

test('an inline list: questions with markup are copied as text, and the course links to the organiser’s post', async () => {
  await withContext(async (context) => {
    const url = await serveFixture(context, 'outline-inline', fixtureHtml(FIXTURE));
    const page = await context.newPage();
    const log = watch(page);
    await page.goto(url);
    await waitAllMounted(page, 1);
    const { panel } = await openOutline(page, 0);

    const html = await copyAs(page, panel, 'HTML');
    assert.equal(
      html,
      '<h2>My Thing 3 &amp; its answers</h2>\n' +
        `<p>Part of <a href="${LINK.replace(/&/g, '&amp;')}">Five Things for &lt;Staff&gt; &amp; Friends</a>.</p>\n` +
        '<h3>What does &lt;b&gt;bold&lt;/b&gt; &amp; &lt;img src=x onerror="window.__pwned=1"&gt; mean to you?</h3>\n<p>&nbsp;</p>\n' +
        '<h3>Who do you *share* with?</h3>\n<p>&nbsp;</p>\n',
    );
    // Parsed as a post body would be, the planted markup is the question's text, not elements.
    assert.deepEqual(await parsed(page, html), [
      ['h2', 'My Thing 3 & its answers', []],
      ['p', 'Part of Five Things for <Staff> & Friends.', [`a ${LINK}`]],
      ['h3', PLANTED, []],
      ['p', '\u00a0', []],
      ['h3', 'Who do you *share* with?', []],
      ['p', '\u00a0', []],
    ]);

    const markdown = await copyAs(page, panel, 'Markdown');
    assert.equal(
      markdown,
      '## My Thing 3 & its answers\n\n' +
        `Part of [Five Things for \\<Staff\\> & Friends](${LINK}).\n\n` +
        '### What does \\<b\\>bold\\</b\\> & \\<img src=x onerror="window.\\_\\_pwned=1"\\> mean to you?\n\n\n\n' +
        '### Who do you \\*share\\* with?\n\n\n',
    );

    const text = await copyAs(page, panel, 'plain text');
    assert.equal(
      text,
      `My Thing 3 & its answers\n\nPart of Five Things for <Staff> & Friends.\n${LINK}\n\n${PLANTED}\n\n\n\nWho do you *share* with?\n\n\n`,
    );
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    quiet(log);
  });
});

test('by keyboard: Start my post is reachable with Tab, and the focus stays on it after the full module takes over', async () => {
  await withContext(async (context) => {
    const page = await context.newPage();
    const log = watch(page);
    await page.goto(pageUrl('blogger-post.html'));
    await waitAllMounted(page, 2);
    await page.locator('body').focus();
    let reached = null;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      const at = await focused(page);
      if (at && at.widget === 0 && at.text === 'Start my post') reached = at;
    }
    assert.ok(reached, 'Tab reaches the Start my post button of the first widget');
    await page.keyboard.press('Enter');
    await widget(page, 0).locator('#tp-outline').waitFor();
    assert.equal(log.requestsMatching(FULL).length, 1, 'the full module took over');
    assert.deepEqual(await focused(page), { widget: 0, text: 'Start my post' }, 'the focus stays on the button');
    const toggle = widget(page, 0).getByRole('button', { name: 'Start my post', exact: true });
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');

    // On into the panel and copy with the keyboard alone.
    for (let i = 0; i < 5; i++) {
      const at = await focused(page);
      if (at && at.text === 'Copy as Markdown') break;
      await page.keyboard.press('Tab');
    }
    assert.deepEqual(await focused(page), { widget: 0, text: 'Copy as Markdown' });
    await page.keyboard.press('Enter');
    const status = widget(page, 0).locator('#tp-outline [role=status]');
    await page.waitForFunction(
      () =>
        document.querySelector('.thing-prompts').shadowRoot.querySelector('#tp-outline [role=status]').textContent.trim() !== '',
    );
    assert.equal((await status.textContent()).trim(), 'Copied as Markdown: paste it into your post.');
    assert.ok((await page.evaluate(() => navigator.clipboard.readText())).startsWith(`## ${TITLE_12}\n\n`));
    quiet(log);
  });
});

test('where the browser refuses the clipboard, the panel says so and shows the outline to select by hand', async () => {
  await withContext(
    async (context) => {
      // A browser that turns every write down, as one without permission or focus does.
      await context.addInitScript(() => {
        Object.defineProperty(navigator.clipboard, 'writeText', {
          configurable: true,
          value: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')),
        });
      });
      const page = await context.newPage();
      const log = watch(page);
      await page.goto(pageUrl('blogger-post.html'));
      await waitAllMounted(page, 2);
      const { panel } = await openOutline(page, 0);
      await panel.getByRole('button', { name: 'Copy as plain text', exact: true }).click();
      const status = panel.locator('[role=status]');
      await page.waitForFunction(
        () =>
          document.querySelector('.thing-prompts').shadowRoot.querySelector('#tp-outline [role=status]').textContent.trim() !== '',
      );
      assert.equal(
        (await status.textContent()).trim(),
        'This browser would not copy it: select the outline below and copy it yourself.',
      );
      assert.match(await status.getAttribute('class'), /\bfailed\b/);
      const box = panel.getByRole('textbox', { name: 'Your outline as plain text', exact: true });
      assert.ok((await box.inputValue()).startsWith(`${TITLE_12}\n\n${PART_OF_12}\n\n${THING_12[0]}\n`));
      quiet(log);
    },
    { clipboard: false },
  );
});
