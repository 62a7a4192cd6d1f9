// The plugin as a site gets it: every PHP file parses, the release zip ships the widget files
// (so the site serves them itself), and it activates and deactivates from the Plugins screen
// without a PHP message in the server's log (E_ALL, WP_DEBUG, WP_DEBUG_LOG).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { launch, watch } from '../browser/helpers.mjs';
import { WP_URL, DIST, PLUGIN_DIR, wp, publish, resetSite, siteContext, logIn, logLines, message, pluginMessages } from './wp.mjs';

const REPO_PLUGIN = new URL('../../wordpress/thing-prompts/', import.meta.url).pathname;

function filesUnder(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(path));
    else found.push(path);
  }
  return found.sort();
}

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('php -l passes on every PHP file of the plugin, in the repository and as unzipped from the release', () => {
  const files = [...filesUnder(REPO_PLUGIN), ...filesUnder(PLUGIN_DIR)].filter((file) => file.endsWith('.php'));
  assert.ok(files.length >= 12, `the plugin's PHP files, twice (found ${files.length})`);
  const failures = [];
  for (const file of files) {
    try {
      const out = execFileSync('php', ['-l', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      if (!/No syntax errors detected/.test(out)) failures.push(`${file}: ${out}`);
    } catch (error) {
      failures.push(`${file}: ${error.stdout || ''}${error.stderr || ''}`);
    }
  }
  assert.deepEqual(failures, []);
});

test('the release zip holds the plugin as in the repository and the widget files of dist/', () => {
  const installed = filesUnder(PLUGIN_DIR).map((file) => relative(PLUGIN_DIR, file));
  const own = filesUnder(REPO_PLUGIN).map((file) => relative(REPO_PLUGIN, file));
  const widget = [
    'thing-prompts.js',
    'thing-prompts-wasm.js',
    'thing-prompts-wasm_bg.wasm',
    'thing-prompts-full.js',
    'thing-prompts-full_bg.wasm',
    // Each bundled programme, whole and one file per Thing (a page pinning one Thing fetches its file).
    ...['cpd23-2011', 'cpd23-2012'].flatMap((id) => [
      `programmes/${id}.json`,
      ...readdirSync(join(DIST, 'programmes', id)).map((file) => `programmes/${id}/${file}`),
    ]),
  ];
  assert.ok(widget.includes('programmes/cpd23-2012/12.json'), 'Thing 12 has its own file');
  assert.deepEqual(installed, [...own, ...widget.map((file) => `widget/${file}`)].sort(), 'exactly these files');
  for (const file of own) {
    assert.ok(readFileSync(join(PLUGIN_DIR, file)).equals(readFileSync(join(REPO_PLUGIN, file))), `${file} as in the repository`);
  }
  for (const file of widget) {
    assert.ok(readFileSync(join(PLUGIN_DIR, 'widget', file)).equals(readFileSync(join(DIST, file))), `widget/${file} as in dist/`);
  }
  const zip = process.env.WP_ZIP ?? '';
  assert.match(zip, /\/release\/[^/]+\/thing-prompts-wordpress-[^/]+\.zip$/, 'the site was given the release zip');
  assert.ok(statSync(zip).size > 100_000, 'the zip is in release/<version>/');
});

test('the site serves the bundled widget files itself, with the types browsers need', async () => {
  const base = `${WP_URL}/wp-content/plugins/thing-prompts/widget/`;
  for (const [file, type] of [
    ['thing-prompts.js', /javascript/],
    ['thing-prompts-wasm.js', /javascript/],
    ['thing-prompts-wasm_bg.wasm', /^application\/wasm/],
    ['programmes/cpd23-2012.json', /^application\/json/],
  ]) {
    const response = await fetch(base + file);
    assert.equal(response.status, 200, file);
    assert.match(response.headers.get('content-type') || '', type, file);
  }
});

test('it activates, deactivates and activates again from the Plugins screen without a PHP message', async () => {
  resetSite();
  wp('plugin', 'deactivate');
  const post = publish('[thing_prompts programme="cpd23-2012" thing="3"]');
  const context = await siteContext(browser);
  const page = await context.newPage();
  const log = watch(page);
  await logIn(page, 'admin');

  // What WordPress 6.1 itself logs on these screens under PHP 8.2 (deprecations in its bundled
  // libraries) is known before the plugin runs at all.
  const start = logLines().length;
  await page.goto(`${WP_URL}/wp-admin/plugins.php`);
  await page.goto(post.url);
  const known = new Set(logLines().slice(start).map(message));

  const since = logLines().length;
  await page.goto(`${WP_URL}/wp-admin/plugins.php`);
  const row = page.locator('tr[data-slug="thing-prompts"]');
  await row.getByRole('link', { name: /^Activate/ }).click();
  await page.getByText('Plugin activated.').waitFor();
  await page.goto(post.url);
  await page.locator('.thing-prompts .tp').first().waitFor({ state: 'attached', timeout: 15_000 });
  await page.goto(`${WP_URL}/wp-admin/options-general.php?page=thing-prompts`);
  await page.getByRole('heading', { name: 'Thing Prompts' }).waitFor();
  await page.goto(`${WP_URL}/wp-admin/plugins.php`);
  await row.getByRole('link', { name: /^Deactivate/ }).click();
  await page.getByText('Plugin deactivated.').waitFor();
  await page.goto(post.url);
  assert.equal(await page.locator('.thing-prompts').count(), 0, 'deactivated: no placeholder');
  assert.match(await page.locator('body').innerText(), /\[thing_prompts programme=.cpd23-2012. thing=.3.\]/, 'deactivated: the shortcode shows as written (texturized)');
  await page.goto(`${WP_URL}/wp-admin/plugins.php`);
  await row.getByRole('link', { name: /^Activate/ }).click();
  await page.getByText('Plugin activated.').waitFor();

  const lines = logLines().slice(since);
  assert.deepEqual(pluginMessages(lines), [], 'no PHP message names the plugin');
  assert.deepEqual(
    lines.filter((line) => !known.has(message(line))),
    [],
    'no PHP message beyond what WordPress itself logs on these screens',
  );
  assert.deepEqual(log.pageErrors, [], 'no page errors');
  await context.close();
});
