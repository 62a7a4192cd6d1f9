// `cargo xtask bench`: measures the widget against the budgets of the performance issue and
// prints each figure with whether it holds. Not a test: it never fails on a budget.
//
// The budgets are ratios to two references measured in the same run: the floor, a bare Yew
// checklist (bench/floor/) built by the widget's own release pipeline, and a plain-JavaScript
// checklist written here. Absolute times drift on a shared machine; the ratios drift less.
//
// Run by xtask/src/bench.rs, which builds dist/ and the floor, starts the servers and sets:
//   WIDGET_ORIGIN  the widget files (dist/), as a CDN would serve them
//   FLOOR_ORIGIN   the floor's files (FLOOR_DIR, target/bench-floor/), served alike
//   FLOOR_BUILD    the build token of the floor's files, for their versioned URLs
//   BENCH_ORIGIN   the benchmark's own pages, served from BENCH_PAGES (written here before use)
//   BENCH_PAGES    the folder on disk behind BENCH_ORIGIN
//   PAGE_ORIGIN    the demo pages (not measured; printed for reference)
//   CHROMIUM       Debian's Chromium
//   DIST           the dist/ folder, for the download sizes
//   BENCH_RUNS     cold loads per figure (default 7), BENCH_TICKS ticks timed (default 20)
//   BENCH_SCROLL   the speed of the scroll through the fifty-checklist page, px/s (default 4000)
//
// The phone profile (Lighthouse's mobile one: 150 ms latency, 1.6 Mbit/s down, 750 kbit/s up,
// CPU 4× slower, a phone's screen) loads the page of one checklist through gzip-compressing
// proxies in front of the three origins (bench/gzip-proxy.mjs), as a CDN would send the files,
// so that the throttled transfer is of the compressed bytes. The throttling is Chromium's own,
// through the DevTools protocol (Network.emulateNetworkConditions, applied to each request).
//
// The fixture pages are real files on a loopback server rather than pages fulfilled by
// Playwright's route interception: with a route set, every request of the page (the loader,
// glue and .wasm too) takes a round trip through this process, which would be timed as well.

// Chromium launched as the browser tests launch it (Debian's, no browser of Playwright's own).
import { createHash } from 'node:crypto';
import { launch, launchProfile, responsesOf } from '../tests/browser/helpers.mjs';
import { gzipSync, brotliCompressSync, constants as zlib } from 'node:zlib';
import { readFileSync, writeFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { startGzipProxy } from './gzip-proxy.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function origin(name) {
  let value = process.env[name];
  if (!value) {
    console.error(`bench: ${name} is not set; run it with \`cargo xtask bench\``);
    process.exit(2);
  }
  if (!value.endsWith('/')) value += '/';
  return value;
}

const WIDGET_ORIGIN = origin('WIDGET_ORIGIN');
const BENCH_ORIGIN = origin('BENCH_ORIGIN');
const FLOOR_ORIGIN = origin('FLOOR_ORIGIN');
const FLOOR_BUILD = process.env.FLOOR_BUILD || '';
const BENCH_PAGES = process.env.BENCH_PAGES;
const DIST = process.env.DIST || join(ROOT, 'dist');
const FLOOR_DIR = process.env.FLOOR_DIR || join(ROOT, 'target', 'bench-floor');
/** The floor's files: its glue and its WebAssembly, as wasm-bindgen names them. */
const FLOOR_FILES = ['thing-prompts-floor.js', 'thing-prompts-floor_bg.wasm'];
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS) || 7);
const TICKS = Math.max(1, Number(process.env.BENCH_TICKS) || 20);
const SCROLL_SPEED = Math.max(100, Number(process.env.BENCH_SCROLL) || 4000);
const MOUNT_TIMEOUT_MS = 20_000;
/** The widget mounts checklists far below the fold only as they approach the viewport: the
 * checklists of a load are those mounted once no new one has mounted for this long (or all). */
const SETTLE_MS = 1000;
/** Layout shifts are summed up to this long after the load event (and at least until all mounted). */
const CLS_WINDOW_MS = 2000;
/** A returning reader's visits are this far apart (after the page has settled). */
const RETURN_AFTER_MS = 1000;
const VIEWPORT = { width: 1280, height: 720 };

/**
 * A phone on a slow network, as Lighthouse's default mobile profile has it ("slow 4G"): 150 ms
 * of latency a request, 1.6 Mbit/s down and 750 kbit/s up (Lighthouse counts a kbit as 1,024
 * bits, so 1.6 Mbit/s is 209,715 B/s), the CPU slowed 4×, and the screen of its emulated phone
 * (412 × 823 CSS px at 1.75 device pixels per CSS px, touch). DevTools throttling adds the
 * latency once per request; Lighthouse's own DevTools mode multiplies it by 3.75 to stand for
 * the handshakes and slow start it does not model, which this profile does not do.
 */
const PHONE = {
  latency: 150,
  download: (1.6 * 1024 * 1024) / 8,
  upload: (750 * 1024) / 8,
  cpu: 4,
  context: { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true },
};

const KB = 1024;
const BUDGET = {
  // Sizes, gzip -9: the lite module (glue + WebAssembly) against the floor's; the loader; the
  // first download of a page (loader, lite module and the page's programme file). The lite
  // module's budget was 2.0× until issue 25 measured what it is made of: 2.0× leaves no room
  // for Yew's share beyond the floor's own (docs/performance.md, "Why not 2.0×").
  liteVsFloor: 2.45,
  loader: 2.5 * KB,
  firstDownload: 107 * KB,
  // Start (navigation to the first enabled checkbox): cold, against the floor and the plain-JS
  // checklist; a returning reader's, against the floor's returning reader.
  startVsFloor: 1.4,
  startVsPlain: 2.0,
  // Start on the phone profile, from gzip-compressed files: against the floor only.
  phoneVsFloor: 1.3,
  warmVsFloor: 1.2,
  manyRatio: 1.5,
  longTasks: 0,
  cls: 0.01,
  tick: 16,
  memory: 2 * KB * KB,
};

const say = (text) => process.stderr.write(`bench: ${text}\n`);

// ---------------------------------------------------------------------------------------------
// The pages: one, five and fifty checklists, each as the widget and as the plain-JS baseline.

const PROGRAMME = JSON.parse(readFileSync(join(ROOT, 'www/programmes/cpd23-2012.json'), 'utf8'));
const THINGS = new Map(PROGRAMME.things.map((t) => [t.number, t]));

const escapeHtml = (text) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const FILLER = [
  'I finally caught up on the reading this week, on the bus and over two lunch breaks. The questions below are the ones the organisers set, and I have kept them here so I can come back to them.',
  'Our team talked about this at the Tuesday meeting: half of us had tried it already, the others were curious but short of time. We agreed to compare notes next month.',
  'What surprised me most was how little time it took once I had started. The hard part, as always, was starting at all, and finding a quiet half hour on the desk.',
  'A colleague from the law library sent me a long email about how they do it there, which I will summarise in a later post once I have permission to quote her.',
];

/** A placeholder: `inline` pastes the Thing's questions (with the programme named, so ticks are
 * shared with the bundled copy), `bundled` names the Thing only, `own` is a participant's own list. */
