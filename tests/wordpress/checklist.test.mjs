// An Author's posts with the shortcode and with the block's saved markup become working
// checklists in a block theme (Twenty Twenty-Three) and a classic one (Twenty Twenty-One):
// tick, reload, still ticked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, watch, quiet, THING_12, CPD23_2012_KEY } from '../browser/helpers.mjs';
import { publish, resetSite, siteContext, logLines, assertNoPluginMessages, screenshot, loaderRequests, mounted } from './wp.mjs';

let browser;
let logStart;
before(async () => {
  browser = await launch();
  logStart = logLines().length;
});
after(async () => {
  await browser?.close();
});

function texts(host) {
  return host.locator('ul.prompts li .text').allTextContents();
}

function boxes(host) {
  return host.locator('input[type=checkbox]');
}

/** Opens `url` in a fresh context; returns the page and what it logged. */
async function open(url) {
  const context = await siteContext(browser);
  const page = await context.newPage();
  const log = watch(page);
  await page.goto(url);
  return { context, page, log };
}

for (const theme of ['twentytwentythree', 'twentytwentyone']) {
  const kind = theme === 'twentytwentythree' ? 'block theme' : 'classic theme';

  test(`${theme} (${kind}): the shortcode with a bundled Thing is a checklist that keeps its ticks`, async () => {
    resetSite(theme);
    const post = publish(
      '<p>This week was about taking part rather than reading.</p>\n[thing_prompts programme="cpd23-2012" thing="12"]\n<p>My answers are below.</p>',
      { title: 'Thing 12: being social' },
    );
    const { context, page, log } = await open(post.url);
    const host = await mounted(page);
    assert.deepEqual(await texts(host), THING_12, 'the five questions of Thing 12');
    await boxes(host).nth(1).check();
    await assert.doesNotReject(host.getByText('1 of 5 answered').waitFor({ timeout: 5000 }));
    await screenshot(host, `shortcode-${theme}`);
    await page.setViewportSize({ width: 1280, height: 1150 });
    await page.getByText('This week was about taking part').scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -160));
    await screenshot(page, `shortcode-${theme}-page`);
    await page.reload();
    const again = await mounted(page);
    assert.deepEqual(
      await boxes(again).evaluateAll((inputs) => inputs.map((input) => input.checked)),
      [false, true, false, false, false],
      'the tick is still there after a reload',
    );
    const stored = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), CPD23_2012_KEY));
    assert.equal(Object.keys(stored.things['12'] || {}).length, 1, 'one tick stored under cpd23-2012, Thing 12');
    assert.equal(loaderRequests(log.requests).length, 2, 'the loader once per page load (two loads)');
    quiet(log);
    await context.close();
  });

  test(`${theme} (${kind}): the shortcode with the author's own questions, one per line or as a list`, async () => {
    resetSite(theme);
    const post = publish(
      [
        '[thing_prompts title="My own questions"]',
        'What did I try this week?',
        'What would I do differently next time?',
        '[/thing_prompts]',
        '',
        '<p>And a list:</p>',
        '[thing_prompts]<ul><li>Who did I meet?</li><li>What will I follow up?</li></ul>[/thing_prompts]',
      ].join('\n'),
      { title: 'Questions of my own' },
    );
    const { context, page, log } = await open(post.url);
    const first = await mounted(page, 0);
    const second = await mounted(page, 1);
    assert.deepEqual(await texts(first), ['What did I try this week?', 'What would I do differently next time?']);
    assert.match(await first.locator('.tp').first().innerText(), /My own questions/, 'the title attribute is the heading');
    assert.deepEqual(await texts(second), ['Who did I meet?', 'What will I follow up?']);
    await boxes(second).nth(0).check();
    await page.reload();
    const reloaded = await mounted(page, 1);
    assert.equal(await boxes(reloaded).nth(0).isChecked(), true, 'the tick is still there after a reload');
    assert.equal(loaderRequests(log.requests).length, 2, 'one loader per page load for two shortcodes');
    quiet(log);
    await context.close();
  });

  test(`${theme} (${kind}): the block's saved markup, bundled and with its own questions, keeps its ticks`, async () => {
    resetSite(theme);
    const post = publish(
      [
        '<!-- wp:paragraph -->\n<p>Two checklists from the block.</p>\n<!-- /wp:paragraph -->',
        '<!-- wp:thing-prompts/checklist {"programme":"cpd23-2012","thing":"12"} /-->',
        '<!-- wp:thing-prompts/checklist {"questions":"Which tool did I choose?\\nWhy that one?","title":"My tools"} /-->',
      ].join('\n\n'),
      { title: 'Blocks' },
    );
    const { context, page, log } = await open(post.url);
    const bundled = await mounted(page, 0);
    const own = await mounted(page, 1);
    assert.deepEqual(await texts(bundled), THING_12);
    assert.deepEqual(await texts(own), ['Which tool did I choose?', 'Why that one?']);
    await boxes(bundled).nth(4).check();
    await boxes(own).nth(1).check();
    await page.reload();
    const [b, o] = [await mounted(page, 0), await mounted(page, 1)];
    assert.equal(await boxes(b).nth(4).isChecked(), true, 'the bundled Thing keeps its tick');
    assert.equal(await boxes(o).nth(1).isChecked(), true, 'the own questions keep theirs');
    quiet(log);
    await context.close();
  });
}

test('an Author\'s pasted <script> is stripped on saving (why the plugin exists)', () => {
  resetSite();
  const post = publish('<div class="thing-prompts" data-programme="cpd23-2012" data-thing="12"></div>\n<script src="/thing-prompts.js" async></script>');
  assert.doesNotMatch(post.content, /<script/i, 'kses removed the script tag from the Author\'s post');
  assert.match(post.content, /class="thing-prompts"/, 'the placeholder itself stays');
});

test('no PHP message from the plugin while these pages were served', () => {
  assertNoPluginMessages(logStart, 'while serving the checklists');
});
