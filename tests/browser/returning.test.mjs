// A returning reader (they come back weekly): the same browser profile opens the post again.
// The widget's versioned files (glue, WebAssembly, a bundled programme, all at ?v=<build>) come
// from the HTTP cache without a request; what may change under the same address (the page, the
// loader at its moving URL, an organiser's own programme file) is asked for again and answered
// 304 while unchanged. The ticks of the first visit are there on the second.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchProfile, responsesOf, waitEveryWidget, checkboxes, checkedStates, pageUrl, watch, quiet } from './helpers.mjs';

let dir;
let context;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'thing-prompts-returning-'));
  // No `context.route` here: routing turns Chromium's HTTP cache off.
  context = await launchProfile(dir);
});
after(async () => {
  await context?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Opens `name` in a new tab; returns the page and how each of its responses came, by file name. */
async function visit(name) {
  const page = await context.newPage();
  const log = watch(page);
  const { responses } = await responsesOf(context, page);
  await page.goto(pageUrl(name));
  await waitEveryWidget(page);
  const came = {};
  for (const r of responses) {
    if (!r.url) continue;
    const url = new URL(r.url);
    came[url.pathname.split('/').slice(-2).join('/')] = { how: r.cached ? 'cache' : r.status, versioned: url.searchParams.has('v') };
  }
  return { page, log, came };
}

test('the second visit takes the glue, the WebAssembly and the bundled programme from the cache, and asks again for the page and the loader', async () => {
  const first = await visit('blogger-post.html');
  await checkboxes(first.page, 0).nth(1).check();
  const firstStates = await checkedStates(first.page, 0);
  quiet(first.log);
  await first.page.close();

  const second = await visit('blogger-post.html');
  const { came } = second;
  const name = (suffix) => Object.keys(came).find((key) => key.endsWith(suffix));
  // The post pins Thing 12 and its sidebar shows this week's Thing: the whole programme file.
  for (const file of ['thing-prompts-wasm.js', 'thing-prompts-wasm_bg.wasm', 'programmes/cpd23-2012.json']) {
    const key = name(file);
    assert.ok(key, `the second visit used ${file} (it got ${Object.keys(came).join(', ')})`);
    assert.equal(came[key].versioned, true, `${file} is asked for at a versioned URL`);
    assert.equal(came[key].how, 'cache', `${file} came from the HTTP cache without a request`);
  }
  assert.equal(came[name('thing-prompts.js')].how, 304, 'the loader is revalidated');
  assert.equal(came[name('blogger-post.html')].how, 304, 'the page is revalidated');
  assert.deepEqual(await checkedStates(second.page, 0), firstStates, 'the ticks of the first visit are there');
  quiet(second.log);
  await second.page.close();
});

test("an organiser's own programme file (data-programme-src) is asked for again on every visit", async () => {
  const programme = (came) => came[Object.keys(came).find((key) => key.endsWith('library-10-things.json'))];
  const first = await visit('organiser-sidebar.html');
  assert.equal(programme(first.came)?.how, 200, 'the first visit fetched the programme');
  await first.page.close();
  const second = await visit('organiser-sidebar.html');
  assert.equal(programme(second.came)?.how, 304, 'revalidated, so an edit shows at once');
  quiet(second.log);
  await second.page.close();
});
