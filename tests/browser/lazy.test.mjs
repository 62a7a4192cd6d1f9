// Many widgets on one page: placeholders far below the fold mount only as they approach the
// viewport (within one and a half viewport heights), the WebAssembly is still fetched once and
// at once, and printing, hidden placeholders, ThingPrompts.scan() and browsers without
// IntersectionObserver still get every widget. These tests wait without the helpers' scrolling
// (waitAllMounted), which would defeat what they test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureHtml, launch, serveFixture, waitFor, watch, WIDGET_ORIGIN } from './helpers.mjs';

const VIEWPORT = { width: 1280, height: 720 };
/** The loader's margin, in viewport heights above and below the viewport. */
const NEAR = 1.5;
const POSTS = 30;
let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** One post of a long front page: some text, then a checklist (bundled Thing 12). */
function post(n, attributes = '') {
  return `<article>
  <h2>Post ${n + 1}</h2>
  <div style="height: 600px">What I did this week, at some length.</div>
  <div class="thing-prompts" id="p${n}" data-programme="cpd23-2012" data-thing="12"${attributes}><p><strong>Thing 12</strong>: five questions.</p></div>
</article>`;
}

function longPage(extra = '') {
  return fixtureHtml(Array.from({ length: POSTS }, (_, n) => post(n)).join('\n') + extra, { title: 'Long front page' });
}

/** Each placeholder (document order): id, mounted or not, and its top edge in the viewport. */
function states(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.thing-prompts')].map((node) => ({
      id: node.id,
      mounted: !!(node.shadowRoot && node.shadowRoot.querySelector('.tp')),
      top: Math.round(node.getBoundingClientRect().top),
    })),
  );
}

const mountedIds = async (page) => (await states(page)).filter((s) => s.mounted).map((s) => s.id);

/** Opens `html` as a fixture and waits until the first widget has mounted and mounting has settled. */
async function open(context, name, html) {
  const page = await context.newPage();
  const log = watch(page);
  await page.goto(await serveFixture(context, name, html));
  await page.waitForLoadState('load');
  await page.locator('#p0 .tp').waitFor({ state: 'attached', timeout: 10_000 });
  await settle(page);
  return { page, log };
}

/** Waits until the set of mounted widgets has stayed the same for half a second. */
async function settle(page) {
  let last = '';
  let since = Date.now();
  await waitFor(
    async () => {
      const now = (await mountedIds(page)).join();
      if (now !== last) {
        last = now;
        since = Date.now();
      }
      return Date.now() - since >= 500;
    },
    { timeout: 10_000, interval: 50 },
  );
}

const wasmRequests = (log) => log.requestsMatching((u) => u.pathname.endsWith('.wasm'));
const glueRequests = (log) => log.requestsMatching((u) => u.pathname.endsWith('/thing-prompts-wasm.js'));

