// The reader's core flow in Firefox ESR, driven over W3C WebDriver (selenium-webdriver and
// geckodriver): every placeholder mounts and hides its static copy, a tick survives a reload,
// widgets on one page follow each other, another tab follows within a moment, and nothing is
// logged on the way (WebDriver BiDi's log). One Firefox (one fresh profile) for this file; each
// test starts with empty localStorage.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { Browser, Builder, By, Capability, LogInspector } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import { A, B, C, CPD23_2012_KEY, PAGES, WARN_PREFIX, pageHelpers, poll, sleep } from '../webdriver/helpers.mjs';

/** The five Thing 12 questions of cpd23-2012, as the programme file has them. */
const THING_12 = [
  'How much of the social do you put into your social media: do you join conversations, or mostly read without replying?',
  'Do you keep to people from your own sector, or look for people who work in other parts of the profession?',
  'If you hold back from taking part, what do you think holds you back?',
  'Find a fellow participant who works in a different sector, read their blog and leave a comment or a question on one of their posts.',
  'Has the course put you in touch with people you would otherwise never have met?',
];

/** Preferences for a quiet, offline-safe Firefox: no first-run pages, updates, telemetry or probes. */
const QUIET_PREFS = {
  'browser.shell.checkDefaultBrowser': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'toolkit.telemetry.enabled': false,
  'app.update.enabled': false,
  'app.update.auto': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'extensions.update.enabled': false,
  'browser.search.update': false,
  'browser.newtabpage.enabled': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'app.normandy.enabled': false,
};

/** WebDriver BiDi `log.entryAdded` entries, in order: `{ type, level, text, ... }`. */
const log = [];

/** Firefox through the running geckodriver at $GECKODRIVER_URL, with the BiDi log collected from the start. */
async function startFirefox() {
  const options = new firefox.Options()
    .setBinary(process.env.FIREFOX || '/usr/bin/firefox-esr')
    .addArguments('-headless')
    .enableBidi();
  for (const [name, value] of Object.entries(QUIET_PREFS)) options.setPreference(name, value);
  options.set(Capability.TIMEOUTS, { script: 10_000, pageLoad: 30_000, implicit: 0 });
  const started = await new Builder()
    .disableEnvironmentOverrides()
    .forBrowser(Browser.FIREFOX)
    .setFirefoxOptions(options)
    .usingServer(process.env.GECKODRIVER_URL || 'http://127.0.0.1:4444')
    .build();
  try {
    // Every console message and uncaught error of every page (`type` 'console' or 'javascript').
    await (await LogInspector(started)).onLog((entry) => log.push(entry));
  } catch (error) {
    await started.quit().catch(() => {});
    throw error;
  }
  return started;
}

let driver;
let firstWindow;

before(async () => {
  driver = await startFirefox();
  firstWindow = await driver.getWindowHandle();
});

after(async () => {
  await driver?.quit();
});

// A clean start for each test: one window, on the page origin, with nothing stored.
beforeEach(async () => {
  for (const handle of await driver.getAllWindowHandles()) {
    if (handle === firstWindow) continue;
    await driver.switchTo().window(handle);
    await driver.close();
  }
  await driver.switchTo().window(firstWindow);
  await clearStorage();
});

const { clearStorage, waitMounted, open, widgetRoot, checkboxes, statusLine, checkedStates, checkedInPage, readStorage } =
  pageHelpers(() => driver);

/** Log entries that say something went wrong: uncaught errors, console errors and warnings, our prefix. */
function problems(entries) {
  return entries
    .filter((e) => e.type === 'javascript' || e.level === 'error' || e.level === 'warn' || String(e.text).startsWith(WARN_PREFIX))
    .map((e) => `${e.type}/${e.level}: ${e.text}`);
}

