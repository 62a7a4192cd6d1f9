// The loader's side of data-programme-src: which URLs it fetches, how often, and what it hands to
// the WebAssembly's mount(node, programmeText, programmeError, open). The glue and the WASM are replaced
// by a tiny fake glue module (served with `context.route`) that records its arguments on the
// placeholder, so these tests check the loader alone, whatever the widget does with a programme.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { launch, watch, fixtureHtml, serveFixture, eventually, PAGE_ORIGIN, WIDGET_ORIGIN } from './helpers.mjs';

const FAKE_GLUE = `export default async function () {}
export function mount(node, text, error, open) {
  node.setAttribute('data-got', JSON.stringify({ count: arguments.length, types: [typeof text, typeof error, typeof open], text, error }));
  return true;
}
`;

const CORS = { 'Access-Control-Allow-Origin': '*' };
const DIST = new URL('../../dist/', import.meta.url);
/** A file's SHA-384 in base64, as the loader carries it. */
const digest = (bytes) => createHash('sha384').update(bytes).digest('base64');
const PROGRAMME = '{"format": 1, "id": "café-test", "title": "Café ✓"}';
const PAGE_BASE = `${PAGE_ORIGIN}programme-src/`;

// A real server on a third origin, for what route.fulfill cannot show: it adds the CORS header
// itself, always sends the body's own length and does not decompress.
const BIG = Buffer.from(`"${'x'.repeat(300 * 1024)}"`);
const server = createServer((request, response) => {
  const headers = { 'Content-Type': 'application/json' };
  if (request.url !== '/no-cors.json') Object.assign(headers, CORS);
  if (request.url === '/gzip.json') {
    // Content-Length counts the compressed bytes: far below the limit.
    const body = gzipSync(BIG);
    response.writeHead(200, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': body.length });
    response.end(body);
  } else if (request.url === '/chunked.json') {
    // No Content-Length at all.
    response.writeHead(200, headers);
    for (let at = 0; at < BIG.length; at += 16 * 1024) response.write(BIG.subarray(at, at + 16 * 1024));
    response.end();
  } else {
    response.writeHead(200, headers);
    response.end(PROGRAMME);
  }
});
let OTHER_BASE;

let browser;
before(async () => {
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  OTHER_BASE = `http://127.0.0.1:${server.address().port}/`;
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server.closeAllConnections();
  server.close();
});

/**
 * A context whose glue and WASM are the fake ones, and whose programme URLs under
 * PAGE_BASE answer as `answers` says (by file name: a function of the route,
 * or undefined to leave the request hanging). Returns the context and a count of requests per name.
 */
async function fakeContext(answers) {
  const context = await browser.newContext();
  const requests = {};
  // The loader refuses any file but its own build's (it carries their hashes), so it is served
  // re-pinned to the fake glue and the empty WebAssembly: their digests in place of the real ones.
  await context.route(
    (url) => url.href === `${WIDGET_ORIGIN}thing-prompts.js`,
    async (route) => {
      const response = await route.fetch();
      const loader = (await response.text())
        .replace(digest(await readFile(new URL('thing-prompts-wasm.js', DIST))), digest(FAKE_GLUE))
        .replace(digest(await readFile(new URL('thing-prompts-wasm_bg.wasm', DIST))), digest(''));
      await route.fulfill({ response, body: loader });
    },
  );
  await context.route(
    (url) => url.href.startsWith(WIDGET_ORIGIN) && url.pathname.endsWith('/thing-prompts-wasm.js'),
    (route) => route.fulfill({ contentType: 'text/javascript', headers: CORS, body: FAKE_GLUE }),
  );
  await context.route(
    (url) => url.href.startsWith(WIDGET_ORIGIN) && url.pathname.endsWith('/thing-prompts-wasm_bg.wasm'),
    (route) => route.fulfill({ contentType: 'application/wasm', headers: CORS, body: '' }),
  );
  await context.route(
    (url) => url.href.startsWith(PAGE_BASE),
    (route) => {
      const name = new URL(route.request().url()).pathname.split('/').pop();
      requests[name] = (requests[name] || 0) + 1;
      const answer = answers[name];
      if (answer) return answer(route);
      // No answer: the request hangs until the page closes.
      return undefined;
    },
  );
  return { context, requests };
}

/** What placeholder `id` passed to mount, or null while it has not been mounted. */
async function got(page, id) {
  const text = await page.locator(`#${id}`).getAttribute('data-got');
  return text === null ? null : JSON.parse(text);
}

async function waitGot(page, ids, timeout = 5000) {
  await page.waitForFunction(
    (list) => list.every((id) => document.getElementById(id).hasAttribute('data-got')),
    ids,
    { timeout },
  );
}

function placeholder(id, src) {
  const attr = src === undefined ? '' : ` data-programme-src="${src}"`;
  return `<div class="thing-prompts" id="${id}" data-thing="1"${attr}><p>${id}</p></div>`;
}

const failed = (url) => `could not load the programme from ${url}: `;
const NETWORK =
  'the browser refused it or the server could not be reached. The server must allow other sites to read it (Access-Control-Allow-Origin: *); see the README.';
const TOO_LARGE = "the file is larger than 256 KB, far more than a programme needs. Check that the address names the programme's JSON file.";

test('each URL is fetched once, and each way of failing gets its own message', async () => {
  const big = 'x'.repeat(300 * 1024);
  const { context, requests } = await fakeContext({
    'ok.json': (route) => route.fulfill({ contentType: 'application/json; charset=utf-8', body: PROGRAMME }),
    'missing.json': (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }),
    'gone.json': (route) => route.fulfill({ status: 410, contentType: 'text/plain', body: 'gone' }),
    'down.json': (route) => route.abort('connectionrefused'),
    'big.json': (route) => route.fulfill({ contentType: 'application/json', body: big }),
  });
  const body = [
    placeholder('plain'),
    placeholder('ok-relative', '../programme-src/ok.json'),
    placeholder('ok-absolute', `${PAGE_BASE}ok.json`),
    placeholder('ok-fragment', `${PAGE_BASE}ok.json#thing-1`),
    placeholder('cors', `${OTHER_BASE}cors.json`),
    placeholder('no-cors', `${OTHER_BASE}no-cors.json`),
    placeholder('missing', `${PAGE_BASE}missing.json`),
    placeholder('gone', `${PAGE_BASE}gone.json`),
    placeholder('down', `${PAGE_BASE}down.json`),
    placeholder('big', `${PAGE_BASE}big.json`),
    placeholder('javascript', 'javascript:alert(1)'),
    placeholder('data', 'data:application/json,{}'),
    placeholder('empty', ''),
  ].join('\n');
  const page = await context.newPage();
  const log = watch(page);
  await page.goto(await serveFixture(context, 'programme-src', fixtureHtml(body)));
  const ids = ['plain', 'ok-relative', 'ok-absolute', 'ok-fragment', 'cors', 'no-cors', 'missing', 'gone', 'down', 'big', 'javascript', 'data', 'empty'];
  await waitGot(page, ids);

  const none = { count: 4, types: ['undefined', 'undefined', 'undefined'] };
  assert.deepEqual(await got(page, 'plain'), none, 'no data-programme-src: mount(node, undefined, undefined, undefined)');
  const text = { count: 4, types: ['string', 'undefined', 'undefined'], text: PROGRAMME };
  for (const id of ['ok-relative', 'ok-absolute', 'ok-fragment', 'cors']) {
    assert.deepEqual(await got(page, id), text, `${id}: the body's text, decoded as UTF-8`);
  }
  assert.equal(requests['ok.json'], 1, 'three placeholders naming one file (relative, absolute, with a fragment): one fetch');
  const error = async (id, message) => {
    assert.deepEqual(await got(page, id), { count: 4, types: ['undefined', 'string', 'undefined'], error: message }, id);
  };
  await error('no-cors', failed(`${OTHER_BASE}no-cors.json`) + NETWORK);
  await error('down', failed(`${PAGE_BASE}down.json`) + NETWORK);
  await error('missing', failed(`${PAGE_BASE}missing.json`) + 'the server answered 404 Not Found. Check the address in data-programme-src.');
  await error('gone', failed(`${PAGE_BASE}gone.json`) + 'the server answered 410 Gone. Check the address in data-programme-src.');
  await error('big', failed(`${PAGE_BASE}big.json`) + TOO_LARGE);
  await error('javascript', `data-programme-src="javascript:alert(1)" is not a web address: use an https:// address of the programme's JSON file.`);
  await error('data', `data-programme-src="data:application/json,{}" is not a web address: use an https:// address of the programme's JSON file.`);
  await error('empty', `data-programme-src="" is not a web address: use an https:// address of the programme's JSON file.`);

  // A later scan and a second copy of the script reuse what was fetched.
  await page.evaluate((src) => {
    const late = document.createElement('div');
    late.className = 'thing-prompts';
    late.id = 'late';
    late.setAttribute('data-programme-src', src);
    document.querySelector('main').appendChild(late);
    window.ThingPrompts.scan();
    const again = document.createElement('div');
    again.className = 'thing-prompts';
    again.id = 'again';
    again.setAttribute('data-programme-src', src);
    document.querySelector('main').appendChild(again);
    const script = document.createElement('script');
    script.src = document.querySelector('script[src$="thing-prompts.js"]').src;
    document.body.appendChild(script);
  }, `${PAGE_BASE}ok.json`);
  await waitGot(page, ['late', 'again']);
  assert.deepEqual(await got(page, 'late'), text);
  assert.deepEqual(await got(page, 'again'), text);
  assert.equal(requests['ok.json'], 1, 'still one fetch');
  for (const name of Object.keys(requests)) assert.equal(requests[name], 1, `${name} fetched once`);
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.widgetWarnings(), [], 'the messages go to the widget, which reports them');
  await context.close();
});

