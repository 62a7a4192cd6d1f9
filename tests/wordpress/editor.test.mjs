// The block in the block editor: an Author finds "Thing Prompts checklist" in the inserter,
// picks a course and a Thing in the sidebar, sees the real widget as the preview (the server's
// rendering, as the post will show it), types questions of their own, and publishes; the
// published post is a working checklist. An Administrator reopens the post (screenshot).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, THING_12 } from '../browser/helpers.mjs';
import { wp, resetSite, siteContext, screenshot, mounted, logLines, assertNoPluginMessages, openEditor, blockSettings } from './wp.mjs';

let browser;
let logStart;
let published;
before(async () => {
  browser = await launch();
  logStart = logLines().length;
  resetSite();
});
after(async () => {
  await browser?.close();
});

/** Opens the block editor at `path` as `user`. */
function editor(user, path) {
  return openEditor(browser, user, path);
}

/** The preview's widget inside the block, once it has mounted. */
async function preview(page) {
  const host = page.locator('.thing-prompts-block-rendered .thing-prompts').first();
  await host.locator('.tp').first().waitFor({ state: 'attached', timeout: 15_000 });
  return host;
}

/** The preview's question texts, once they are `expected` (it is fetched again after each change). */
async function previewShows(page, expected) {
  await page.waitForFunction(
    (want) => {
      const host = document.querySelector('.thing-prompts-block-rendered .thing-prompts');
      const texts = host && host.shadowRoot ? [...host.shadowRoot.querySelectorAll('ul.prompts li .text')].map((n) => n.textContent) : [];
      return JSON.stringify(texts) === JSON.stringify(want);
    },
    expected,
    { timeout: 15_000 },
  );
}

test('an Author inserts the block, picks Thing 12, sees the widget as the preview, and publishes it', async () => {
  const { context, page, log } = await editor('author', '/wp-admin/post-new.php');
  assert.equal(
    await page.evaluate(() => wp.blocks.getBlockType('thing-prompts/checklist')?.title),
    'Thing Prompts checklist',
    'the block is registered in the editor with its title',
  );
  // block.json says apiVersion 3. WordPress 6.1 hands it to the editor as it is; its editor treats
  // every version above 1 alike (the block's own wrapper from useBlockProps) and iframes the post
  // editor's canvas for no version, so the block and its preview are in the page itself, where
  // the loader's ThingPrompts.scan() finds them. (WordPress 6.3 and later iframe the canvas
  // when every block is version 3; that is not what this WordPress does.)
  assert.equal(await page.evaluate(() => wp.blocks.getBlockType('thing-prompts/checklist')?.apiVersion), 3, 'apiVersion 3 in the editor');
  assert.equal(await page.locator('iframe[name="editor-canvas"]').count(), 0, 'WordPress 6.1 does not iframe the post editor');
  await page.getByRole('textbox', { name: 'Add title' }).fill('Thing 12 from the block editor');
  await page.getByRole('button', { name: 'Toggle block inserter' }).click();
  await page.getByPlaceholder('Search').fill('Thing Prompts');
  await page.getByRole('option', { name: 'Thing Prompts checklist' }).click();
  const sidebar = await blockSettings(page);
  await sidebar.getByLabel('Course', { exact: true }).selectOption('cpd23-2012');
  await sidebar.getByLabel('Thing', { exact: true }).selectOption('12');
  await preview(page);
  await previewShows(page, THING_12);
  const classes = ((await page.locator('.thing-prompts-block').first().getAttribute('class')) || '').split(/\s+/);
  assert.ok(
    classes.includes('wp-block-thing-prompts-checklist') && classes.includes('block-editor-block-list__block'),
    `the block's element is its own wrapper (useBlockProps), as with apiVersion 2: ${classes.join(' ')}`,
  );

  // Questions of one's own replace the course's in the preview, and back.
  const own = page.getByLabel('Your own questions, one per line');
  await own.fill('What did I try?\nWhat next?');
  await previewShows(page, ['What did I try?', 'What next?']);
  await own.fill('');
  await previewShows(page, THING_12);

  const content = await page.evaluate(() => wp.data.select('core/editor').getEditedPostContent());
  assert.equal(content, '<!-- wp:thing-prompts/checklist {"programme":"cpd23-2012","thing":"12"} /-->', 'the block saves its attributes only');
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.locator('.editor-post-publish-panel__header-publish-button').getByRole('button', { name: 'Publish' }).click();
  await page.waitForFunction(() => wp.data.select('core/editor').getCurrentPost().status === 'publish', null, { timeout: 15_000 });
  published = await page.evaluate(() => ({ id: wp.data.select('core/editor').getCurrentPostId(), url: wp.data.select('core/editor').getPermalink() }));
  assert.deepEqual(log.pageErrors, [], 'no page errors in the editor');
  await context.close();

  const reader = await siteContext(browser);
  const post = await reader.newPage();
  await post.goto(published.url);
  const host = await mounted(post);
  assert.deepEqual(await host.locator('ul.prompts li .text').allTextContents(), THING_12);
  await host.locator('input[type=checkbox]').nth(3).check();
  await post.reload();
  assert.equal(await (await mounted(post)).locator('input[type=checkbox]').nth(3).isChecked(), true, 'ticked after a reload');
  await reader.close();
});

test('an Administrator reopens the Author\'s post: the block and its preview as saved', async () => {
  assert.ok(published, 'the previous test published a post');
  // The Author has left the editor (their lock on the post would otherwise ask "Take over?").
  wp('unlock', String(published.id));
  const { context, page, log } = await editor('admin', `/wp-admin/post.php?post=${published.id}&action=edit`);
  await page.locator('.thing-prompts-block-title').click();
  const sidebar = await blockSettings(page);
  assert.equal(await sidebar.getByLabel('Thing', { exact: true }).inputValue(), '12', 'the sidebar shows the saved Thing');
  await preview(page);
  await previewShows(page, THING_12);
  await page.waitForTimeout(300);
  await screenshot(page, 'block-editor');
  assert.deepEqual(log.pageErrors, [], 'no page errors in the editor');
  await context.close();
});

test('no PHP message from the plugin in the block editor', () => {
  assertNoPluginMessages(logStart, 'in the block editor');
});
