// Shared helpers for the WordPress tests: the site that `cargo xtask test` started
// (xtask/src/site/wordpress.rs), its command-line tool (wp.php), logging in, watching its PHP log.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { watch } from '../browser/helpers.mjs';

/** The site's address, without a trailing `/`. */
export const WP_URL = (process.env.THING_PROMPTS_WP_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
/** The password of both users: `admin` (Administrator) and `author` (Author). */
export const PASSWORD = process.env.WP_PASSWORD || '';
/** PHP's error log and WordPress's debug log (one file). */
export const LOG = process.env.WP_LOG || '';
/** The site's wp-content folder, and the plugin as unzipped from the release zip. */
export const CONTENT = process.env.THING_PROMPTS_WP_CONTENT || '';
export const PLUGIN_DIR = join(CONTENT, 'plugins', 'thing-prompts');
/** dist/, where the zip and the widget files it ships came from. */
export const DIST = process.env.WP_DIST || new URL('../../dist/', import.meta.url).pathname;
const TOOL = new URL('./wp.php', import.meta.url).pathname;

/** Runs tests/wordpress/wp.php and returns its JSON answer. */
export function wp(...args) {
  const out = execFileSync('php', ['-d', 'error_reporting=-1', '-d', 'display_errors=stderr', TOOL, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return JSON.parse(out);
}

/** Publishes a post as `author` (default: the Author), through kses as a real one would. */
export function publish(content, { title = 'A post', author = 'author', date } = {}) {
  return wp('post', JSON.stringify({ content, title, author, ...(date ? { date } : {}) }));
}

/**
 * A fresh start for a test file: plugin active, settings at their defaults, the site in English
 * (i18n.test.mjs switches it to other languages), no posts, `theme`.
 */
export function resetSite(theme = 'twentytwentythree', display) {
  wp('plugin', 'activate');
  wp('option', 'delete', 'thing_prompts_options');
  wp('option', 'delete', 'WPLANG');
  wp('clear-posts');
  wp('theme', theme, ...(display ? [display] : []));
}

/**
 * A browser context that reaches the test site only: any request elsewhere (there is no network
 * here anyway) is aborted at once instead of hanging.
 */
export async function siteContext(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const origin = new URL(WP_URL).origin;
  await context.route(
    (url) => !['data:', 'blob:'].includes(url.protocol) && url.origin !== origin,
    (route) => route.abort(),
  );
  return context;
}

/**
 * Logs `user` in through wp-login.php, as a person would. The login page focuses a field 200 ms
 * after it loads, and may empty the password field as it does so: a password typed before then is
 * lost ("The password field is empty", seen once in CI). So the form is filled once that focus has
 * happened. WordPress answers a login it refuses with the form again and a `#login_error` box, whose
 * text a failure reports; the form is sent once more then. A wrong password still fails, in
 * WordPress's own words, with a screenshot (login-refused.png) beside the other screenshots.
 */
export async function logIn(page, user) {
  const to = `${WP_URL}/wp-admin/profile.php`;
  const arrived = (url) => url.pathname === '/wp-admin/profile.php';
  let refused = '';
  for (let attempt = 1; attempt <= 2; attempt += 1) {
    await page.goto(`${WP_URL}/wp-login.php?redirect_to=${encodeURIComponent(to)}`);
    await page
      .waitForFunction(() => ['user_login', 'user_pass'].includes(document.activeElement?.id), null, { timeout: 3000 })
      .catch(() => {});
    await page.fill('#user_login', user);
    await page.fill('#user_pass', PASSWORD);
    await page.click('#wp-submit');
    const outcome = await Promise.race([
      page.waitForURL(arrived, { timeout: 30_000 }).then(() => 'in', () => 'timeout'),
      page.locator('#login_error').waitFor({ timeout: 30_000 }).then(() => 'refused', () => 'timeout'),
    ]);
    if (outcome === 'in' || arrived(new URL(page.url()))) return;
    refused = outcome === 'refused' ? (await page.locator('#login_error').innerText()).trim() : 'no answer in 30 s';
    console.log(`# login as ${user}, attempt ${attempt}: ${refused}`);
  }
  await screenshot(page, 'login-refused');
  throw new Error(`WordPress did not log ${user} in (twice): ${refused}`);
}

/** The lines of the PHP log so far. */
export function logLines() {
  try {
    return readFileSync(LOG, 'utf8').split('\n').filter((line) => line.trim() !== '');
  } catch {
    return [];
  }
}

/** A log line without its timestamp, to compare messages. */
export function message(line) {
  return line.replace(/^\[[^\]]*\]\s*/, '');
}

/** Log lines after the first `since`, whose message is not one of `known` (messages from WordPress itself). */
export function newMessages(since, known = new Set()) {
  return logLines()
    .slice(since)
    .filter((line) => !known.has(message(line)));
}

/** Log lines that name the plugin (its files, functions, handles or block). */
export function pluginMessages(lines) {
  return lines.filter((line) => /thing[-_]prompts/i.test(line));
}

/** Asserts that the log has no line naming the plugin after line `since`. */
export function assertNoPluginMessages(since, what) {
  assert.deepEqual(pluginMessages(logLines().slice(since)), [], `no PHP message from the plugin ${what}`);
}

/** Saves a screenshot as target/wordpress/screenshots/<name>.png and returns its path. */
export async function screenshot(target, name) {
  const dir = process.env.WP_SCREENSHOTS || new URL('../../target/wordpress/screenshots/', import.meta.url).pathname;
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await target.screenshot({ path });
  return path;
}

/** Every request for the loader among `requests` (URLs). */
export function loaderRequests(requests) {
  return requests.filter((url) => new URL(url).pathname.endsWith('/thing-prompts.js'));
}

/** Waits until placeholder `n` (0-based) has mounted: its shadow root holds the widget's `.tp`. */
export async function mounted(page, n = 0, timeout = 15_000) {
  const host = page.locator('.thing-prompts').nth(n);
  await host.evaluate((node) => node.scrollIntoView({ block: 'nearest' }));
  await host.locator('.tp').first().waitFor({ state: 'attached', timeout });
  return host;
}

/**
 * Opens the block editor at `path` (such as `/wp-admin/post-new.php`) as `user`, in a new context
 * of `browser`, the welcome guide closed; returns the context, the page and what it logged.
 */
export async function openEditor(browser, user, path) {
  const context = await siteContext(browser, { viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  const log = watch(page);
  await logIn(page, user);
  await page.goto(`${WP_URL}${path}`);
  await page.waitForFunction(() => window.wp && wp.blocks && wp.data && wp.data.select('core/editor'), null, { timeout: 30_000 });
  await page.evaluate(() => {
    if (wp.data.select('core/edit-post').isFeatureActive('welcomeGuide')) wp.data.dispatch('core/edit-post').toggleFeature('welcomeGuide');
  });
  return { context, page, log };
}

/**
 * The block settings in the editor's sidebar (opened if closed). The toolbar's button is named by
 * the editor's JavaScript, which WordPress 6.1 from Debian leaves in English on a French site
 * (wordpress-l10n ships no JSON translations): either name is accepted.
 */
export async function blockSettings(page) {
  const gear = page.getByRole('button', { name: /^(Settings|Réglages|Einstellungen|Ajustes)$/ }).first();
  if ((await gear.getAttribute('aria-pressed')) !== 'true') await gear.click();
  return page.locator('.block-editor-block-inspector');
}