test('far below the fold, placeholders mount only as scrolling brings them near; the WASM is fetched once', async () => {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const { page, log } = await open(context, 'lazy-long', longPage());
    const loaded = await states(page);
    const mounted = loaded.filter((s) => s.mounted);
    assert.ok(mounted.length >= 2, `the placeholders in and near the viewport mount at once: ${JSON.stringify(loaded)}`);
    assert.ok(mounted.length <= 6, `only those near the viewport mount after load: ${mounted.length} of ${POSTS}`);
    // Mounted ones are a run from the top, and every one left is beyond the margin.
    assert.deepEqual(
      mounted.map((s) => s.id),
      loaded.slice(0, mounted.length).map((s) => s.id),
    );
    for (const s of loaded.filter((x) => !x.mounted)) {
      assert.ok(s.top > VIEWPORT.height * (1 + NEAR) - 1, `${s.id} at ${s.top}px is beyond the margin, not mounted`);
    }
    assert.equal(wasmRequests(log).length, 1, 'the .wasm is fetched at once, once');

    // Scroll so that the last placeholder is half a viewport below the bottom edge: near, not in view.
    const last = `p${POSTS - 1}`;
    await page.evaluate((id) => {
      const node = document.getElementById(id);
      window.scrollBy(0, node.getBoundingClientRect().top - 1.5 * window.innerHeight);
    }, last);
    await page.locator(`#${last} .tp`).waitFor({ state: 'attached', timeout: 5000 });
    const top = await page.evaluate((id) => document.getElementById(id).getBoundingClientRect().top, last);
    assert.ok(top > VIEWPORT.height, `#${last} mounted before it came into view (top ${Math.round(top)}px)`);
    const middle = (await states(page)).find((s) => s.id === `p${Math.floor(POSTS / 2)}`);
    assert.equal(middle.mounted, false, 'one far above the new viewport, passed over by the jump, did not mount');

    // Scrolling back up through the page mounts the ones passed over.
    for (let step = 0; step < 100 && (await mountedIds(page)).length < POSTS; step++) {
      await page.mouse.wheel(0, -1500);
      await page.waitForTimeout(50);
    }
    await waitFor(async () => (await mountedIds(page)).length === POSTS, { timeout: 5000 });
    assert.equal((await mountedIds(page)).length, POSTS, 'all mounted once the reader has scrolled past them');

    assert.equal(wasmRequests(log).length, 1, `the .wasm is requested once: ${JSON.stringify(wasmRequests(log))}`);
    assert.equal(glueRequests(log).length, 1, `the glue is requested once: ${JSON.stringify(glueRequests(log))}`);
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.warnings(), []);
    assert.deepEqual(log.errors(), []);
  } finally {
    await context.close();
  }
});

test('printing mounts every placeholder in the microtasks after beforeprint, and page.pdf() prints them', async () => {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const { page } = await open(context, 'lazy-print', longPage());
    assert.ok((await mountedIds(page)).length < POSTS, 'far placeholders wait before printing');
    // A task queued right after the event runs after every microtask the event started: if all
    // are mounted by then, they were mounted before the browser laid the page out for print.
    const count = await page.evaluate(
      () =>
        new Promise((resolve) => {
          window.dispatchEvent(new Event('beforeprint'));
          setTimeout(() => {
            resolve(
              [...document.querySelectorAll('.thing-prompts')].filter(
                (node) => node.shadowRoot && node.shadowRoot.querySelector('.tp input[type=checkbox]'),
              ).length,
            );
          }, 0);
        }),
    );
    assert.equal(count, POSTS, 'every placeholder has its checkboxes before the next task');
  } finally {
    await context.close();
  }

  // The real print path (DevTools' printToPDF fires beforeprint too).
  const second = await browser.newContext({ viewport: VIEWPORT });
  try {
    const { page } = await open(second, 'lazy-pdf', longPage());
    assert.ok((await mountedIds(page)).length < POSTS);
    await page.pdf();
    assert.equal((await mountedIds(page)).length, POSTS, 'every placeholder mounted for the printed page');
  } finally {
    await second.close();
  }
});

test('hidden placeholders far below mount at once; one in a closed <details> mounts when opened near the viewport', async () => {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const extra = `
<div class="thing-prompts" id="none" style="display: none" data-programme="cpd23-2012" data-thing="12"></div>
<div hidden><div class="thing-prompts" id="inhidden" data-programme="cpd23-2012" data-thing="12"></div></div>
<details id="more"><summary>More</summary><div class="thing-prompts" id="indetails" data-programme="cpd23-2012" data-thing="12"><p>Thing 12</p></div></details>
<div class="thing-prompts" id="end" data-programme="cpd23-2012" data-thing="12"><p>Thing 12</p></div>`;
    const { page, log } = await open(context, 'lazy-hidden', longPage(extra));
    const byId = Object.fromEntries((await states(page)).map((s) => [s.id, s.mounted]));
    assert.equal(byId.none, true, 'display: none far below: mounted at once');
    assert.equal(byId.inhidden, true, 'inside a hidden ancestor far below: mounted at once');
    assert.equal(byId.indetails, false, 'inside a closed <details> far below: waits');
    assert.equal(byId.end, false, 'a visible one far below: waits');
    // Shown later by a script, without any scrolling: already a widget.
    await page.evaluate(() => {
      document.getElementById('none').style.display = 'block';
    });
    assert.equal(
      await page.evaluate(() => !!document.getElementById('none').shadowRoot.querySelector('.tp input[type=checkbox]')),
      true,
    );

    await page.evaluate(() => document.getElementById('more').scrollIntoView());
    await page.waitForTimeout(300);
    assert.equal((await states(page)).find((s) => s.id === 'indetails').mounted, false, 'still closed: waits');
    await page.evaluate(() => {
      document.getElementById('more').open = true;
    });
    await page.locator('#indetails .tp').waitFor({ state: 'attached', timeout: 5000 });
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.widgetWarnings(), []);
  } finally {
    await context.close();
  }
});