test('a body larger than its Content-Length says, or sent without one, is refused too', async () => {
  const { context } = await fakeContext({});
  const page = await context.newPage();
  const body = [placeholder('gzip', `${OTHER_BASE}gzip.json`), placeholder('chunked', `${OTHER_BASE}chunked.json`)].join('\n');
  await page.goto(await serveFixture(context, 'programme-src-large', fixtureHtml(body)));
  await waitGot(page, ['gzip', 'chunked']);
  for (const name of ['gzip', 'chunked']) {
    assert.deepEqual(
      await got(page, name),
      { count: 4, types: ['undefined', 'string', 'undefined'], error: failed(`${OTHER_BASE}${name}.json`) + TOO_LARGE },
      name,
    );
  }
  await context.close();
});

test('a URL that never answers holds up no other widget, and times out after 10 seconds', async () => {
  const { context, requests } = await fakeContext({});
  const body = [placeholder('hangs', `${PAGE_BASE}hangs.json`), placeholder('plain'), placeholder('hangs-too', `${PAGE_BASE}hangs.json`)].join('\n');
  const page = await context.newPage();
  const log = watch(page);
  const started = Date.now();
  await page.goto(await serveFixture(context, 'programme-src-hangs', fixtureHtml(body)));
  await waitGot(page, ['plain']);
  assert.deepEqual(await got(page, 'plain'), { count: 4, types: ['undefined', 'undefined', 'undefined'] });
  assert.equal(await got(page, 'hangs'), null, 'still waiting for its programme');
  await eventually(() => requests['hangs.json'] === 1, 'the hanging URL was requested once');
  await waitGot(page, ['hangs', 'hangs-too'], 15_000);
  const waited = Date.now() - started;
  assert.ok(waited >= 9_500, `gave up after ${waited} ms, not before 10 s`);
  const message = failed(`${PAGE_BASE}hangs.json`) + 'no answer within 10 seconds. Try again later, or check the address.';
  for (const id of ['hangs', 'hangs-too']) {
    assert.deepEqual(await got(page, id), { count: 4, types: ['undefined', 'string', 'undefined'], error: message }, id);
  }
  assert.equal(requests['hangs.json'], 1);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});
