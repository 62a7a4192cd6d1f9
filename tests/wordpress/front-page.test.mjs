// Front pages: a page of full posts fetches the loader once and mounts every widget (the lazy
// ones as the reader scrolls); a page of summaries (excerpts, as both default themes show by
// default) reads cleanly, with a checklist's title at most and no script.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, watch, quiet, waitAllMounted, THING_12 } from '../browser/helpers.mjs';
import { WP_URL, publish, resetSite, siteContext, loaderRequests, logLines, assertNoPluginMessages } from './wp.mjs';

const FILLER = Array.from(
  { length: 8 },
  (_, i) =>
    `<p>Paragraph ${i + 1} of my reflections: this week I read other participants' posts, left a few comments and thought about how I use social media at work and at home.</p>`,
).join('\n');

/** The README's snippet, as an administrator pastes it into a Custom HTML block. */
const SNIPPET = `<div class="thing-prompts" data-programme="cpd23-2012" data-thing="12">
  <p><strong>Thing 12: Putting the social into social media</strong></p>
  <ol>
    <li>${THING_12[0]}</li>
    <li>${THING_12[1]}</li>
  </ol>
</div>
<script src="${WP_URL}/wp-content/plugins/thing-prompts/widget/thing-prompts.js" async></script>`;

let browser;
let logStart;
before(async () => {
  browser = await launch();
  logStart = logLines().length;
});
after(async () => {
  await browser?.close();
});

/** Dates a minute apart, so the front page lists the posts in the order they were written. */
function dated(n) {
  return `2026-11-0${1 + Math.floor(n / 10)} 10:${String(n % 60).padStart(2, '0')}:00`;
}

test('Twenty Twenty-One showing full posts: the loader once for eight widgets, every one mounted as the reader scrolls', async () => {
  resetSite('twentytwentyone', 'full');
  const bodies = [
    '[thing_prompts programme="cpd23-2012" thing="12"]',
    '<!-- wp:thing-prompts/checklist {"programme":"cpd23-2012","thing":"5"} /-->',
    `[thing_prompts programme="cpd23-2012" thing="12"]<ul>${THING_12.map((q) => `<li>${q}</li>`).join('')}</ul>[/thing_prompts]`,
    '[thing_prompts]\nWhat did I try?\nWhat next?\n[/thing_prompts]',
    '<!-- wp:thing-prompts/checklist {"questions":"Which tool?\\nWhy?"} /-->',
    '[thing_prompts programme="cpd23-2011" thing="1"]',
    '[thing_prompts programme="cpd23-2012" thing="23"]',
    '[thing_prompts programme="cpd23-2012" thing="2" notes="on"]',
  ];
  // Oldest first, so the front page (newest first) shows them in reverse.
  bodies.forEach((body, n) => publish(`${FILLER}\n${body}\n${FILLER}`, { title: `Week ${n + 1}`, date: dated(n) }));
  const context = await siteContext(browser);
  const page = await context.newPage();
  const log = watch(page);
  await page.goto(`${WP_URL}/`);
  await page.waitForLoadState('load');
  assert.equal(await page.locator('.thing-prompts').count(), 8, 'eight placeholders on the front page');
  assert.equal(await page.locator('script[src*="thing-prompts.js"]').count(), 1, 'one loader tag in the page');
  await page.locator('.thing-prompts .tp').first().waitFor({ state: 'attached', timeout: 15_000 });
  await page.waitForTimeout(500);
  const mountedAtLoad = await page.evaluate(
    () => [...document.querySelectorAll('.thing-prompts')].filter((n) => n.shadowRoot && n.shadowRoot.querySelector('.tp')).length,
  );
  assert.ok(mountedAtLoad < 8, `the ones far below wait for the reader (${mountedAtLoad} of 8 at load)`);
  await waitAllMounted(page, 8, 20_000);
  assert.equal(loaderRequests(log.requests).length, 1, 'the loader was fetched once');
  const wasm = log.requests.filter((url) => new URL(url).pathname.endsWith('.wasm'));
  assert.ok(wasm.length >= 1 && wasm.length <= 2, `each module at most once (${wasm.join(', ')})`);
  assert.equal(new Set(wasm.map((url) => new URL(url).pathname)).size, wasm.length, 'no module fetched twice');

  // Week 1 (bundled Thing 12) and week 3 (its questions pasted inline) share their ticks.
  const bundled = page.locator('.thing-prompts').nth(7);
  const inline = page.locator('.thing-prompts').nth(5);
  await bundled.evaluate((node) => node.scrollIntoView());
  await bundled.locator('input[type=checkbox]').nth(2).check();
  await inline.evaluate((node) => node.scrollIntoView());
  assert.equal(await inline.locator('input[type=checkbox]').nth(2).isChecked(), true, 'the same question is ticked in the other post');
  quiet(log);
  await context.close();
});

