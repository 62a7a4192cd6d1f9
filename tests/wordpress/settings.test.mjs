// Settings → Thing Prompts: only those who may manage options reach it, the form needs its nonce,
// what is saved is sanitized and what is shown is escaped; the posts follow the settings; and
// uninstalling removes the plugin's option and nothing else.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, watch } from '../browser/helpers.mjs';
import { WP_URL, wp, publish, resetSite, siteContext, logIn, logLines, screenshot, assertNoPluginMessages } from './wp.mjs';

const SETTINGS = `${WP_URL}/wp-admin/options-general.php?page=thing-prompts`;

let browser;
let logStart;
before(async () => {
  browser = await launch();
  logStart = logLines().length;
});
after(async () => {
  await browser?.close();
});

function option() {
  return wp('option', 'get', 'thing_prompts_options').value;
}

async function loggedIn(user) {
  const context = await siteContext(browser);
  const page = await context.newPage();
  const log = watch(page);
  await logIn(page, user);
  return { context, page, log };
}

/** A post request to options.php as the page's user, with these form fields. */
async function postOptions(page, fields) {
  const response = await page.request.post(`${WP_URL}/wp-admin/options.php`, { form: fields, maxRedirects: 0 });
  return { status: response.status(), text: await response.text() };
}

test('an Author can neither open the settings screen nor save its option', async () => {
  resetSite();
  const { context, page } = await loggedIn('author');
  await page.goto(SETTINGS);
  assert.match(await page.locator('body').innerText(), /Sorry, you are not allowed to access this page/);
  assert.equal(await page.locator('#menu-settings').count(), 0, 'no Settings menu for an Author');
  const sent = await postOptions(page, {
    option_page: 'thing_prompts',
    action: 'update',
    _wpnonce: 'made-up',
    'thing_prompts_options[host]': 'url',
    'thing_prompts_options[host_url]': 'https://evil.example/',
  });
  assert.notEqual(sent.status, 302, 'not saved (no redirect back to the form)');
  assert.equal(option(), null, 'the option was not written');
  await context.close();
});

test('the settings form without its nonce is refused, even for an Administrator', async () => {
  resetSite();
  const { context, page } = await loggedIn('admin');
  const sent = await postOptions(page, {
    option_page: 'thing_prompts',
    action: 'update',
    'thing_prompts_options[host]': 'url',
    'thing_prompts_options[host_url]': 'https://evil.example/',
  });
  assert.notEqual(sent.status, 302, 'not saved');
  assert.match(sent.text, /The link you followed has expired|Are you sure you want to do this/);
  assert.equal(option(), null, 'the option was not written');
  await context.close();
});

test('an Administrator sets another host, a default course and language: posts follow; a javascript: host is refused', async () => {
  resetSite();
  const post = publish('[thing_prompts thing="1"]');
  const { context, page, log } = await loggedIn('admin');
  await page.goto(`${WP_URL}/wp-admin/options-general.php`);
  await page.locator('#menu-settings').getByRole('link', { name: 'Thing Prompts' }).click();
  await page.getByRole('heading', { name: 'Thing Prompts' }).waitFor();
  await screenshot(page, 'settings');
  // The languages offered are the plugin's list, which cargo xtask translations writes from the
  // core's (core/src/languages.rs), after the choice to follow the post.
  const php = await readFile(new URL('../../wordpress/thing-prompts/includes/languages.php', import.meta.url), 'utf8');
  const listed = [...php.matchAll(/^\t'([^']+)' *=> '([^']*)',$/gm)].map(([, value, label]) => ({ value, label }));
  assert.ok(listed.length >= 4, `includes/languages.php lists the languages: ${php}`);
  const offered = await page.getByLabel('Language of the buttons').locator('option').evaluateAll((options) => options.map((o) => ({ value: o.value, label: o.textContent.trim() })));
  assert.deepEqual(offered, [{ value: '', label: 'The language of the post or the site' }, ...listed]);
  await page.getByLabel('Another host, at this address:').check();
  await page.getByLabel('Address of the widget files').fill('https://cdn.example.org/thing-prompts@0.1.0/thing-prompts.js');
  await page.getByLabel('Default course').selectOption('cpd23-2011');
  await page.getByLabel('Language of the buttons').selectOption('fr');
  await page.getByRole('button', { name: 'Save Changes' }).click();
  await page.getByText('Settings saved.').waitFor();
  assert.deepEqual(option(), {
    host: 'url',
    host_url: 'https://cdn.example.org/thing-prompts@0.1.0/',
    default_programme: 'cpd23-2011',
    default_lang: 'fr',
  });
  const html = await (await fetch(post.url)).text();
  assert.match(html, /<div class="thing-prompts" data-programme="cpd23-2011" data-thing="1" data-lang="fr">/, 'the default course and language');
  assert.match(html, /<script async src='https:\/\/cdn\.example\.org\/thing-prompts@0\.1\.0\/thing-prompts\.js' id='thing-prompts-js'><\/script>/, 'the loader from the other host');

  await page.getByLabel('Address of the widget files').fill('javascript:alert(document.domain)//');
  await page.getByRole('button', { name: 'Save Changes' }).click();
  await page.getByText('The widget host must be an http:// or https:// address').waitFor();
  assert.equal(option().host, 'bundled', 'refused: the bundled copy again');
  assert.equal(option().host_url, '');
  const again = await (await fetch(post.url)).text();
  assert.match(again, /src='[^']*\/wp-content\/plugins\/thing-prompts\/widget\/thing-prompts\.js\?ver=[0-9a-f]{12}'/, 'the bundled loader');
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('settings stored behind the form\'s back are escaped on the screen and checked again on use', async () => {
  resetSite();
  wp(
    'option',
    'set',
    'thing_prompts_options',
    JSON.stringify({
      host: 'url',
      host_url: 'https://cdn.example.org/"><script>window.__pwned=1</script>',
      default_programme: '"><script>window.__pwned=2</script>',
      default_lang: '"><script>window.__pwned=3</script>',
    }),
  );
  const post = publish('[thing_prompts thing="12"]');
  const { context, page } = await loggedIn('admin');
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  await page.goto(SETTINGS);
  await page.getByRole('heading', { name: 'Thing Prompts' }).waitFor();
  assert.equal(await page.getByLabel('Address of the widget files').inputValue(), 'https://cdn.example.org/"><script>window.__pwned=1</script>', 'shown as the field\'s text');
  await page.goto(post.url);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing ran');
  assert.deepEqual(dialogs, []);
  const html = await (await fetch(post.url)).text();
  assert.doesNotMatch(html, /__pwned=1<\/script>|<script>window\.__pwned/, 'no stored value reaches a page as markup');
  assert.doesNotMatch(html, /data-programme="&quot;/, 'an invalid default course is not used');
  await context.close();
});

test('uninstalling removes the plugin\'s option and nothing else', () => {
  resetSite();
  wp('option', 'set', 'thing_prompts_options', JSON.stringify({ host: 'bundled', host_url: '', default_programme: 'cpd23-2011', default_lang: '' }));
  wp('plugin', 'deactivate');
  const before = wp('option-names');
  assert.ok(before.includes('thing_prompts_options'));
  wp('uninstall');
  const after = wp('option-names');
  assert.deepEqual(after, before.filter((name) => name !== 'thing_prompts_options'));
  wp('plugin', 'activate');
});

test('no PHP message from the plugin on the settings screens', () => {
  assertNoPluginMessages(logStart, 'on the settings screens');
});
