// Helpers shared by the WebDriver suites (tests/firefox/, tests/webkit/): reading the widgets of
// the page a selenium-webdriver session shows. Each takes the session through `pageHelpers`,
// so that a suite can swap sessions (a second device) and keep the same helpers.
import assert from 'node:assert/strict';
import { By } from 'selenium-webdriver';

function origin(name, fallback) {
  let value = process.env[name] || fallback;
  if (!value.endsWith('/')) value += '/';
  return value;
}

export const PAGE_ORIGIN = origin('PAGE_ORIGIN', 'http://127.0.0.1:8023/');
export const CPD23_2012_KEY = 'thing-prompts:v1:cpd23-2012';
export const WARN_PREFIX = '[thing-prompts]';

/** The demo pages and their placeholders' checkbox counts (null: any, for "this week's Thing"). */
export const PAGES = {
  'blogger-post.html': [5, null],
  'wordpress-front.html': [5, 4, 5],
  'inline-post.html': [4],
};
export const A = 0; // wordpress-front: inline Thing 12
export const B = 1; // wordpress-front: bundled Thing 11
export const C = 2; // wordpress-front: bundled Thing 12

// Selenium Manager (which downloads drivers and browsers) must never run: the driver is the one
// that xtask started (usingServer) and the browser Debian's, so selenium-webdriver has nothing to
// look up. Should a change ever make it try, it fails at once on this path instead of reaching
// for the network.
process.env.SE_MANAGER_PATH = '/nonexistent/selenium-manager-must-not-run';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns something truthy or `timeout` ms pass; returns the last value. */
export async function poll(check, { timeout = 2000, interval = 25 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value || Date.now() >= deadline) return value;
    await sleep(interval);
  }
}

/** The helpers for whichever session `current()` returns when they are called. */
export function pageHelpers(current) {
  /** Empties the page origin's localStorage, from a page of that origin without the widget. */
  async function clearStorage() {
    await current().get(PAGE_ORIGIN);
    await current().executeScript('localStorage.clear()');
  }

  /**
   * What each placeholder shows, read in the page: its shadow root's checklist and checkboxes.
   * With `approach`, it first scrolls to the first placeholder not mounted yet, as a reader would
   * (placeholders far below the fold mount only as they approach the viewport).
   */
  function shape(approach = false) {
    return current().executeScript(`
      if (arguments[0]) {
        const next = [...document.querySelectorAll('.thing-prompts')].find(
          (node) => !(node.shadowRoot && node.shadowRoot.querySelector('.tp')),
        );
        if (next) next.scrollIntoView({ block: 'nearest' });
      }
      return [...document.querySelectorAll('.thing-prompts')].map((node) => {
        const root = node.shadowRoot;
        return {
          shadow: !!root,
          tp: root ? root.querySelectorAll('.tp').length : 0,
          error: root ? root.querySelectorAll('.tp.error').length : 0,
          boxes: root ? root.querySelectorAll('input[type=checkbox]').length : 0,
        };
      });`, approach);
  }

  /**
   * Waits until each of `counts.length` placeholders shows a checklist, scrolling to those far
   * below the fold, then scrolls back to the top; returns their shapes.
   */
  async function waitMounted(counts, timeout = 15_000) {
    let last;
    const done = await poll(
      async () => {
        last = await shape(true);
        return last.length === counts.length && last.every((s) => s.tp > 0 && s.boxes > 0);
      },
      { timeout },
    );
    assert.ok(done, `all ${counts.length} placeholders mount within ${timeout} ms: ${JSON.stringify(last)}`);
    await current().executeScript('window.scrollTo(0, 0)');
    return last;
  }

  /**
   * Waits until every placeholder on the page, however many, shows its widget (a checklist or
   * an overview), scrolling to those far below the fold; returns their shapes.
   */
  async function waitEvery(timeout = 15_000) {
    let last;
    const done = await poll(
      async () => {
        last = await shape(true);
        return last.every((s) => s.tp > 0);
      },
      { timeout },
    );
    assert.ok(done, `every placeholder mounts within ${timeout} ms: ${JSON.stringify(last)}`);
    await current().executeScript('window.scrollTo(0, 0)');
    return last;
  }

  /** Opens a demo page (or any page on the page origin, given its placeholders' counts) and waits for its widgets. */
  async function open(name, counts = PAGES[name]) {
    await current().get(PAGE_ORIGIN + name);
    return waitMounted(counts);
  }

  /** Placeholder `n`'s shadow root, through WebDriver's Get Element Shadow Root. */
  async function widgetRoot(n) {
    const hosts = await current().findElements(By.css('.thing-prompts'));
    assert.ok(hosts.length > n, `placeholder ${n} exists`);
    return hosts[n].getShadowRoot();
  }

  async function checkboxes(n) {
    return (await widgetRoot(n)).findElements(By.css('input[type=checkbox]'));
  }

  /** The progress line's text as rendered, e.g. "1 of 5 answered". */
  async function statusLine(n) {
    const status = await (await widgetRoot(n)).findElement(By.css('.footer [role=status]'));
    return (await status.getText()).trim();
  }

  /** The checked state of placeholder `n`'s checkboxes, read through WebDriver's Get Element Property. */
  async function checkedStates(n) {
    const states = [];
    for (const box of await checkboxes(n)) states.push(await box.getProperty('checked'));
    return states;
  }

  /** The same, read by a script in the page (cheap enough to poll). */
  function checkedInPage(n) {
    return current().executeScript(
      `const node = document.querySelectorAll('.thing-prompts')[arguments[0]];
       return node && node.shadowRoot
         ? [...node.shadowRoot.querySelectorAll('input[type=checkbox]')].map((input) => input.checked)
         : null;`,
      n,
    );
  }

  function readStorage(key) {
    return current()
      .executeScript('return localStorage.getItem(arguments[0])', key)
      .then((text) => (text === null ? null : JSON.parse(text)));
  }

  return { clearStorage, shape, waitMounted, waitEvery, open, widgetRoot, checkboxes, statusLine, checkedStates, checkedInPage, readStorage };
}