/** Posts for the summary pages: a shortcode, a block, and an administrator's snippet pasted into a Custom HTML block. */
function summaryPosts() {
  publish(
    '<!-- wp:html -->\n' + SNIPPET + '\n<!-- /wp:html -->\n<!-- wp:paragraph -->\n<p>Pasted by the administrator.</p>\n<!-- /wp:paragraph -->',
    { title: 'Custom HTML snippet', author: 'admin', date: dated(1) },
  );
  publish(
    '<!-- wp:paragraph --><p>Questions of my own this week.</p><!-- /wp:paragraph -->\n<!-- wp:thing-prompts/checklist {"questions":"Which tool did I choose?\\nWhy that one?","title":"My tools"} /-->',
    { title: 'Block', date: dated(2) },
  );
  publish(
    '<p>This week was about taking part.</p>\n[thing_prompts programme="cpd23-2012" thing="12"]\n<p>My answers follow.</p>',
    { title: 'Shortcode', date: dated(3) },
  );
}

async function summaries(selector) {
  const context = await siteContext(browser);
  const page = await context.newPage();
  const log = watch(page);
  await page.goto(`${WP_URL}/`);
  await page.waitForLoadState('load');
  const texts = await page.locator(selector).allInnerTexts();
  const placeholders = await page.locator('.thing-prompts').count();
  await context.close();
  return { texts: texts.map((t) => t.replace(/\s+/g, ' ').trim()), log, placeholders };
}

function checkSummaries({ texts, log, placeholders }) {
  assert.equal(texts.length, 3, `three summaries: ${JSON.stringify(texts)}`);
  const [shortcode, block, snippet] = texts;
  assert.match(shortcode, /^This week was about taking part\. Thing 12: Putting the social into social media My answers follow\./, 'the shortcode gives its title');
  assert.match(block, /^Questions of my own this week\. My tools/, 'the block gives its heading');
  for (const text of [shortcode, block]) {
    for (const question of [...THING_12, 'Which tool did I choose?']) {
      assert.ok(!text.includes(question), `no question in a summary: ${text}`);
    }
  }
  // WordPress keeps a Custom HTML block in an excerpt but strips its tags (and its script): the
  // snippet's title and questions run together into one line, which the README says.
  assert.ok(
    snippet.startsWith(`Thing 12: Putting the social into social media ${THING_12[0]} ${THING_12[1]}`),
    `a pasted snippet's questions run together in the summary: ${snippet}`,
  );
  assert.equal(placeholders, 0, 'no placeholder on a page of summaries');
  assert.deepEqual(loaderRequests(log.requests), [], 'and no loader');
}

test('Twenty Twenty-Three\'s front page of summaries: the Thing\'s title, no questions, no script', async () => {
  resetSite('twentytwentythree');
  summaryPosts();
  checkSummaries(await summaries('.wp-block-post-excerpt__excerpt'));
});

test('Twenty Twenty-One\'s front page of summaries (its default): the same', async () => {
  resetSite('twentytwentyone', 'excerpt');
  summaryPosts();
  checkSummaries(await summaries('article .entry-content'));
});

test('a snippet pasted as raw HTML (classic editor, no blocks) runs together in a summary too', async () => {
  resetSite('twentytwentythree');
  publish(SNIPPET, { title: 'Classic editor snippet', author: 'admin' });
  const { texts } = await summaries('.wp-block-post-excerpt__excerpt');
  assert.equal(texts.length, 1);
  assert.ok(texts[0].startsWith(`Thing 12: Putting the social into social media ${THING_12[0]} ${THING_12[1].split(' ').slice(0, 3).join(' ')}`), texts[0]);
});

test('no PHP message from the plugin on these front pages', () => {
  assertNoPluginMessages(logStart, 'on the front pages');
});