test('every placeholder on the three demo pages mounts in an open shadow root and hides its static copy', async () => {
  for (const [name, counts] of Object.entries(PAGES)) {
    const shapes = await open(name);
    const hosts = await driver.findElements(By.css('.thing-prompts'));
    assert.equal(hosts.length, counts.length, `${name}: ${counts.length} placeholders`);
    for (const [n, expected] of counts.entries()) {
      const where = `${name} placeholder ${n}`;
      assert.equal(shapes[n].shadow, true, `${where}: element.shadowRoot is set (an open shadow root)`);
      assert.equal(shapes[n].error, 0, `${where}: a checklist, not an error box`);
      // The same through WebDriver: Get Element Shadow Root, then find inside it.
      const root = await hosts[n].getShadowRoot();
      assert.equal((await root.findElements(By.css('.tp'))).length, 1, `${where}: one .tp in its shadow root`);
      const boxes = await root.findElements(By.css('input[type=checkbox]'));
      if (expected === null) assert.ok(boxes.length > 0, `${where}: some checkboxes`);
      else assert.equal(boxes.length, expected, `${where}: ${expected} checkboxes`);
      for (const box of boxes) assert.equal(await box.isDisplayed(), true, `${where}: its checkboxes are displayed`);

      // The static copy (the placeholder's own children: <p>, <ol>, <ul>) stays in the DOM but is not rendered.
      const children = await hosts[n].findElements(By.css(':scope > *'));
      for (const child of children) {
        const tag = await child.getTagName();
        assert.equal(await child.isDisplayed(), false, `${where}: its static <${tag}> is not displayed`);
        assert.equal(
          await driver.executeScript('return arguments[0].getClientRects().length', child),
          0,
          `${where}: its static <${tag}> has no client rects`,
        );
      }
    }
  }
  // The pages' static copies really are there (so the check above checked something).
  await open('wordpress-front.html');
  const staticTexts = await driver.executeScript(
    "return [...document.querySelectorAll('.thing-prompts > p')].map((p) => p.textContent)",
  );
  assert.equal(staticTexts.length, 3, 'each wordpress placeholder has a static <p>');
  assert.match(staticTexts[0], /Thing 12: Putting the social into social media/);
  assert.equal(
    await driver.executeScript("return document.querySelectorAll('.thing-prompts > ol > li').length"),
    5,
    "post A's static list is still in the light DOM",
  );

  // And the post on the Blogger page shows Thing 12's questions, untouched.
  await open('blogger-post.html');
  const texts = [];
  for (const span of await (await widgetRoot(0)).findElements(By.css('ul.prompts li .text'))) texts.push(await span.getText());
  assert.deepEqual(texts, THING_12);
  assert.equal(await statusLine(0), '0 of 5 answered');
});

test('a tick made with a real click survives a reload, and so does an untick', async () => {
  await open('blogger-post.html');
  const boxes = await checkboxes(0);
  assert.equal(boxes.length, 5);
  assert.equal(await boxes[2].getProperty('checked'), false);
  await boxes[2].click();
  assert.equal(await boxes[2].getProperty('checked'), true, 'the clicked checkbox is checked');
  assert.equal(await statusLine(0), '1 of 5 answered');
  assert.deepEqual(await checkedStates(0), [false, false, true, false, false], 'only its question is ticked');

  const stored = await readStorage(CPD23_2012_KEY);
  assert.ok(stored, `localStorage has ${CPD23_2012_KEY}`);
  assert.equal(stored.version, 1);
  const thing12 = stored.things && stored.things['12'];
  assert.ok(thing12, 'the tick is kept under Thing 12');
  assert.equal(Object.values(thing12).filter((entry) => entry.done === true).length, 1);

  await driver.navigate().refresh();
  await waitMounted(PAGES['blogger-post.html']);
  assert.deepEqual(await checkedStates(0), [false, false, true, false, false], 'still ticked after the reload');
  assert.equal(await statusLine(0), '1 of 5 answered');

  // Untick, reload: it stays unticked.
  await (await checkboxes(0))[2].click();
  assert.equal(await statusLine(0), '0 of 5 answered');
  await driver.navigate().refresh();
  await waitMounted(PAGES['blogger-post.html']);
  assert.deepEqual(await checkedStates(0), [false, false, false, false, false], 'still unticked after the reload');
  assert.equal(await statusLine(0), '0 of 5 answered');
});

