/*! Thing Prompts loader */
// Turns every .thing-prompts placeholder on the page into a checklist. Paste it once or in every
// post: the WebAssembly is fetched and started once per page. (Only the line above is kept in
// the minified file: every byte of this file is fetched by every page.)
(function () {
  'use strict';
  var PREFIX = '[thing-prompts]';
  // Written by `cargo xtask dist`: a hash of the glue and the WebAssembly of this build. It is in
  // their URLs, so this loader never pairs with a cached copy of another build's files. It is
  // hexadecimal, so it needs no escaping there.
  var BUILD = '__BUILD__';
  var VERSION = '__VERSION__';
  var TAG = '?v=' + BUILD;
  // The programmes that ship beside this file as programmes/<id>.json, with each Thing's own
  // questions in programmes/<id>/<number>.json: "<id>:<Things numbered 1 to this>", written
  // by xtask.
  var BUNDLED = {};
  '__PROGRAMMES__'.split(' ').forEach(function (entry) {
    var parts = entry.split(':');
    BUNDLED[parts[0]] = Number(parts[1]);
  });
  // The WebAssembly modules: the lite one has the checklist; the full one adds the parts a reader
  // rarely opens (backup, course overview) and is fetched only when one of them is wanted.
  var LITE = 'thing-prompts-wasm';
  var FULL = 'thing-prompts-full';
  // Written by `cargo xtask dist`: the hash of every file of this build that this loader fetches,
  // base64 digests one after another in a fixed order (below): SHA-384 of both modules' glue and
  // WebAssembly and of each bundled programme's whole file, SHA-256 of each Thing's own file. The
  // snippet's `integrity` pins this loader and these pin the rest, so one hash covers every byte
  // the widget runs; a file whose bytes differ is refused.
  var INTEGRITY = {};
  var digests = '__INTEGRITY__';
  var at = 0;
  function pin(file, sha256) {
    var length = sha256 ? 43 : 64;
    INTEGRITY[file] = (sha256 ? 'sha256-' : 'sha384-') + digests.substr(at, length) + (sha256 ? '=' : '');
    at += length;
  }
  [LITE, FULL].forEach(function (name) {
    pin(name + '.js');
    pin(name + '_bg.wasm');
  });
  Object.keys(BUNDLED).forEach(function (id) {
    pin('programmes/' + id + '.json');
    for (var n = 1; n <= BUNDLED[id]; n++) pin('programmes/' + id + '/' + n + '.json', true);
  });
  // A programme named by data-programme-src gets this long to arrive, and may be this large.
  var PROGRAMME_TIMEOUT_MS = 10000;
  var PROGRAMME_MAX_BYTES = 256 * 1024;
  // A placeholder within this many viewport heights of the viewport (below it or above it) mounts
  // as soon as the widget is ready; one further away when scrolling brings it this close. About
  // three posts on a phone or a laptop: the screen the reader sees and the next ones. A flick of
  // a few thousand pixels a second still takes a third of a second to cover one and a half
  // viewports, far longer than a batch of widgets takes to mount.
  var NEAR = 1.5;

  // Nothing is ever thrown into the page: the placeholders' own content is the fallback.
  guarded('could not start, so the questions stay as plain text:', function () {
    // The one global name the widget adds; a second copy of this script reuses it.
    var api = window.ThingPrompts;
    if (!api || typeof api.scan !== 'function') {
      api = create(document.currentScript);
      if (!api) return;
      window.ThingPrompts = api;
    }
    api.scan();
    // An async script can run before the rest of the post is parsed.
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', api.scan);
  })();

  function warn() {
    try {
      [].unshift.call(arguments, PREFIX);
      console.warn.apply(console, arguments);
    } catch (ignored) {
      // A page without a console loses the message, nothing else.
    }
  }

  /** `run`, made safe to call from the page: what it throws becomes one warning after `said`. */
  function guarded(said, run) {
    return function (argument) {
      try {
        run(argument);
      } catch (error) {
        warn(said, error);
      }
    };
  }

  /** An attribute of a placeholder as the widget reads it: trimmed, lower case, '' when absent. */
  function attribute(node, name) {
    return (node.getAttribute(name) || '').trim().toLowerCase();
  }

  // ------------------------------------------------------------------------------------------
  // The public API: window.ThingPrompts, and scan(), which hands each placeholder it finds to the
  // parts below.

  /** The API with its parts wired together; null when the widget's files cannot be found. */
  function create(script) {
    var base;
    try {
      // A CDN's moving address (thing-prompts@0.1/) may serve a newer release's files by the
      // time they are asked for; this loader's own build is at its exact version, which never
      // changes, and the only one its hashes accept.
      base = new URL('./', (script && script.src) || document.baseURI).href.replace(/(\/thing-prompts@)[^/]*\/$/, '$1' + VERSION + '/');
    } catch (ignored) {
      warn('cannot tell where the widget files are; the questions stay as plain text.');
      return null;
    }
    var load = modules(base);
    var widgets = takeover(load);
    var schedule = scheduler(widgets.mount);
    var programmeOf = programmes(base);
    // Every placeholder found so far: one still waiting to mount has no shadow root yet.
    var claimed = new WeakSet();

    return {
      base: base,
      scan: guarded('could not look for placeholders:', function () {
        var found = [].filter.call(document.querySelectorAll('.thing-prompts'), function (node) {
          if (node.shadowRoot || claimed.has(node)) return false;
          claimed.add(node);
          return true;
        });
        if (!found.length) return;
        var ready = widgets.moduleFor(bringsTicks() || found.some(wantsFull));
        var pinned = found.map(function (node) {
          try {
            return bundledThing(node);
          } catch (ignored) {
            return null; // A host page's trap: that placeholder is reported when it is read.
          }
        });
        found.forEach(function (node) {
          var programme;
          try {
            programme = programmeOf(node, pinned);
          } catch (error) {
            // A host page can make even reading an attribute throw: this widget stays as it is.
            warn('one widget could not start:', error);
            return;
          }
          schedule(node, ready.then(function () {
            return programme.then(null, function (error) {
              // A bundled file refused: said once, however many placeholders wait for it (and not
              // at all when the module failed too, which says why itself).
              if (error && error.refused && !error.said) {
                error.said = true;
                warn(error.message + ' The questions stay as plain text.');
              }
              throw error;
            });
          }));
        });
      }),
      upgrade: widgets.upgrade,
      tell: tell,
      // What the page keeps in memory when the browser refuses localStorage: storage key to
      // text, kept here so that every module on the page shares it (written by the modules).
      memory: new Map(),
      // For the configurator (configure.html): a programme file by address, with the limits and
      // messages of data-programme-src, fetched anew on each call (an organiser may fix and retry).
      // It resolves to [text, undefined] or [undefined, message], as the configurator reads it.
      fetchProgramme: function (src) {
        return fromAddress(String(src), fetchProgramme).then(function (got) {
          return [got.text, got.error];
        });
      },
      version: VERSION,
      build: BUILD,
    };
  }

  // ------------------------------------------------------------------------------------------
  // Events for the page (docs/hosting.md). A module calls tell(host, programme, thing, answered,
  // total) as its widget in `host` mounts and whenever its count changes; the placeholder then
  // dispatches thing-prompts:ready the first time, whichever module calls, and
  // thing-prompts:change when the count differs from the last one told. Ids and counts only.

  var told = new WeakMap();

  function tell(host, programme, thing, answered, total) {
    var last = told.get(host);
    if (last === answered) return;
    told.set(host, answered);
    // After the widget's own work, so that a page's listener never runs inside it.
    Promise.resolve().then(guarded('a page event could not be sent:', function () {
      host.dispatchEvent(new CustomEvent(last === undefined ? 'thing-prompts:ready' : 'thing-prompts:change', {
        bubbles: true,
        composed: true,
        detail: { programme: programme || null, thing: thing ? +thing : null, answered: answered, total: total, complete: total > 0 && answered === total },
      }));
    }));
  }

  /** Whether the page was opened by a link with ticks from another device (#thing-prompts=TP1…): the full module asks about them. */
  function bringsTicks() {
    try {
      return location.hash.indexOf('#thing-prompts=') === 0;
    } catch (ignored) {
      return false;
    }
  }

  /**
   * Whether a placeholder needs the full module from the start: it shows the overview or notes, or
   * its Thing of a bundled programme has a link to the reader's post kept, which only the full
   * module shows (stored under "~record", docs/storage.md).
   */
  function wantsFull(node) {
    try {
      return attribute(node, 'data-view') === 'overview' || attribute(node, 'data-notes') === 'on' || keptLink(node);
    } catch (ignored) {
      return false; // A host page's trap: that placeholder is reported when it is read.
    }
  }

  /** Whether storage keeps a link to the reader's post on the placeholder's Thing (`data-thing` of `data-programme`). */
  function keptLink(node) {
    try {
      var thing = attribute(node, 'data-thing');
      var stored = thing && localStorage.getItem('thing-prompts:v1:' + attribute(node, 'data-programme'));
      var link = stored && (JSON.parse(stored).things['~record'] || {})['link:' + thing];
      return !!(link && link.note);
    } catch (ignored) {
      return false; // Storage refused or damaged: the widget reads it itself.
    }
  }

  // ------------------------------------------------------------------------------------------
  // Module loading.

  /**
   * `load(name)`: a promise of a module's glue once its WebAssembly has started; each module is
   * fetched once per page. A failure is said in one warning, which names the directive to change
   * when the page's Content-Security-Policy was the cause.
   */
  function modules(base) {
    var loads = {};
    // Whether a module has started: then a failure loses only the rarely used parts.
    var running = false;
    return function (name) {
      if (loads[name]) return loads[name];
      var violations = [];
      function onViolation(event) {
        violations.push(event);
      }
      function stop() {
        document.removeEventListener('securitypolicyviolation', onViolation);
      }
      document.addEventListener('securitypolicyviolation', onViolation);
      var wasmFile = name + '_bg.wasm';
      var loading = loads[name] = new Promise(function (resolve) {
        // Inside the executor, a host page's broken fetch that throws becomes a rejection.
        resolve(Promise.all([
          checkedImport(base, name + '.js'),
          fetch(base + wasmFile + TAG, { credentials: 'omit', integrity: integrityOf(wasmFile) }).then(null, function (error) {
            throw error.refused ? error : refused(wasmFile);
          }),
        ]));
      }).then(function (both) {
        var glue = both[0];
        var response = both[1];
        if (!response.ok) throw new Error('HTTP ' + response.status + ' for ' + response.url);
        // Streaming compilation needs the right MIME type; any other host still works.
        var wasm = /^application\/wasm\b/.test(response.headers.get('Content-Type'))
          ? response
          : response.arrayBuffer();
        return glue.default({ module_or_path: wasm }).then(function () {
          running = true;
          return glue;
        });
      });
      loading.then(stop, function (error) {
        // The violation event is queued as a task of its own: let it arrive before explaining.
        setTimeout(function () {
          stop();
          var fix = null;
          try {
            fix = blockedBy(error, violations, base);
          } catch (ignored) {
            // Explaining is a courtesy; the warning below is what matters.
          }
          if (fix) warn("the page's Content-Security-Policy " + fix);
          else {
            var said = error && error.refused ? error.message : error;
            if (running) warn('could not load the rest of the widget (backup, course overview):', said);
            else warn('could not start, so the questions stay as plain text:', said);
          }
        }, 50);
      });
      return loading;
    };
  }

  /**
   * The glue of a module (`file`, beside the loader), imported only once the browser has checked
   * it against INTEGRITY: a `<link rel="modulepreload" integrity>` (for the time it loads, inside
   * the first placeholder) fetches and checks it into the page's module map, and import() of the
   * same URL then takes that checked copy (a failed check leaves nothing to take). A link's
   * address is not a Trusted Types sink, so a page that enforces them still works; a browser
   * without modulepreload gets a `<script type="module" integrity>`.
   */
  function checkedImport(base, file) {
    var url = base + file + TAG;
    return new Promise(function (resolve, reject) {
      var integrity = integrityOf(file);
      var preload = document.createElement('link');
      var element = preload.relList && preload.relList.supports && preload.relList.supports('modulepreload')
        ? preload
        : document.createElement('script');
      if (element === preload) {
        preload.rel = 'modulepreload';
        preload.href = url;
      } else {
        element.type = 'module';
        element.src = url;
      }
      element.integrity = integrity;
      element.crossOrigin = 'anonymous';
      // It goes inside a placeholder for as long as it loads (a link is never shown), since the
      // page outside the placeholders is never changed, and leaves the placeholder as it was.
      element.onload = function () {
        element.remove();
        resolve(import(url));
      };
      element.onerror = function () {
        element.remove();
        reject(refused(file));
      };
      (document.querySelector('.thing-prompts') || document.head || document.documentElement).appendChild(element);
    });
  }

  /** The integrity value of a file of this build; a file the list lacks is refused, never let through unchecked. */
  function integrityOf(file) {
    if (!INTEGRITY.hasOwnProperty(file)) throw refused(file);
    return INTEGRITY[file];
  }

  /** The error for a file of this build that did not arrive as built: it names the file. */
  function refused(file) {
    var error = new Error('refused ' + file + ': it could not be loaded, or it is not the file this release was built with (its integrity hash differs).');
    error.refused = true;
    return error;
  }

  /**
   * When the page's Content-Security-Policy refused something the widget needs, what it refused
   * and the directive to change; null for any other failure.
   */
  function blockedBy(error, violations, base) {
    var origin = new URL(base).origin;
    var wasm = "does not allow WebAssembly, so the questions stay as plain text: add 'wasm-unsafe-eval' to script-src.";
    for (var i = 0; i < violations.length; i++) {
      var violation = violations[i];
      // A report-only policy blocks nothing: it cannot be why the widget failed.
      if (violation.disposition === 'report') continue;
      var uri = String(violation.blockedURI || '');
      if (uri === 'wasm-eval') return wasm;
      if (uri.indexOf(origin) === 0) {
        return 'blocks the widget files from ' + origin + ', so the questions stay as plain text: add ' + origin +
          (/^connect-src/.test(violation.effectiveDirective || violation.violatedDirective) ? ' to connect-src.' : ' to script-src.');
      }
    }
    // The violation event may not have arrived (or the browser sends none); the error says it too.
    var text = String((error && error.message) || error);
    return /WebAssembly|wasm/i.test(text) && /unsafe-eval|Content.Security.Policy|\bCSP\b/i.test(text) ? wasm : null;
  }

  // ------------------------------------------------------------------------------------------
  // Programme fetching. A programme comes as { text }, { error } (a message for the page's
  // author), or {} when a placeholder names none; the promises never reject, but for a bundled
  // file refused by its integrity check: its placeholders then keep their own content.

  /**
   * `programmeOf(node, pinned)`: a promise of the programme a placeholder names, by
   * data-programme-src or as a bundled one. `pinned` is what bundledThing() said of every
   * placeholder of the same scan.
   */
  function programmes(base) {
    // Programme files by absolute URL: each is fetched once per page, whatever the number of
    // placeholders, scans and copies of this script (later copies use this copy's scan).
    var files = {};
    function fetched(url) {
      return files[url] || (files[url] = fetchProgramme(url));
    }
    return function (node, pinned) {
      var src = node.getAttribute('data-programme-src');
      if (src !== null) return fromAddress(src, fetched);
      var wanted = bundledThing(node);
      if (!wanted) return Promise.resolve({});
      var file = 'programmes/' + wanted.id;
      // A page whose checklists all pin one Thing needs only that Thing's questions: its own file,
      // a quarter of the whole. A page with other Things of the course, or one that fetched the
      // whole file already, uses the whole file for all of them.
      var one = wanted.thing && !files[file + '.json'] &&
        pinned.every(function (other) {
          return !other || other.id !== wanted.id || other.thing === wanted.thing;
        });
      file += (one ? '/' + wanted.thing : '') + '.json';
      if (!files[file]) {
        files[file] = bundled(base, file);
        // Handled where its placeholders wait for it (scan); this keeps a refusal that nobody
        // waits for any more (the module failed first) from being reported as unhandled.
        files[file].then(null, function () {});
      }
      return files[file];
    };
  }

  /**
   * A bundled programme file (`file`, beside the loader) checked against INTEGRITY. Its URL
   * carries this build (?v=), so the file there never changes and a returning reader's HTTP cache
   * may answer without asking. One that fails the check (or cannot be had) is said once, and its
   * placeholders keep their own content: the questions as plain text.
   */
  function bundled(base, file) {
    return new Promise(function (resolve) {
      // Inside the executor, a host page's broken fetch that throws becomes a rejection.
      resolve(fetch(base + file + TAG, { credentials: 'omit', integrity: integrityOf(file) }));
    }).then(function (response) {
      if (!response.ok) throw refused(file);
      return response.text();
    }).then(function (text) {
      return { text: text };
    }, function (error) {
      throw error && error.refused ? error : refused(file);
    });
  }

  /**
   * The bundled programme a placeholder names, as { id, thing }: `thing` is the Thing a checklist
   * pins (a number the programme has), else 0; null when it names no bundled programme.
   */
  function bundledThing(node) {
    if (node.getAttribute('data-programme-src') !== null) return null;
    var id = attribute(node, 'data-programme');
    if (!id || !BUNDLED.hasOwnProperty(id)) return null;
    var thing = attribute(node, 'data-thing');
    var view = attribute(node, 'data-view');
    var pins = /^[0-9]+$/.test(thing) && thing >= 1 && thing <= BUNDLED[id] && (!view || view === 'checklist');
    return { id: id, thing: pins ? Number(thing) : 0 };
  }

  /**
   * The programme file `src` names (as in data-programme-src), resolved against the page and
   * fetched with `get(url)`; a message for the page's author when it is not a web address.
   */
  function fromAddress(src, get) {
    var url = null;
    try {
      url = src.trim() && new URL(src.trim(), document.baseURI);
    } catch (ignored) {
      // Not a URL at all: said below.
    }
    if (!url || !/^https?:$/.test(url.protocol)) {
      return Promise.resolve({ error: 'data-programme-src="' + src +
        "\" is not a web address: use an https:// address of the programme's JSON file." });
    }
    url.hash = '';
    return get(url.href);
  }

  /** Fetches the programme file at `url` (absolute, http or https): 10 s at most, 256 KB at most. */
  // An organiser's own file (data-programme-src) may change at any time, so the server is asked
  // again every time, and it is not pinned by a hash: it is theirs to change.
  function fetchProgramme(url) {
    var failed = 'could not load the programme from ' + url + ': ';
    var tooLarge = { error: failed + "the file is larger than 256 KB, far more than a programme needs. Check that the address names the programme's JSON file." };
    var controller = typeof AbortController === 'function' ? new AbortController() : null;
    var timer;
    var late = new Promise(function (resolve) {
      timer = setTimeout(function () {
        resolve({ error: failed + 'no answer within 10 seconds. Try again later, or check the address.' });
      }, PROGRAMME_TIMEOUT_MS);
    });
    var loaded = new Promise(function (resolve) {
      // Inside the executor, a host page's broken fetch that throws becomes a rejection.
      resolve(fetch(url, { credentials: 'omit', cache: 'no-cache', signal: controller && controller.signal }));
    }).then(function (response) {
      if (!response.ok) {
        return { error: failed + 'the server answered ' + (response.status + ' ' + response.statusText).trim() +
          '. Check the address in data-programme-src.' };
      }
      if (response.headers.get('Content-Length') > PROGRAMME_MAX_BYTES) return tooLarge;
      return response.arrayBuffer().then(function (bytes) {
        // Content-Length may be missing, or count the compressed size: the body itself decides.
        return bytes.byteLength > PROGRAMME_MAX_BYTES ? tooLarge : { text: new TextDecoder().decode(bytes) };
      });
    }).then(null, function () {
      // fetch rejects with a bare TypeError for a refused CORS request and an unreachable server alike.
      return { error: failed + 'the browser refused it or the server could not be reached. The server must ' +
        'allow other sites to read it (Access-Control-Allow-Origin: *); see the README.' };
    });
    return Promise.race([loaded, late]).then(function (programme) {
      clearTimeout(timer);
      // Stops the fetch on time out, and the reading of a body left unread (an error status, too
      // large); harmless once read.
      if (controller) controller.abort();
      return programme;
    });
  }

  // ------------------------------------------------------------------------------------------
  // The mount scheduler. Placeholders far below the fold wait until the reader scrolls near them,
  // so a front page of fifty posts starts as fast as one of five; the others start a few at a
  // time, each batch in its own task, so that the page stays responsive while they mount.

  /**
   * `schedule(node, ready)`, where `ready` is a promise of the node's programme that resolves once
   * the module has started too, and rejects when the module cannot be had. The widget is mounted
   * with `mount(job)`, a job being { node, programme }.
   */
  function scheduler(mount) {
    // Placeholders not started yet, by node: { node, near, programme once ready }.
    var waiting = new Map();
    var queue = [];
    var draining = false;
    var watcher = null;
    try {
      if (typeof IntersectionObserver === 'function') {
        // Percentages of the viewport's height above and below it (isNear repeats the test).
        watcher = new IntersectionObserver(guarded('one widget could not start:', function (entries) {
          entries.forEach(function (entry) {
            var job = entry.isIntersecting && waiting.get(entry.target);
            if (job) approach(job);
          });
        }), { rootMargin: NEAR * 100 + '% 0px' });
      }
    } catch (ignored) {
      // Without it every widget starts at once.
    }

    // A printed page shows every widget: all start now, before the browser lays the page out for
    // print (Yew renders each in the microtasks after this event). One whose WebAssembly or
    // programme has not arrived yet prints its static content.
    try {
      window.addEventListener('beforeprint', guarded('could not start every widget for printing:', function () {
        waiting.forEach(approach);
        drain(true);
      }));
    } catch (ignored) {
      // Printing then shows far placeholders' static content, which is complete too.
    }

    // A widget's palette follows the background the page's stylesheets paint, and an async
    // script can run before they arrive: none starts until the stylesheets the page has asked
    // for so far have loaded or failed (the page itself cannot be shown before then either).
    var styled = new Promise(function (resolve) {
      var left = [].filter.call(document.querySelectorAll('link[rel~=stylesheet]'), function (link) {
        return !link.sheet && !/alternate/i.test(link.rel);
      });
      var count = left.length;
      if (!count || document.readyState === 'complete') return resolve();
      left.forEach(function (link) {
        link.addEventListener('load', arrived);
        link.addEventListener('error', arrived);
      });
      // One that failed before this script ran sends no event: the page's load ends the wait.
      window.addEventListener('load', resolve);
      function arrived() {
        if (!--count) resolve();
      }
    });

    function approach(job) {
      job.near = true;
      start(job);
    }

    function forget(job) {
      waiting.delete(job.node);
      if (watcher) watcher.unobserve(job.node);
    }

    function start(job) {
      if (!job.near || !job.programme) return;
      forget(job);
      queue.push(job);
      if (!draining) {
        draining = true;
        // The first few start at once: the reader is probably looking at them.
        Promise.resolve().then(drain);
      }
    }

    /** Mounts the next few (all when `all` is true: setTimeout may pass a number) in this task. */
    function drain(all) {
      var began = Date.now();
      for (var n = 0; queue.length && (all === true || (n < 4 && Date.now() - began < 8)); n++) mount(queue.shift());
      if (queue.length) setTimeout(drain, 0);
      else draining = false;
    }

    return function (node, ready) {
      var job = { node: node, near: !watcher };
      waiting.set(node, job);
      if (watcher) {
        try {
          watcher.observe(node);
        } catch (ignored) {
          job.near = true;
        }
      }
      // Each widget starts as soon as it has what it needs and is near the viewport: one
      // waiting for its programme's URL holds up no other.
      Promise.all([ready, styled]).then(function (both) {
        job.programme = both[0];
        // Near ones start now, without waiting for the observer's first report (which a tab
        // opened in the background does not get until it is shown).
        job.near = job.near || isNear(node);
        start(job);
      }, function () {
        forget(job);
      });
    };
  }

  /** Whether `node` is near enough to the viewport to start now: the observer's test, at once. */
  function isNear(node) {
    try {
      // No box at all (display: none on it or an ancestor: a closed tab, a hidden sidebar):
      // where it will appear cannot be told, and a page's script may show it at any moment
      // without scrolling, so it starts now.
      if (!node.getClientRects().length) return true;
      var box = node.getBoundingClientRect();
      var height = window.innerHeight || document.documentElement.clientHeight;
      return box.bottom >= -NEAR * height && box.top <= (1 + NEAR) * height;
    } catch (ignored) {
      return true;
    }
  }

  // ------------------------------------------------------------------------------------------
  // The live theme. A data-theme="auto" widget is light or dark after the page around it; a blog's
  // dark-mode switch may change the page after the widget appeared, and so may the reader's
  // system preference. Nothing polls: the changes that can recolour the page each ask for one
  // check at the next animation frame, however many come before it, and the check is the
  // module's rescheme(), which decides every auto widget again without drawing it again.

  /** Calls `check` once in the frame after anything that may have changed the page's colours. */
  function follow(check) {
    var failed = "could not follow the page's theme:";
    var asked = false;
    function ask() {
      if (asked) return;
      asked = true;
      requestAnimationFrame(guarded(failed, function () {
        asked = false;
        check();
      }));
    }
    try {
      var observer = new MutationObserver(ask);
      var root = document.documentElement;
      // A class, data-* or style attribute on <html> or <body>, and in the <head> a stylesheet
      // added, removed, swapped or switched off (href, media, disabled), or one that has loaded
      // since (load does not bubble: it is heard on its way down).
      observer.observe(root, { attributes: true });
      [].forEach.call(root.children, function (child) {
        var head = child === document.head;
        observer.observe(child, { attributes: true, childList: head, subtree: head });
        if (head) child.addEventListener('load', ask, true);
      });
      matchMedia('(prefers-color-scheme: dark)').addEventListener('change', ask);
    } catch (error) {
      // An old browser: the widgets keep the palette they chose as they mounted.
      warn(failed, error);
    }
  }

  // ------------------------------------------------------------------------------------------
  // The lite→full takeover. The lite module asks for the full one with upgrade(host, open): a
  // reader opened Backup or All Things, or a placeholder wants the overview or has a mistake to
  // report. Once the full module has arrived, it takes over every widget on the page and opens
  // the part that was asked for. Nothing is handed over: what the lite one kept in memory is in
  // the API's `memory`, which both read.

  /** The widgets and the module they run in: { moduleFor, mount, upgrade }. */
  function takeover(load) {
    var active = null; // the module widgets mount with
    var ready = null;
    var upgrading = null;
    // The jobs mounted so far, for the full module to take over.
    var live = [];
    // The job being mounted, for an upgrade it asks for meanwhile.
    var current = null;
    // What the upgrade is to open: { node, open, programme }.
    var asked = [];

    /**
     * What a scan's placeholders wait for: the first module (the full one at once when one of them
     * shows an overview or notes, else the lite one); a later scan that wants the full module
     * brings it with an upgrade.
     */
    function moduleFor(full) {
      if (!ready) {
        ready = load(full ? FULL : LITE).then(function (glue) {
          active = active || glue;
          // From now on, whichever module runs the widgets keeps their palette in step with the page.
          follow(function () {
            active.rescheme();
          });
        });
        // Started with the full module: there is nothing to upgrade.
        if (full) upgrading = ready;
      } else if (full) {
        upgrade();
      }
      return ready;
    }

    /** Mounts one widget, a job { node, programme, open }, with the active module. */
    function mount(job) {
      current = job;
      try {
        if (active.mount(job.node, job.programme.text, job.programme.error, job.open)) live.push(job);
      } catch (error) {
        warn('one widget could not start:', error);
        // A shadow root left empty would hide the placeholder's own content: show it again.
        try {
          var root = job.node.shadowRoot;
          if (root && !root.childNodes.length) root.appendChild(document.createElement('slot'));
        } catch (ignored) {
          // Nothing more to do for this one.
        }
      }
      current = null;
    }

    function upgrade(host, open) {
      if (host) asked.push({ node: host, open: open, programme: current && current.node === host ? current.programme : null });
      if (upgrading) return;
      upgrading = load(FULL).then(function (full) {
        try {
          if (active) active.unmount_all();
        } catch (error) {
          warn('could not hand the widgets over to the full module:', error);
          return;
        }
        var mounted = live;
        var done = [];
        live = [];
        active = full;
        ready = load(FULL);
        asked.map(function (ask) {
          var was = mounted.find(function (job) {
            return job.node === ask.node;
          });
          // An overview the lite module could not show is mounted as it was first given.
          return was
            ? { node: ask.node, programme: was.programme, open: ask.open || undefined }
            : { node: ask.node, programme: ask.programme || {} };
        }).concat(mounted).forEach(function (job) {
          if (done.indexOf(job.node) < 0) {
            done.push(job.node);
            mount(job);
          }
        });
        asked = [];
      }, function () {
        upgrading = null;
        asked = [];
      });
    }

    return { moduleFor: moduleFor, mount: mount, upgrade: upgrade };
  }
})();