function placeholder(kind, thing, n) {
  const t = THINGS.get(thing);
  const heading = `<p><strong>Thing ${thing}: ${escapeHtml(t.title)}</strong></p>`;
  const list = (texts) => `<ol>\n${texts.map((q) => `        <li>${escapeHtml(q)}</li>`).join('\n')}\n      </ol>`;
  if (kind === 'bundled') {
    return `<div class="thing-prompts" data-programme="cpd23-2012" data-thing="${thing}">${heading}</div>`;
  }
  if (kind === 'own') {
    const own = [1, 2, 3].map((k) => `My own question ${k} for post ${n}: what did I learn, and what will I try next?`);
    return `<div class="thing-prompts">\n      <p><strong>My questions for post ${n}</strong></p>\n      ${list(own)}\n    </div>`;
  }
  return `<div class="thing-prompts" data-programme="cpd23-2012" data-thing="${thing}">\n      ${heading}\n      ${list(
    t.prompts.map((p) => p.text),
  )}\n    </div>`;
}

function article(n, kind, thing) {
  return `<article>
    <h2>Post ${n + 1}: Thing ${thing}</h2>
    <p>${FILLER[n % FILLER.length]}</p>
    ${placeholder(kind, thing, n)}
    <p>${FILLER[(n + 1) % FILLER.length]}</p>
    <p>${FILLER[(n + 2) % FILLER.length]}</p>
  </article>`;
}

/** The plain-JavaScript baseline checklist: the same placeholders become checkboxes kept in
 * localStorage, ticks shared between checklists on the page. Benchmark code, not the product. */
function baselineScript() {
  const things = {};
  for (const t of PROGRAMME.things) things[t.number] = [t.title, t.prompts.map((p) => p.text)];
  return `(function () {
  performance.mark('bench-render-start');
  var THINGS = ${JSON.stringify(things)};
  var PREFIX = 'bench-baseline:v1:';
  function read(key) {
    try { return JSON.parse(localStorage.getItem(PREFIX + key)) || {}; } catch (e) { return {}; }
  }
  function progress(node) {
    var boxes = node.querySelectorAll('input[type=checkbox]'), done = 0;
    for (var i = 0; i < boxes.length; i++) if (boxes[i].checked) done++;
    node.querySelector('.bl-progress').textContent = done + ' of ' + boxes.length + ' answered';
  }
  var nodes = document.querySelectorAll('.thing-prompts');
  for (var n = 0; n < nodes.length; n++) {
    var node = nodes[n], list = node.querySelector('ol, ul'), heading = node.querySelector('p, h2, h3, h4');
    var thing = node.getAttribute('data-thing') || '', key = node.getAttribute('data-programme') || '~inline';
    var bundled = THINGS[thing] || ['', []];
    var texts = list ? [].map.call(list.querySelectorAll('li'), function (li) { return li.textContent; }) : bundled[1];
    var saved = read(key), box = document.createElement('fieldset'), legend = document.createElement('legend');
    box.className = 'bl';
    legend.textContent = list ? (heading ? heading.textContent : 'Questions') : 'Thing ' + thing + ': ' + bundled[0];
    box.appendChild(legend);
    texts.forEach(function (text) {
      var label = document.createElement('label'), input = document.createElement('input');
      input.type = 'checkbox';
      input.dataset.key = key;
      input.dataset.id = thing + ':' + text.replace(/\\s+/g, ' ').trim().toLowerCase();
      input.checked = !!saved[input.dataset.id];
      label.append(input, ' ' + text);
      box.appendChild(label);
    });
    var line = document.createElement('p');
    line.className = 'bl-progress';
    line.setAttribute('role', 'status');
    box.appendChild(line);
    node.replaceChildren(box);
    progress(node);
  }
  document.addEventListener('change', function (event) {
    var input = event.target;
    if (!input.dataset || !input.dataset.key) return;
    var saved = read(input.dataset.key);
    saved[input.dataset.id] = input.checked;
    try { localStorage.setItem(PREFIX + input.dataset.key, JSON.stringify(saved)); } catch (e) {}
    document.querySelectorAll('.thing-prompts input[type=checkbox]').forEach(function (other) {
      if (other.dataset.key !== input.dataset.key || other.dataset.id !== input.dataset.id) return;
      other.checked = input.checked;
      progress(other.closest('.thing-prompts'));
    });
  });
})();`;
}

// The release notes' pinned snippet: the npm package at its exact version's CDN path (the
// widget origin serves dist/ there as a public npm CDN would), with the loader's integrity.
const RELEASE_VERSION = JSON.parse(readFileSync(join(DIST, 'package.json'), 'utf8')).version;
const PINNED_TAG = `<script src="${WIDGET_ORIGIN}npm/thing-prompts@${RELEASE_VERSION}/thing-prompts.js" integrity="sha384-${createHash('sha384')
  .update(readFileSync(join(DIST, 'thing-prompts.js')))
  .digest('base64')}" crossorigin="anonymous" async></script>`;

const BASELINE_TAG = `<script>\n${baselineScript()}\n</script>`;
const BASELINE_CSS = `.thing-prompts fieldset.bl { border: 1px solid #c8c8c8; border-left: 4px solid #1d6a8a; border-radius: 6px; padding: 0.8em 1em; margin: 1em 0; }
.thing-prompts fieldset.bl label { display: flex; gap: 0.5em; align-items: baseline; padding: 0.2em 0; }
.thing-prompts fieldset.bl legend { font-weight: 700; }
.thing-prompts .bl-progress { margin: 0.4em 0 0; font-size: 0.9em; }`;

/** The floor started as the loader starts the widget: its glue imported and its WebAssembly
 * fetched at once (versioned URLs, on an origin of their own), then instantiated by streaming
 * and mounted into every placeholder. It runs where the widget's script tag is. */
function floorScript(floorOrigin = FLOOR_ORIGIN) {
  const at = (file) => JSON.stringify(`${floorOrigin}${file}?v=${FLOOR_BUILD}`);
  return `<script>
Promise.all([import(${at(FLOOR_FILES[0])}), fetch(${at(FLOOR_FILES[1])}, { credentials: 'omit' })]).then(function (both) {
  return both[0].default({ module_or_path: both[1] }).then(function () {
    document.querySelectorAll('.thing-prompts').forEach(function (host) { both[0].mount(host); });
  });
});
</script>`;
}

/** The README's snippet: the npm package at its moving CDN path (`thing-prompts@0.1/`), no
 * integrity, as most readers' pages will have it. */
const MOVING_PATH = `npm/thing-prompts@${RELEASE_VERSION.split('.').slice(0, 2).join('.')}/thing-prompts.js`;

/** A page's HTML. `phone` gives the origins of the gzip proxies (`{ widget, floor }`): the page
 * then names the widget by the README's snippet, and the floor's files, through them. */