test('on the WordPress page, ticking in post C ticks the same question in post A at once, and back', async () => {
  await open('wordpress-front.html');
  assert.deepEqual(await checkedInPage(A), [false, false, false, false, false]);

  // C → A: read straight after the click returns, no waiting.
  await (await checkboxes(C))[0].click();
  assert.deepEqual(await checkedInPage(C), [true, false, false, false, false]);
  assert.deepEqual(await checkedInPage(A), [true, false, false, false, false], 'post A follows post C at once');
  assert.equal(await statusLine(A), '1 of 5 answered');
  assert.equal(await statusLine(C), '1 of 5 answered');

  // A → C.
  await (await checkboxes(A))[3].click();
  assert.deepEqual(await checkedInPage(C), [true, false, false, true, false], 'post C follows post A at once');
  assert.equal(await statusLine(C), '2 of 5 answered');

  // Unticking in A unticks in C.
  await (await checkboxes(A))[0].click();
  assert.deepEqual(await checkedInPage(C), [false, false, false, true, false]);
  assert.equal(await statusLine(C), '1 of 5 answered');

  // Thing 11 in post B is untouched, and ticking it reaches neither A nor C.
  assert.equal(await statusLine(B), '0 of 4 answered');
  await (await checkboxes(B))[0].click();
  assert.equal(await statusLine(B), '1 of 4 answered');
  assert.deepEqual(await checkedInPage(A), [false, false, false, true, false]);
  assert.deepEqual(await checkedInPage(C), [false, false, false, true, false]);
});

test('a tick in one window reaches a second window on the same page within 2 s, and back', async (t) => {
  await open('wordpress-front.html');
  const one = firstWindow;
  await driver.switchTo().newWindow('tab');
  const two = await driver.getWindowHandle();
  await open('wordpress-front.html');
  assert.deepEqual(await checkedInPage(A), [false, false, false, false, false]);

  await driver.switchTo().window(one);
  await (await checkboxes(A))[1].click();
  const clicked = Date.now();
  assert.equal(await statusLine(A), '1 of 5 answered');

  await driver.switchTo().window(two);
  const arrived = await poll(async () => {
    const a = await checkedInPage(A);
    const c = await checkedInPage(C);
    return a && c && a[1] && c[1] ? { a, c } : null;
  });
  assert.ok(arrived, `window 2 shows the tick in posts A and C within 2 s (A: ${JSON.stringify(await checkedInPage(A))}, C: ${JSON.stringify(await checkedInPage(C))})`);
  const took = Date.now() - clicked;
  assert.deepEqual(arrived.a, [false, true, false, false, false]);
  assert.deepEqual(arrived.c, [false, true, false, false, false]);
  assert.equal(await statusLine(A), '1 of 5 answered');
  assert.deepEqual(await checkedInPage(B), [false, false, false, false]);
  t.diagnostic(`window 2 followed in ${took} ms`);

  // And back: window 2 unticks in post C, window 1 follows.
  await (await checkboxes(C))[1].click();
  assert.equal(await statusLine(C), '0 of 5 answered');
  await driver.switchTo().window(one);
  const back = await poll(async () => {
    const a = await checkedInPage(A);
    return a && !a[1] && !(await checkedInPage(C))[1];
  });
  assert.ok(back, `window 1 shows the untick within 2 s (A: ${JSON.stringify(await checkedInPage(A))})`);
  assert.equal(await statusLine(A), '0 of 5 answered');
});

test('no uncaught errors, console errors or warnings on the demo pages, through load, tick and reload', async () => {
  // The log is live (so an empty log means something): a marker written now must arrive.
  const marker = `firefox-test-marker-${Date.now()}`;
  await driver.executeScript('console.info(arguments[0])', marker);
  assert.ok(
    await poll(() => log.some((e) => e.text === marker)),
    'the WebDriver BiDi log receives console messages',
  );

  const from = log.length;
  for (const [name, counts] of Object.entries(PAGES)) {
    await clearStorage();
    await open(name);
    await (await checkboxes(0))[0].click();
    await driver.navigate().refresh();
    const shapes = await waitMounted(counts);
    assert.deepEqual(
      shapes.map((s) => s.error),
      counts.map(() => 0),
      `${name}: no placeholder shows an error box`,
    );
    assert.deepEqual((await checkedInPage(0))[0], true, `${name}: the tick came back after the reload`);
    // No widget says that it cannot keep ticks.
    const notices = await driver.executeScript(
      `return [...document.querySelectorAll('.thing-prompts')].flatMap((node) =>
         [...node.shadowRoot.querySelectorAll('.notice')].map((p) => p.textContent))`,
    );
    assert.deepEqual(
      notices.filter((text) => /not letting the page save/.test(text)),
      [],
      `${name}: no "storage blocked" notice`,
    );
  }
  // Late errors (after the load event, from the WASM start-up) get a moment to arrive.
  await sleep(300);
  const during = log.slice(from);
  assert.deepEqual(problems(during), [], 'nothing went wrong on the way');
});