test('ThingPrompts.scan(): a placeholder added near the viewport mounts at once, one added far below when approached', async () => {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const { page, log } = await open(context, 'lazy-scan', longPage());
    await page.evaluate(() => {
      const make = (id) => {
        const node = document.createElement('div');
        node.className = 'thing-prompts';
        node.id = id;
        node.setAttribute('data-programme', 'cpd23-2012');
        node.setAttribute('data-thing', '12');
        return node;
      };
      document.querySelector('main').prepend(make('added-top'));
      document.querySelector('main').append(make('added-end'));
      window.ThingPrompts.scan();
    });
    await page.locator('#added-top .tp').waitFor({ state: 'attached', timeout: 5000 });
    await page.waitForTimeout(500);
    assert.equal((await states(page)).find((s) => s.id === 'added-end').mounted, false, 'far below: waits');
    await page.evaluate(() => document.getElementById('added-end').scrollIntoView());
    await page.locator('#added-end .tp').waitFor({ state: 'attached', timeout: 5000 });
    assert.equal(wasmRequests(log).length, 1, 'the .wasm is requested once');
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.widgetWarnings(), []);
  } finally {
    await context.close();
  }
});

test('programme files named by far placeholders are fetched at once, before the reader scrolls', async () => {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const src = `${WIDGET_ORIGIN}library-10-things.json`;
    const extra = `<div class="thing-prompts" id="remote" data-programme-src="${src}" data-thing="1"><p>Thing 1</p></div>`;
    const { page, log } = await open(context, 'lazy-programme-src', longPage(extra));
    const fetched = log.requestsMatching((u) => u.href === src);
    assert.equal((await states(page)).find((s) => s.id === 'remote').mounted, false, 'far below: not mounted yet');
    assert.equal(fetched.length, 1, `its programme was fetched at once: ${JSON.stringify(log.requests)}`);
    await page.evaluate(() => document.getElementById('remote').scrollIntoView());
    await page.locator('#remote .tp input[type=checkbox]').first().waitFor({ state: 'attached', timeout: 5000 });
    assert.equal(log.requestsMatching((u) => u.href === src).length, 1, 'and not again');
  } finally {
    await context.close();
  }
});

test('without IntersectionObserver every placeholder mounts at once, as before', async () => {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addInitScript(() => {
      delete window.IntersectionObserver;
    });
    const page = await context.newPage();
    const log = watch(page);
    await page.goto(await serveFixture(context, 'lazy-no-observer', longPage()));
    assert.equal(await page.evaluate(() => typeof window.IntersectionObserver), 'undefined');
    const all = await waitFor(async () => (await mountedIds(page)).length === POSTS, { timeout: 10_000 });
    assert.ok(all, `all ${POSTS} mounted without scrolling`);
    assert.equal(await page.evaluate(() => window.scrollY), 0);
    assert.equal(wasmRequests(log).length, 1);
    assert.deepEqual(log.widgetWarnings(), []);
  } finally {
    await context.close();
  }
});