function pageHtml(name, variant, articles, phone = null) {
  const script = {
    ours: phone
      ? `<script src="${phone.widget}${MOVING_PATH}" async></script>`
      : `<script src="${WIDGET_ORIGIN}thing-prompts.js" async></script>`,
    pinned: PINNED_TAG,
    floor: floorScript(phone ? phone.floor : FLOOR_ORIGIN),
    baseline: BASELINE_TAG,
  }[variant];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<meta name="bench-widgets" content="${articles.length}">
<meta name="bench-kind" content="${variant === 'pinned' ? 'ours' : variant}">
<title>Bench: ${name} (${variant})</title>
<style>
body { margin: 0; color: #2b2b2b; background: #fbfaf7; font: 17px/1.6 Georgia, "DejaVu Serif", serif; }
header.site { padding: 1.2rem 2rem; border-bottom: 1px solid #ddd; }
header.site h1 { margin: 0; font-size: 1.8rem; }
main { max-width: 42rem; margin: 0 auto; padding: 0 2rem 4rem; }
article { margin: 2rem 0; }
article h2 { margin: 0 0 0.5rem; font-size: 1.35rem; }
${variant === 'baseline' ? BASELINE_CSS : ''}
</style>
</head>
<body>
<header class="site"><h1>Notes from the Stacks</h1><p>A branch librarian's notebook</p></header>
<main>
${articles.join('\n')}
${script}
</main>
</body>
</html>
`;
}

/** The three pages as [name, list of articles]. */
function pageSets() {
  const one = [article(0, 'inline', 12)];
  // Five checklists of the same Thing, pasted inline and bundled: a tick in one shows in all.
  const five = ['inline', 'bundled', 'inline', 'bundled', 'inline'].map((kind, n) => article(n, kind, 12));
  // Fifty: every Thing of the programme in turn, inline, bundled and a participant's own list,
  // most of them far below the fold.
  const kinds = ['inline', 'bundled', 'own', 'bundled'];
  const fifty = Array.from({ length: 50 }, (_, n) => article(n, kinds[n % kinds.length], (n % 23) + 1));
  return { one, five, fifty };
}

/** Writes the pages; `proxies` are the gzip proxies' origins (`{ pages, widget, floor }`), whose
 * copies of the page of one checklist (`one-<variant>-phone`) the phone profile loads. */
function writePages(proxies) {
  mkdirSync(BENCH_PAGES, { recursive: true });
  const urls = {};
  const sets = pageSets();
  for (const [name, articles] of Object.entries(sets)) {
    // The floor has the page of one checklist: what it stands for is the start of one.
    for (const variant of name === 'one' ? ['ours', 'floor', 'baseline', 'pinned'] : ['ours', 'baseline']) {
      const file = `${name}-${variant}.html`;
      writeFileSync(join(BENCH_PAGES, file), pageHtml(name, variant, articles));
      urls[`${name}-${variant}`] = BENCH_ORIGIN + file;
    }
  }
  for (const variant of ['ours', 'floor', 'baseline']) {
    const file = `one-${variant}-phone.html`;
    writeFileSync(join(BENCH_PAGES, file), pageHtml('one', variant, sets.one, proxies));
    urls[`one-${variant}-phone`] = proxies.pages + file;
  }
  writeFileSync(join(BENCH_PAGES, 'blank.html'), '<!doctype html><link rel="icon" href="data:,"><title>blank</title>');
  urls.blank = BENCH_ORIGIN + 'blank.html';
  urls['blank-phone'] = proxies.pages + 'blank.html';
  return urls;
}

// ---------------------------------------------------------------------------------------------
// In the page, before any of its scripts: marks the first enabled checkbox, the mounts and the
// WebAssembly start, and collects long tasks and layout shifts.

function benchInit() {
  const B = {
    firstBox: null,
    allMounted: null,
    wasmReady: null,
    mounted: 0,
    lastMount: null,
    failed: 0,
    memory: null,
    longtasks: [],
    shifts: [],
  };
  Object.defineProperty(window, '__bench', { value: B });
  let resolveDone;
  B.done = new Promise((resolve) => (resolveDone = resolve));
  let expected = null;
  let kind = null;
  const known = () => {
    if (expected === null) {
      const count = document.querySelector('meta[name="bench-widgets"]');
      const variant = document.querySelector('meta[name="bench-kind"]');
      if (count && variant) {
        expected = Number(count.content);
        kind = variant.content;
      }
    }
    return expected !== null;
  };
  const mark = (field, name) => {
    if (B[field] !== null) return;
    B[field] = performance.now();
    performance.mark(name);
  };
  const lookForBox = (root, selector) => {
    if (B.firstBox === null && root.querySelector(selector)) mark('firstBox', 'bench-first-checkbox');
  };
  const mountedCount = (count) => {
    if (known() && count >= expected) {
      mark('allMounted', 'bench-all-mounted');
      resolveDone();
    }
  };

  // The widget: each placeholder's shadow root, watched from the moment it is attached.
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    if (this.classList && this.classList.contains('thing-prompts')) {
      let mounted = false;
      const observer = new MutationObserver(() => {
        lookForBox(root, 'input[type=checkbox]:not(:disabled)');
        if (!mounted && root.querySelector('.tp')) {
          mounted = true;
          if (root.querySelector('.tp.error')) B.failed++;
          B.mounted++;
          B.lastMount = performance.now();
          mountedCount(B.mounted);
        }
        if (mounted && B.firstBox !== null) observer.disconnect();
      });
      observer.observe(root, { childList: true, subtree: true });
    }
    return root;
  };

  // The baseline works in the light DOM.
  new MutationObserver((records, observer) => {
    if (!known()) return;
    if (kind !== 'baseline') return observer.disconnect();
    lookForBox(document, '.thing-prompts input[type=checkbox]:not(:disabled)');
    const count = document.querySelectorAll('.thing-prompts > fieldset.bl').length;
    if (count > B.mounted) B.lastMount = performance.now();
    B.mounted = count;
    mountedCount(B.mounted);
    if (B.allMounted !== null) observer.disconnect();
  }).observe(document, { childList: true, subtree: true });

  // The WebAssembly instance: when it is ready (mounting starts right after) and its memory.
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const original = WebAssembly[name];
    if (typeof original !== 'function') continue;
    WebAssembly[name] = function (...args) {
      const result = original.apply(this, args);
      result.then(
        (value) => {
          const instance = value instanceof WebAssembly.Instance ? value : value.instance;
          mark('wasmReady', 'bench-wasm-ready');
          for (const exported of Object.values(instance.exports)) {
            if (exported instanceof WebAssembly.Memory) B.memory = exported;
          }
        },
        () => {},
      );
      return result;
    };
  }

  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    B.longtasks = null;
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.shifts.push({ value: e.value, start: e.startTime, input: e.hadRecentInput });
    }).observe({ type: 'layout-shift', buffered: true });
  } catch {
    B.shifts = null;
  }
}

/** In the page: resolves once every checklist has mounted, or once at least one has and no new
 * one has mounted for `quietMs` (the rest are far below the fold and wait for the reader to
 * scroll), or after `timeout` ms; to whether it settled. */
function settle({ quietMs, timeout }) {
  const B = window.__bench;
  const started = performance.now();
  return new Promise((resolve) => {
    const check = () => {
      const now = performance.now();
      if (B.allMounted !== null || (B.lastMount !== null && now - B.lastMount >= quietMs)) return resolve(true);
      if (now - started >= timeout) return resolve(false);
      setTimeout(check, 50);
    };
    check();
  });
}

/** Reads the figures of one load, in the page: the checklists mounted without scrolling. With
 * `resources`, also when each file's request started and its response ended (Resource Timing,
 * on the same clock as the marks: without Timing-Allow-Origin a cross-origin entry still has
 * these two). */
function collect({ windowMs, resources }) {
  const B = window.__bench;
  const nav = performance.getEntriesByType('navigation')[0];
  const load = nav ? nav.loadEventEnd : 0;
  const baselineStart = performance.getEntriesByName('bench-render-start')[0];
  const renderStart = baselineStart ? baselineStart.startTime : B.wasmReady;
  const until = Math.max(load + windowMs, B.lastMount || 0);
  return {
    firstBox: B.firstBox,
    allMounted: B.allMounted,
    // The last checklist mounted at load (without scrolling), and how many that was.
    lastMount: B.lastMount,
    mounted: B.mounted,
    expected: document.querySelectorAll('.thing-prompts').length,
    renderStart,
    wasmReady: B.wasmReady,
    failed: B.failed,
    load,
    cls:
      B.shifts === null
        ? null
        : B.shifts.filter((s) => !s.input && s.start <= until).reduce((sum, s) => sum + s.value, 0),
    longtasks: B.longtasks ? B.longtasks.slice() : null,
    memory: B.memory ? B.memory.buffer.byteLength : null,
    resources: resources
      ? [
          ...(nav ? [{ url: nav.name, start: nav.startTime, end: nav.responseEnd }] : []),
          ...performance.getEntriesByType('resource').map((e) => ({ url: e.name, start: e.startTime, end: e.responseEnd })),
        ]
      : null,
  };
}

/** In the page: scrolls from the top to the bottom at `speed` px/s, as a reader flicking down
 * the page would, then waits until every checklist has mounted. A checklist is "late" when it
 * was in the viewport while not mounted yet (the reader saw its static text). */
async function scrollThrough({ speed, timeout }) {
  const B = window.__bench;
  const ours = document.querySelector('meta[name="bench-kind"]').content === 'ours';
  const hosts = [...document.querySelectorAll('.thing-prompts')];
  const mounted = (host) =>
    ours ? !!(host.shadowRoot && host.shadowRoot.querySelector('.tp')) : !!host.querySelector('fieldset.bl');
  const late = new Set();
  const seen = new IntersectionObserver((entries) => {
    for (const e of entries) if (e.isIntersecting && !mounted(e.target)) late.add(e.target);
  });
  hosts.forEach((host) => seen.observe(host));
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  await frame();
  const start = performance.now();
  const y0 = window.scrollY;
  for (;;) {
    const now = await frame();
    const bottom = document.documentElement.scrollHeight - window.innerHeight;
    const y = Math.min(bottom, y0 + ((now - start) * speed) / 1000);
    window.scrollTo(0, y);
    if (y >= bottom) break;
  }
  const end = performance.now();
  const all = await Promise.race([B.done.then(() => true), new Promise((r) => setTimeout(() => r(false), timeout))]);
  await frame();
  await frame();
  seen.disconnect();
  const until = (B.allMounted || end) + 200;
  return {
    ok: all,
    start,
    end,
    distance: window.scrollY - y0,
    allMounted: B.allMounted,
    late: late.size,
    longtasks: B.longtasks ? B.longtasks.filter((t) => t.start >= start) : null,
    cls:
      B.shifts === null
        ? null
        : B.shifts.filter((s) => !s.input && s.start >= start && s.start <= until).reduce((sum, s) => sum + s.value, 0),
    memory: B.memory ? B.memory.buffer.byteLength : null,
  };
}

/** In the page: ticks the first question of the first checklist `ticks` times (tick, untick, …)
 * and times each until storage holds the change and every checklist shows it. */
async function timeTicks({ ticks, key }) {
  const hosts = [...document.querySelectorAll('.thing-prompts')];
  const firstBox = (host) => (host.shadowRoot || host).querySelector('input[type=checkbox]');
  const nextTask = () =>
    new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(0);
    });
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const times = [];
  let missed = 0;
  for (let i = 0; i < ticks; i++) {
    const box = firstBox(hosts[0]);
    const want = !box.checked;
    const before = localStorage.getItem(key);
    const start = performance.now();
    box.click();
    for (;;) {
      const stored = localStorage.getItem(key) !== before;
      const shown = hosts.every((host) => {
        const other = firstBox(host);
        return other && other.checked === want;
      });
      const now = performance.now();
      if (stored && shown) {
        times.push(now - start);
        break;
      }
      if (now - start > 1000) {
        missed++;
        break;
      }
      await nextTask();
    }
    await frame();
    await frame();
  }
  return { times, missed, stored: localStorage.getItem(key) };
}

// ---------------------------------------------------------------------------------------------
// Loads.

/**
 * One load in `context`, on a new page: the renderer is started on a blank page of the same
 * origin first, so that the CPU throttling set on it applies to the page measured. With
 * `cacheDisabled`, the HTTP cache is not used (a cold load). Returns the figures and the page.
 */
async function load(context, urls, scenario, { cacheDisabled }) {
  const page = await context.newPage();
  const requests = [];
  const problems = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error}`));
  await page.goto(scenario.phone ? urls['blank-phone'] : urls.blank);
  // How each response came: from the network (200, or 304 when revalidated) or from the HTTP cache.
  const { cdp, responses } = await responsesOf(context, page);
  // On the phone profile, what each response carried: its Content-Encoding, the bytes on the
  // wire (headers included, as the throttling counts them) and the bytes after decoding.
  const wire = new Map();
  if (scenario.phone) {
    const entry = (id) => wire.get(id) || wire.set(id, { decoded: 0 }).get(id);
    cdp.on('Network.responseReceived', ({ requestId, response }) => {
      const e = entry(requestId);
      e.url = response.url;
      e.status = response.status;
      const headers = Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), v]));
      e.encoding = headers['content-encoding'] || 'none';
    });
    cdp.on('Network.dataReceived', ({ requestId, dataLength }) => {
      entry(requestId).decoded += dataLength;
    });
    cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
      entry(requestId).onWire = encodedDataLength;
    });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: PHONE.latency,
      downloadThroughput: PHONE.download,
      uploadThroughput: PHONE.upload,
    });
  }
  await cdp.send('Network.setCacheDisabled', { cacheDisabled });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: scenario.cpu || 1 });
  requests.length = 0;
  responses.length = 0;
  wire.clear();
  await page.goto(urls[`${scenario.page}-${scenario.variant}${scenario.phone ? '-phone' : ''}`], { waitUntil: 'load' });
  // The checklists of the load: all of them, or those mounted without scrolling.
  const mounted = await page.evaluate(settle, { quietMs: SETTLE_MS, timeout: MOUNT_TIMEOUT_MS });
  if (scenario.cls && mounted) {
    // Layout shifts are counted up to CLS_WINDOW_MS after the load event.
    await page.evaluate(async (windowMs) => {
      const nav = performance.getEntriesByType('navigation')[0];
      const until = Math.max((nav ? nav.loadEventEnd : 0) + windowMs, window.__bench.lastMount + 200);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, until - performance.now())));
    }, CLS_WINDOW_MS);
  }
  const figures = await page.evaluate(collect, { windowMs: CLS_WINDOW_MS, resources: !!scenario.phone });
  if (scenario.phone) figures.wire = [...wire.values()].filter((e) => e.url && !e.url.startsWith('data:'));
  figures.ok = mounted;
  figures.requests = requests.slice();
  figures.responses = responses.slice();
  figures.problems = problems;
  return { figures, page, cdp };
}

/**
 * One cold load: a fresh context (empty storage), the HTTP cache disabled, the CPU slowed when
 * asked; then, when the scenario says so, the scroll through the page or the timed ticks.
 */
async function coldLoad(browser, urls, scenario) {
  const context = await browser.newContext(scenario.phone ? PHONE.context : { viewport: VIEWPORT });
  try {
    await context.addInitScript(benchInit);
    const { figures, page, cdp } = await load(context, urls, scenario, { cacheDisabled: true });
    const { problems } = figures;
    const mounted = figures.ok;
    if (scenario.scroll && mounted) {
      figures.scroll = await page.evaluate(scrollThrough, { speed: SCROLL_SPEED, timeout: MOUNT_TIMEOUT_MS });
      if (!figures.scroll.ok) problems.push(`not every widget mounted within ${MOUNT_TIMEOUT_MS} ms of scrolling to the end`);
    }
    if (scenario.ticks && mounted) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      // Every checklist of the page takes part: the ones below the fold mount once scrolled to.
      const all = await page.evaluate(async (timeout) => {
        window.scrollTo(0, document.documentElement.scrollHeight);
        const done = await Promise.race([window.__bench.done.then(() => true), new Promise((r) => setTimeout(() => r(false), timeout))]);
        window.scrollTo(0, 0);
        return done;
      }, MOUNT_TIMEOUT_MS);
      if (!all) problems.push('not every widget mounted for the ticks');
      await page.waitForTimeout(300);
      const key = scenario.variant === 'ours' ? 'thing-prompts:v1:cpd23-2012' : 'bench-baseline:v1:cpd23-2012';
      figures.ticks = await page.evaluate(timeTicks, { ticks: scenario.ticks, key });
    }
    return figures;
  } finally {
    await context.close();
  }
}

/**
 * A returning reader: a browser with a new profile on disk (its HTTP cache and code caches
 * kept, as a reader's are; an off-the-record context never reads a WebAssembly code cache
 * back), which opens the page three times, each time in a new tab after closing the last
 * one (a new renderer, so that nothing compiled stays in memory). The first visit fills the
 * caches; the second and third are measured. Versioned files come from the HTTP cache without
 * a request (`immutable`); the loader and the page are revalidated (304).
 */
async function returningVisits(urls, scenario) {
  const profile = mkdtempSync(join(os.tmpdir(), 'thing-prompts-bench-'));
  const context = await launchProfile(profile, { viewport: VIEWPORT });
  try {
    await context.addInitScript(benchInit);
    // The profile's first tab (about:blank) stays open, so that the browser never has none.
    const visits = [];
    for (let visit = 1; visit <= 3; visit++) {
      const { figures, page } = await load(context, urls, scenario, { cacheDisabled: false });
      visits.push(figures);
      // Time for the caches to be written, as a reader reads the post before leaving.
      await page.waitForTimeout(RETURN_AFTER_MS);
      await page.close();
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    return visits;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Figures and the table.

const median = (values) => {
  const v = values.filter((x) => x !== null && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
};
const stats = (values) => {
  const v = values.filter((x) => x !== null && Number.isFinite(x));
  return v.length ? { median: median(v), min: Math.min(...v), max: Math.max(...v), n: v.length } : null;
};

const fmt = {
  ms: (x) => (x === null || x === undefined ? '—' : `${x.toFixed(1)} ms`),
  bytes: (x) => (x === null || x === undefined ? '—' : `${x.toLocaleString('en-GB')} B (${(x / KB).toFixed(1)} KB)`),
  mib: (x) => (x === null || x === undefined ? '—' : `${(x / KB / KB).toFixed(2)} MB`),
  cls: (x) => (x === null || x === undefined ? '—' : x.toFixed(4)),
  ratio: (x) => (x === null || x === undefined ? '—' : `${x.toFixed(2)}×`),
  count: (x) => (x === null || x === undefined ? '—' : String(Math.round(x * 10) / 10)),
};

function gzipSize(buffer) {
  return gzipSync(buffer, { level: 9 }).length;
}
function brotliSize(buffer, text) {
  return brotliCompressSync(buffer, {
    params: {
      [zlib.BROTLI_PARAM_QUALITY]: 11,
      [zlib.BROTLI_PARAM_MODE]: text ? zlib.BROTLI_MODE_TEXT : zlib.BROTLI_MODE_GENERIC,
      [zlib.BROTLI_PARAM_SIZE_HINT]: buffer.length,
    },
  }).length;
}

/**
 * A line of the table: the figure's name, its stats (median, min, max) and format, the same
 * figure of the floor and of the plain-JS checklist (medians, or null where they have none),
 * and its budget: `{ text, holds(median, floor, plain) }`, or null.
 */
function row(figure, s, format, floor, plain, budget) {
  return { figure, s, format, floor: floor ?? null, plain: plain ?? null, budget };
}

function printTable(rows) {
  const ratio = (x, of) => (x !== null && of !== null && of > 0 ? fmt.ratio(x / of) : '—');
  const cells = rows.map((r) => {
    let verdict = '—';
    if (r.budget && r.s) verdict = r.budget.holds(r.s.median, r.floor, r.plain) ? 'holds' : 'OVER';
    else if (r.budget) verdict = 'no figure';
    const median = r.s ? r.s.median : null;
    return [
      r.figure,
      r.s ? r.format(r.s.median) : 'failed',
      r.s ? r.format(r.s.min) : '—',
      r.s ? r.format(r.s.max) : '—',
      r.floor === null ? '—' : r.format(r.floor),
      ratio(median, r.floor),
      r.plain === null ? '—' : r.format(r.plain),
      ratio(median, r.plain),
      r.budget ? r.budget.text : '—',
      verdict,
    ];
  });
  const head = ['figure', 'median', 'min', 'max', 'floor', '÷ floor', 'plain JS', '÷ plain JS', 'budget', 'holds/OVER'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => `| ${c.map((x, i) => x.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const c of cells) console.log(line(c));
}

/** `x` within `times` × `of` (false when either is missing). */
const within = (x, times, of) => x !== null && of !== null && x <= times * of;

// ---------------------------------------------------------------------------------------------

async function main() {
  const started = Date.now();
  const loadBefore = os.loadavg()[0];
  // The phone profile's origins: the same three servers, behind gzip-compressing proxies.
  const proxies = {
    pages: await startGzipProxy(BENCH_ORIGIN),
    widget: await startGzipProxy(WIDGET_ORIGIN),
    floor: await startGzipProxy(FLOOR_ORIGIN),
  };
  const urls = writePages({ pages: proxies.pages.origin, widget: proxies.widget.origin, floor: proxies.floor.origin });
  const browser = await launch();
  const version = browser.version();
  say(`Chromium ${version}; ${RUNS} cold loads per figure; pages at ${BENCH_ORIGIN}, widget at ${WIDGET_ORIGIN}, floor at ${FLOOR_ORIGIN}`);

  const scenarios = [];
  for (const variant of ['ours', 'floor', 'baseline']) {
    scenarios.push({ id: `one-${variant}`, page: 'one', variant, cls: true });
    scenarios.push({ id: `one-slow-${variant}`, page: 'one', variant, cpu: 4 });
    scenarios.push({ id: `one-phone-${variant}`, page: 'one', variant, cpu: PHONE.cpu, phone: true });
    if (variant === 'floor') continue;
    scenarios.push({ id: `five-${variant}`, page: 'five', variant, cls: true });
    // The widget's fifty are also scrolled through, top to bottom (the baseline mounts all at once).
    scenarios.push({ id: `fifty-${variant}`, page: 'fifty', variant, cls: true, scroll: variant === 'ours' });
  }
  // A returning reader of the page of one checklist, in a profile of its own each time.
  const returning = [];
  for (const variant of ['ours', 'floor', 'baseline']) {
    returning.push({ id: `return-${variant}`, page: 'one', variant });
    returning.push({ id: `return-slow-${variant}`, page: 'one', variant, cpu: 4 });
  }
  // The pinned snippet's returning reader, once: how many requests reach the widget's host.
  returning.push({ id: 'return-pinned', page: 'one', variant: 'pinned', once: true });
  const results = Object.fromEntries(scenarios.map((s) => [s.id, []]));
  const visits = Object.fromEntries(returning.map((s) => [s.id, []]));
  const problems = new Set();
  const note = (id, figures) => {
    if (!figures.ok) problems.add(`${id}: no widget mounted, or mounting did not settle, within ${MOUNT_TIMEOUT_MS} ms`);
    for (const p of figures.problems) problems.add(`${id}: ${p}`);
  };

  // One load of each page first, not counted: the browser's first navigations are slower.
  // The phone profile's too, which also has the proxies compress each file before any timed load.
  for (const variant of ['ours', 'floor', 'baseline']) {
    await coldLoad(browser, urls, { page: 'one', variant });
    await coldLoad(browser, urls, { page: 'one', variant, cpu: PHONE.cpu, phone: true });
  }
  // Rounds: every scenario once per round, so that drift on a shared machine spreads evenly.
  for (let round = 1; round <= RUNS; round++) {
    say(`round ${round} of ${RUNS}`);
    for (const scenario of scenarios) {
      const figures = await coldLoad(browser, urls, scenario);
      note(scenario.id, figures);
      results[scenario.id].push(figures);
    }
    for (const scenario of returning) {
      if (scenario.once && round > 1) continue;
      const three = await returningVisits(urls, scenario);
      three.forEach((figures, n) => note(`${scenario.id} (visit ${n + 1})`, figures));
      visits[scenario.id].push(three);
    }
  }
  say(`timing ${TICKS} ticks on the five-checklist page`);
  const ticks = {};
  for (const variant of ['ours', 'baseline']) {
    const figures = await coldLoad(browser, urls, { page: 'five', variant, ticks: TICKS });
    ticks[variant] = figures.ticks || { times: [], missed: TICKS };
    if (ticks[variant].missed) problems.add(`ticks (${variant}): ${ticks[variant].missed} of ${TICKS} not seen within 1 s`);
  }
  await browser.close();
  for (const proxy of Object.values(proxies)) await proxy.close();
  // Every load's raw figures, for a closer look.
  writeFileSync(join(BENCH_PAGES, 'results.json'), JSON.stringify({ results, visits, ticks }, null, 1));

  // Sizes of files on disk, under gzip -9 and brotli 11.
  const sized = (folder, name) => {
    const bytes = readFileSync(join(folder, name));
    return { name, raw: bytes.length, gzip: gzipSize(bytes), brotli: brotliSize(bytes, !name.endsWith('.wasm')) };
  };
  const sum = (files) => files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  // Download: every file a page fetched from the widget origin (the one-checklist page: Thing
  // 12, which fetches that Thing's file of the programme; the others fetch one per Thing shown).
  const downloadOf = (id) => {
    const fetched = new Set();
    for (const figures of results[id]) {
      for (const url of figures.requests) {
        const parsed = new URL(url);
        if (parsed.origin === new URL(WIDGET_ORIGIN).origin) fetched.add(parsed.pathname.replace(/^\//, ''));
      }
    }
    // In the order a page fetches them: loader, glue, WebAssembly, then the programme's files.
    const order = (name) => (name.endsWith('.wasm') ? 2 : name.includes('-wasm') ? 1 : name.startsWith('programmes/') ? 3 : 0);
    const files = [...fetched].sort((a, b) => order(a) - order(b) || a.localeCompare(b)).map((name) => sized(DIST, name));
    return { files, total: sum(files) };
  };
  const { files, total } = downloadOf('one-ours');
  const fiveDownload = downloadOf('five-ours').total;
  const fiftyDownload = downloadOf('fifty-ours').total;
  const loader = sized(DIST, 'thing-prompts.js');
  const lite = sum([sized(DIST, 'thing-prompts-wasm.js'), sized(DIST, 'thing-prompts-wasm_bg.wasm')]);
  const floorFiles = FLOOR_FILES.map((name) => sized(FLOOR_DIR, name));
  const floor = sum(floorFiles);
  const sizeOf = (name) => gzipSize(readFileSync(join(DIST, name)));
  const onDemand = {
    full: sizeOf('thing-prompts-full.js') + sizeOf('thing-prompts-full_bg.wasm'),
    extras: sizeOf('thing-prompts-full_bg.wasm') - sizeOf('thing-prompts-wasm_bg.wasm'),
  };
  const baselineBytes = Buffer.from(`${BASELINE_TAG}\n<style>\n${BASELINE_CSS}\n</style>`);
  const baseline = { raw: baselineBytes.length, gzip: gzipSize(baselineBytes), brotli: brotliSize(baselineBytes, true) };

  const pick = (id, f) => results[id].map((r) => (r.ok ? f(r) : null));
  // The nth visit (1, 2, 3) of a returning reader.
  const visit = (id, n, f) => visits[id].map((three) => (three[n - 1] && three[n - 1].ok ? f(three[n - 1]) : null));
  // Render at load: from the WebAssembly ready to the last checklist mounted without scrolling.
  const render = (r) => (r.lastMount !== null && r.renderStart !== null ? r.lastMount - r.renderStart : null);
  const scrolled = (id, f) => results[id].map((r) => (r.ok && r.scroll && r.scroll.ok ? f(r.scroll) : null));
  const pairedRatio = (variant) =>
    results[`fifty-${variant}`].map((r, i) => {
      const five = results[`five-${variant}`][i];
      const a = r.ok ? render(r) : null;
      const b = five && five.ok ? render(five) : null;
      return a !== null && b ? a / b : null;
    });
  const longCount = (r) => (r.longtasks ? r.longtasks.length : null);
  const longest = (r) => (r.longtasks ? Math.max(0, ...r.longtasks.map((t) => t.duration)) : null);
  const m = (values) => (stats(values) ? stats(values).median : null);
  const same = (x) => ({ median: x, min: x, max: x });
  const atLoad = (page) => {
    const counts = pick(`${page}-ours`, (r) => r.mounted);
    const total = results[`${page}-ours`].map((r) => r.expected).find((x) => x) || '?';
    return `${fmt.count(m(counts))} of ${total}`;
  };
  const speed = `${SCROLL_SPEED.toLocaleString('en-GB')} px/s`;
  const firstBox = (r) => r.firstBox;
  const startRow = (label, slow, budget) => {
    const id = (variant) => `one-${slow ? 'slow-' : ''}${variant}`;
    return row(label, stats(pick(id('ours'), firstBox)), fmt.ms, m(pick(id('floor'), firstBox)), m(pick(id('baseline'), firstBox)), budget);
  };
  const startBudget = {
    text: `≤ ${BUDGET.startVsFloor.toFixed(1)}× floor, ≤ ${BUDGET.startVsPlain.toFixed(1)}× plain JS`,
    holds: (x, floor, plain) => within(x, BUDGET.startVsFloor, floor) && within(x, BUDGET.startVsPlain, plain),
  };
  const returnRow = (label, slow, n, budget) => {
    const id = (variant) => `return-${slow ? 'slow-' : ''}${variant}`;
    return row(label, stats(visit(id('ours'), n, firstBox)), fmt.ms, m(visit(id('floor'), n, firstBox)), m(visit(id('baseline'), n, firstBox)), budget);
  };
  const warmBudget = { text: `≤ ${BUDGET.warmVsFloor.toFixed(1)}× floor`, holds: (x, floor) => within(x, BUDGET.warmVsFloor, floor) };

  const rows = [
    row('Lite module, gzip -9 (glue + WebAssembly)', same(lite.gzip), fmt.bytes, floor.gzip, baseline.gzip, {
      text: `≤ ${BUDGET.liteVsFloor.toFixed(2)}× floor`,
      holds: (x, f) => within(x, BUDGET.liteVsFloor, f),
    }),
    row('  brotli 11', same(lite.brotli), fmt.bytes, floor.brotli, baseline.brotli, null),
    // The floor has no loader: it starts from the page's own script.
    row('Loader, gzip -9', same(loader.gzip), fmt.bytes, null, baseline.gzip, {
      text: '≤ 2.5 KB',
      holds: (x) => x <= BUDGET.loader,
    }),
    row('  brotli 11', same(loader.brotli), fmt.bytes, null, baseline.brotli, null),
    row('First download, gzip -9 (loader + lite module + programme)', same(total.gzip), fmt.bytes, floor.gzip, baseline.gzip, {
      text: `≤ ${BUDGET.firstDownload / KB} KB`,
      holds: (x) => x <= BUDGET.firstDownload,
    }),
    row('  brotli 11', same(total.brotli), fmt.bytes, floor.brotli, baseline.brotli, null),
    row('  page of 5 checklists (Thing 12), gzip -9', same(fiveDownload.gzip), fmt.bytes, null, null, null),
    row('  page of 50 checklists (every Thing), gzip -9', same(fiftyDownload.gzip), fmt.bytes, null, null, null),
    // Not part of a page of checklists: fetched when a reader first opens Backup or All Things.
    row('  full module on demand, gzip -9 (glue + wasm)', same(onDemand.full), fmt.bytes, null, null, null),
    row('  of which backup, overview, outline, notes, author messages (full − lite wasm)', same(onDemand.extras), fmt.bytes, null, null, null),
    startRow('Start: first interactive checkbox', false, startBudget),
    startRow('Start, CPU 4× slower', true, startBudget),
    row('  of which WebAssembly ready', stats(pick('one-ours', (r) => r.wasmReady)), fmt.ms, m(pick('one-floor', (r) => r.wasmReady)), null, null),
    row('Start, phone on a slow network (150 ms, 1.6 Mbit/s, CPU 4×, gzip)', stats(pick('one-phone-ours', firstBox)), fmt.ms,
      m(pick('one-phone-floor', firstBox)), m(pick('one-phone-baseline', firstBox)), {
        text: `≤ ${BUDGET.phoneVsFloor.toFixed(1)}× floor`,
        holds: (x, floor) => within(x, BUDGET.phoneVsFloor, floor),
      }),
    row('  of which WebAssembly ready', stats(pick('one-phone-ours', (r) => r.wasmReady)), fmt.ms, m(pick('one-phone-floor', (r) => r.wasmReady)), null, null),
    returnRow('Start, returning reader (second visit)', false, 2, warmBudget),
    returnRow('Start, returning reader, CPU 4× slower', true, 2, warmBudget),
    returnRow('  third visit', false, 3, null),
    returnRow('  third visit, CPU 4× slower', true, 3, null),
    row('Render at load, page of 1', stats(pick('one-ours', render)), fmt.ms, m(pick('one-floor', render)), m(pick('one-baseline', render)), null),
    row(`Render at load, page of 5 (${atLoad('five')} mounted)`, stats(pick('five-ours', render)), fmt.ms, null, m(pick('five-baseline', render)), null),
    row(`Render at load, page of 50 (${atLoad('fifty')} mounted)`, stats(pick('fifty-ours', render)), fmt.ms, null, m(pick('fifty-baseline', render)), null),
    row('Last mounted at load, from navigation, page of 50', stats(pick('fifty-ours', (r) => r.lastMount)), fmt.ms, null, m(pick('fifty-baseline', (r) => r.lastMount)), null),
    row('Render at load, 50 ÷ 5 (paired loads)', stats(pairedRatio('ours')), fmt.ratio, null, m(pairedRatio('baseline')), {
      text: '≤ 1.5×',
      holds: (x) => x <= BUDGET.manyRatio,
    }),
    row('Long tasks > 50 ms, page of 50, at load', stats(pick('fifty-ours', longCount)), fmt.count, null, m(pick('fifty-baseline', longCount)), {
      text: 'none',
      holds: (x) => x <= BUDGET.longTasks,
    }),
    row('  longest of them (0: none)', stats(pick('fifty-ours', longest)), fmt.ms, null, m(pick('fifty-baseline', longest)), null),
    row(`Scrolled through at ${speed}: seen before mounted`, stats(scrolled('fifty-ours', (x) => x.late)), fmt.count, null, null, {
      text: 'none',
      holds: (x) => x === 0,
    }),
    row('  long tasks > 50 ms while scrolling', stats(scrolled('fifty-ours', longCount)), fmt.count, null, null, {
      text: 'none',
      holds: (x) => x <= BUDGET.longTasks,
    }),
    row('  longest of them (0: none)', stats(scrolled('fifty-ours', longest)), fmt.ms, null, null, null),
    row('  all 50 mounted, after reaching the end', stats(scrolled('fifty-ours', (x) => Math.max(0, x.allMounted - x.end))), fmt.ms, null, null, null),
    row('  layout shift while scrolling', stats(scrolled('fifty-ours', (x) => x.cls)), fmt.cls, null, null, null),
    row('Layout shift (CLS) at load, page of 1', stats(pick('one-ours', (r) => r.cls)), fmt.cls, m(pick('one-floor', (r) => r.cls)), m(pick('one-baseline', (r) => r.cls)), {
      text: '≤ 0.01',
      holds: (x) => x <= BUDGET.cls,
    }),
    row('Layout shift (CLS) at load, page of 5', stats(pick('five-ours', (r) => r.cls)), fmt.cls, null, m(pick('five-baseline', (r) => r.cls)), {
      text: '≤ 0.01',
      holds: (x) => x <= BUDGET.cls,
    }),
    row('Layout shift (CLS) at load, page of 50', stats(pick('fifty-ours', (r) => r.cls)), fmt.cls, null, m(pick('fifty-baseline', (r) => r.cls)), {
      text: '≤ 0.01',
      holds: (x) => x <= BUDGET.cls,
    }),
    row(`Per tick: storage + all 5 widgets (${TICKS} ticks)`, stats(ticks.ours.times), fmt.ms, null, m(ticks.baseline.times), {
      text: '≤ 16 ms',
      holds: (x) => x <= BUDGET.tick,
    }),
    row('WASM memory after 1 widget', stats(pick('one-ours', (r) => r.memory)), fmt.mib, m(pick('one-floor', (r) => r.memory)), null, null),
    row(`WASM memory at load, page of 50 (${atLoad('fifty')})`, stats(pick('fifty-ours', (r) => r.memory)), fmt.mib, null, null, null),
    row('WASM memory after all 50 (scrolled through)', stats(scrolled('fifty-ours', (x) => x.memory)), fmt.mib, null, null, {
      text: '≤ 2 MB',
      holds: (x) => x <= BUDGET.memory,
    }),
  ];

  for (const r of rows) {
    if (r.s && r.s.n !== undefined && r.s.n < RUNS && !r.figure.startsWith('Per tick')) {
      problems.add(`${r.figure.trim()}: a figure from ${r.s.n} of ${RUNS} loads only`);
    }
  }
  const cpus = os.cpus();
  console.log('');
  console.log(`Thing Prompts benchmark, ${new Date().toISOString().slice(0, 10)}: ${cpus.length} × ${cpus[0] ? cpus[0].model.trim() : 'CPU'}, ` +
    `Chromium ${version} headless, Node ${process.version}; ${RUNS} loads per figure.`);
  console.log('');
  console.log('Download: the files the page of one checklist (Thing 12) fetches, measured from its requests (the');
  console.log("styles are compiled into the .wasm; a pinned Thing's questions come in that Thing's file of the programme),");
  console.log("then the floor's files (target/bench-floor/) and the plain-JS checklist:");
  console.log('');
  const fileRows = [
    ...files,
    { name: 'total', ...total },
    ...floorFiles.map((f) => ({ ...f, name: `floor: ${f.name}` })),
    { name: 'floor: total', ...floor },
    { name: 'plain JS (inline script with its programme, and CSS)', ...baseline },
  ];
  const nameWidth = Math.max(...fileRows.map((f) => f.name.length));
  const num = (x) => x.toLocaleString('en-GB').padStart(9);
  console.log(`  ${'file'.padEnd(nameWidth)}     bytes   gzip -9 brotli 11`);
  for (const f of fileRows) console.log(`  ${f.name.padEnd(nameWidth)} ${num(f.raw)} ${num(f.gzip)} ${num(f.brotli)}`);
  console.log('');
  printTable(rows);
  console.log('');
  console.log('Floor: a bare Yew checklist (bench/floor/: five checkboxes, a use_state, a progress line, one');
  console.log("localStorage write a tick) built by the lite module's release pipeline; plain JS: a checklist of");
  console.log('about 50 lines in the page. Both are measured in this run; "÷" is ours divided by theirs.');
  console.log('Times are from navigation start on a loopback server, in a 1280 × 720 viewport. Cold loads: a');
  console.log('fresh context, HTTP cache disabled. Returning reader: a new profile on disk each time, the page');
  console.log(`opened three times in a new tab ${RETURN_AFTER_MS / 1000} s apart; versioned files come from the HTTP cache`);
  console.log('(Cache-Control: immutable), the loader and the page are revalidated (304). "Render at load"');
  console.log('runs from the WebAssembly being ready (the baseline: its script starting) to the last checklist');
  console.log('mounted without scrolling: the widget mounts those within 1.5 viewport heights of the viewport');
  console.log('(the count is in the label) and the rest as the reader scrolls near them; the baseline mounts');
  console.log(`all at once. "Scrolled through": the page of 50 scrolled from top to bottom at ${speed} after`);
  console.log('the load; "seen before mounted" counts checklists that entered the viewport as static text.');
  console.log('The phone profile loads the page of one checklist cold on a 412 × 823 screen, its files gzipped');
  console.log('on the way and the network throttled (its own table, at the end, shows how each file came).');
  console.log('KB and MB are 1,024 and 1,048,576 bytes.');
  // How a returning reader's second visit got its files (the first round's), to show the caching.
  console.log('');
  console.log("A returning reader's second visit, file by file (cache: from the HTTP cache, no request):");
  for (const variant of ['ours', 'floor', 'baseline']) {
    const second = visits[`return-${variant}`][0] && visits[`return-${variant}`][0][1];
    if (!second) continue;
    const how = second.responses
      .filter((r) => r.url && !r.url.startsWith('data:'))
      .map((r) => `${new URL(r.url).pathname.split('/').pop() || '/'} ${r.cached ? 'cache' : r.status}`);
    console.log(`  ${variant === 'baseline' ? 'plain JS' : variant}: ${how.join(', ')}`);
  }
  // The pinned snippet (thing-prompts@<version>/ with integrity): every file at an exact
  // release's address, so a returning reader's page asks the widget's host nothing.
  const pinnedVisits = visits['return-pinned'][0] || [];
  const toWidgetHost = (figures) =>
    figures.responses.filter((r) => r.url && new URL(r.url).origin === new URL(WIDGET_ORIGIN).origin);
  if (pinnedVisits.length === 3) {
    const [first, ...later] = pinnedVisits.map(toWidgetHost);
    const asked = later.map((responses) => responses.filter((r) => !r.cached).length);
    console.log('');
    console.log(`Returning reader, pinned snippet (thing-prompts@${RELEASE_VERSION}/ with integrity): ` +
      `${first.length} files from the widget's host on the first visit; requests to it on the second and third: ${asked.join(' and ')}` +
      ` (${later.flat().filter((r) => r.cached).length} answers from the HTTP cache).`);
    console.log(`  second visit: ${later[0].map((r) => `${new URL(r.url).pathname.split('/').pop()} ${r.cached ? 'cache' : r.status}`).join(', ')}`);
  }
  printPhone(results, m);
  if (problems.size) {
    console.log('');
    console.log('Seen during the loads:');
    for (const p of [...problems].slice(0, 20)) console.log(`  ${p}`);
  }
  const over = rows.filter((r) => r.budget && (!r.s || !r.budget.holds(r.s.median, r.floor, r.plain))).length;
  const budgets = rows.filter((r) => r.budget).length;
  console.log('');
  const loadAfter = os.loadavg()[0];
  console.log(`Load average (1 min) before and after: ${loadBefore.toFixed(2)}, ${loadAfter.toFixed(2)}` +
    (Math.max(loadBefore, loadAfter) > cpus.length
      ? ` (over ${cpus.length} cores: other work shared the machine, so absolute times are inflated; the ratios less so).`
      : '.'));
  console.log(`${budgets - over} of ${budgets} budgets hold (the benchmark reports; it does not fail). ` +
    `${((Date.now() - started) / 1000).toFixed(0)} s in the browser.`);
}

/**
 * The phone profile, file by file: for each of ours, the floor and plain JS, every response of
 * the page of one checklist with its Content-Encoding, the bytes on the wire and decoded (those
 * of the first load: they are the same each time), and when its request started and its
 * response ended (medians over the loads, from navigation start); then the WebAssembly ready
 * and the first enabled checkbox. Shows that the files came compressed, and where the time goes.
 */
function printPhone(results, m) {
  const label = { ours: 'ours (README snippet, moving CDN path)', floor: 'floor', baseline: 'plain JS' };
  console.log('');
  console.log(`Phone on a slow network, file by file (latency ${PHONE.latency} ms a request, ` +
    `${((PHONE.download * 8) / 1024 / 1024).toFixed(1)} Mbit/s down, ${((PHONE.upload * 8) / 1024).toFixed(0)} kbit/s up, CPU ${PHONE.cpu}× slower, ` +
    `files gzip-compressed by bench/gzip-proxy.mjs; times are medians from navigation start):`);
  for (const variant of ['ours', 'floor', 'baseline']) {
    const loads = results[`one-phone-${variant}`].filter((r) => r.ok && r.wire && r.resources);
    if (!loads.length) {
      console.log(`  ${label[variant]}: no load mounted`);
      continue;
    }
    console.log(`  ${label[variant]}:`);
    const lines = loads[0].wire.map((w) => {
      const times = (field) => m(loads.map((r) => (r.resources.find((e) => e.url === w.url) || {})[field] ?? null));
      const name = new URL(w.url).pathname.split('/').pop() || '/';
      return { name, w, start: times('start'), end: times('end') };
    });
    lines.sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity));
    const width = Math.max('first enabled checkbox'.length, ...lines.map((l) => l.name.length));
    const bytes = (x) => (x === undefined ? '—' : `${x.toLocaleString('en-GB')} B`).padStart(10);
    const at = (x) => fmt.ms(x).padStart(9);
    const texts = lines.map(({ name, w }) =>
      `${name.padEnd(width)}  ${String(w.status).padEnd(3)} ${w.encoding.padEnd(5)} on the wire ${bytes(w.onWire)}, decoded ${bytes(w.decoded)}`);
    const left = Math.max(...texts.map((t) => t.length));
    lines.forEach(({ start, end }, i) => console.log(`    ${texts[i].padEnd(left)}  ${at(start)} → ${at(end)}`));
    const ready = m(loads.map((r) => r.wasmReady));
    const first = m(loads.map((r) => r.firstBox));
    if (ready !== null) console.log(`    ${'WebAssembly ready'.padEnd(left)}  ${' '.repeat(12)}${at(ready)}`);
    console.log(`    ${'first enabled checkbox'.padEnd(left)}  ${' '.repeat(12)}${at(first)}`);
    // Where the time goes: until the WebAssembly is asked for (the page, and for ours the
    // loader's round trip and run), its download, what is left of compiling and instantiating
    // after its last byte (compiled while streaming), and the render to the first checkbox.
    const wasm = lines.find((l) => l.name.endsWith('.wasm'));
    if (wasm && ready !== null) {
      console.log(`    ${'phases'.padEnd(width)}  until the WebAssembly is asked for ${fmt.ms(wasm.start)}; its download ${fmt.ms(wasm.end - wasm.start)}; ` +
        `ready ${fmt.ms(ready - wasm.end)} after its last byte; first checkbox ${fmt.ms(first - ready)} after ready`);
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
