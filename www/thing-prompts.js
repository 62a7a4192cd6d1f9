/*! Thing Prompts loader: turns every .thing-prompts placeholder on the page into a checklist.
 * Paste it once or in every post: the WebAssembly is fetched and started once per page. */
(function () {
  'use strict';
  var PREFIX = '[thing-prompts]';
  // Written by `cargo xtask dist`: a hash of the glue and the WebAssembly of this build. It is in
  // their URLs, so this loader never pairs with a cached copy of another build's files.
  var BUILD = '__BUILD__';
  var VERSION = '__VERSION__';
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
  try {
    // The one global name the widget adds; a second copy of this script reuses it.
    var api = window.ThingPrompts;
    if (!api || typeof api.scan !== 'function') {
      api = create(document.currentScript);
      if (!api) return;
      window.ThingPrompts = api;
    }
    api.scan();
    if (document.readyState === 'loading') {
      // An async script can run before the rest of the post is parsed.
      document.addEventListener('DOMContentLoaded', api.scan);
    }
  } catch (error) {
    warn('could not start, so the questions stay as plain text:', error);
  }

  function warn() {
    try {
      console.warn.apply(console, [PREFIX].concat([].slice.call(arguments)));
    } catch (ignored) {
      // A page without a console loses the message, nothing else.
    }
  }

  /**
   * When the page's Content-Security-Policy refused something the widget needs, what it refused
   * and the directive to change; null for any other failure.
   */
  function blockedBy(error, violations, base) {
    var origin = new URL(base).origin;
    var wasm = "does not allow WebAssembly, so the questions stay as plain text: add 'wasm-unsafe-eval' to script-src.";
    for (var i = 0; i < violations.length; i++) {
      // A report-only policy blocks nothing: it cannot be why the widget failed.
      if (violations[i].disposition === 'report') continue;
      var uri = String(violations[i].blockedURI || '');
      var directive = String(violations[i].effectiveDirective || violations[i].violatedDirective || '');
      if (uri === 'wasm-eval') return wasm;
      if (uri.indexOf(origin) === 0) {
        return 'blocks the widget files from ' + origin + ', so the questions stay as plain text: add ' + origin +
          (/^connect-src/.test(directive) ? ' to connect-src.' : ' to script-src.');
      }
    }
    // The violation event may not have arrived (or the browser sends none); the error says it too.
    var text = String((error && error.message) || error);
    return /WebAssembly|wasm/i.test(text) && /unsafe-eval|Content.Security.Policy|\bCSP\b/i.test(text) ? wasm : null;
  }

  /**
   * Where a programme file named `src` (as in data-programme-src) is, resolved against the page:
   * [absolute URL without its fragment, undefined], or [undefined, a message for the page's author].
   */
  function programmeUrl(src) {
    var url = null;
    try {
      url = new URL(src.trim() || 'about:blank', document.baseURI);
    } catch (ignored) {
      // Not a URL at all: said below.
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      return [undefined, 'data-programme-src="' + src +
        "\" is not a web address: use an https:// address of the programme's JSON file."];
    }
    url.hash = '';
    return [url.href, undefined];
  }

  /**
   * Fetches the programme file at `url` (absolute, http or https) and resolves, never rejects,
   * to [text, undefined], or to [undefined, a message for the page's author].
   */
  function fetchProgramme(url) {
    var failed = 'could not load the programme from ' + url + ': ';
    var tooLarge = failed + "the file is larger than 256 KB, far more than a programme needs. Check that the address names the programme's JSON file.";
    var controller = typeof AbortController === 'function' ? new AbortController() : null;
    var timer;
    var late = new Promise(function (resolve) {
      timer = setTimeout(function () {
        resolve([undefined, failed + 'no answer within 10 seconds. Try again later, or check the address.']);
        if (controller) controller.abort();
      }, PROGRAMME_TIMEOUT_MS);
    });
    var loaded = new Promise(function (resolve) {
      // Inside the executor, a host page's broken fetch that throws becomes a rejection.
      resolve(fetch(url, { credentials: 'omit', cache: 'no-cache', signal: controller ? controller.signal : undefined }));
    }).then(function (response) {
      if (!response.ok) {
        return [undefined, failed + 'the server answered ' + (response.status + ' ' + response.statusText).trim() +
          '. Check the address in data-programme-src.'];
      }
      if (Number(response.headers.get('Content-Length')) > PROGRAMME_MAX_BYTES) return [undefined, tooLarge];
      return response.arrayBuffer().then(function (bytes) {
        // Content-Length may be missing, or count the compressed size: the body itself decides.
        if (bytes.byteLength > PROGRAMME_MAX_BYTES) return [undefined, tooLarge];
        return [new TextDecoder().decode(bytes), undefined];
      });
    }).then(null, function () {
      // fetch rejects with a bare TypeError for a refused CORS request and an unreachable server alike.
      return [undefined, failed + 'the browser refused it or the server could not be reached. The server must ' +
        'allow other sites to read it (Access-Control-Allow-Origin: *); see the README.'];
    });
    return Promise.race([loaded, late]).then(function (result) {
      clearTimeout(timer);
      // Stops reading a body that was left unread (an error status, too large); harmless once read.
      if (controller) controller.abort();
      return result;
    });
  }

  function create(script) {
    var base;
    try {
      base = new URL('./', script && script.src ? script.src : document.baseURI).href;
    } catch (error) {
      warn('cannot tell where the widget files are; the questions stay as plain text.');
      return null;
    }
    // Each module's glue, as a promise, once asked for; `active` is the one widgets mount with.
    var modules = {};
    var chosen = null;
    var active = null;
    var claimed = typeof WeakSet === 'function' ? new WeakSet() : null;
    // Programme files by absolute URL: each is fetched once per page, whatever the number of
    // placeholders, scans and copies of this script (later copies use this copy's scan).
    var programmes = {};

    function load(name) {
      if (modules[name]) return modules[name];
      var violations = [];
      function onViolation(event) {
        violations.push(event);
      }
      document.addEventListener('securitypolicyviolation', onViolation);
      var tag = '?v=' + encodeURIComponent(BUILD);
      var ready = modules[name] = new Promise(function (resolve) {
        // Inside the executor, a host page's broken fetch that throws becomes a rejection.
        resolve(Promise.all([
          import(base + name + '.js' + tag),
          fetch(base + name + '_bg.wasm' + tag, { credentials: 'omit' }),
        ]));
      }).then(function (loaded) {
        var glue = loaded[0];
        var response = loaded[1];
        if (!response.ok) throw new Error('HTTP ' + response.status + ' for ' + response.url);
        // Streaming compilation needs the right MIME type; any other host still works.
        var wasm = /^application\/wasm\b/.test(response.headers.get('Content-Type') || '')
          ? response
          : response.arrayBuffer();
        return glue.default({ module_or_path: wasm }).then(function () {
          return glue;
        });
      });
      ready.then(
        function () {
          document.removeEventListener('securitypolicyviolation', onViolation);
        },
        function (error) {
          // The violation event is queued as a task of its own: let it arrive before explaining.
          setTimeout(function () {
            document.removeEventListener('securitypolicyviolation', onViolation);
            var fix = null;
            try {
              fix = blockedBy(error, violations, base);
            } catch (ignored) {
              // Explaining is a courtesy; the warning below is what matters.
            }
            if (fix) {
              warn("the page's Content-Security-Policy " + fix);
            } else if (active) {
              warn('could not load the rest of the widget (backup, course overview):', error);
            } else {
              warn('could not start, so the questions stay as plain text:', error);
            }
          }, 50);
        }
      );
      return ready;
    }

    /**
     * The programme a placeholder names (data-programme-src, or a bundled one), as a promise of
     * [text, undefined] or [undefined, message]; [undefined, undefined] when it names none.
     * `pinned` is what bundledThing() said of every placeholder of this scan.
     */
    function programmeOf(node, pinned) {
      var src = node.getAttribute('data-programme-src');
      if (src !== null) {
        var at = programmeUrl(src);
        return at[1] ? Promise.resolve(at) : fetched(at[0]);
      }
      var wanted = bundledThing(node);
      if (!wanted) return Promise.resolve([undefined, undefined]);
      var file = base + 'programmes/' + wanted.id;
      var whole = file + '.json?v=' + encodeURIComponent(BUILD);
      // A page whose checklists all pin one Thing needs only that Thing's questions: its own file,
      // a quarter of the whole. A page with other Things of the course, or one that fetched the
      // whole file already, uses the whole file for all of them.
      var one = wanted.thing && !programmes[whole] &&
        pinned.every(function (other) {
          return !other || other.id !== wanted.id || other.thing === wanted.thing;
        });
      return fetched(one ? file + '/' + wanted.thing + '.json?v=' + encodeURIComponent(BUILD) : whole);
    }

    /**
     * The bundled programme a placeholder names, as {id, thing}: `thing` is the Thing a checklist
     * pins (a number the programme has), else 0; null when it names no bundled programme.
     */
    function bundledThing(node) {
      if (node.getAttribute('data-programme-src') !== null) return null;
      var id = (node.getAttribute('data-programme') || '').trim().toLowerCase();
      if (!id || !BUNDLED.hasOwnProperty(id)) return null;
      var thing = (node.getAttribute('data-thing') || '').trim();
      var view = (node.getAttribute('data-view') || '').trim().toLowerCase();
      var pins = /^[0-9]+$/.test(thing) && Number(thing) >= 1 && Number(thing) <= BUNDLED[id] &&
        (!view || view === 'checklist');
      return { id: id, thing: pins ? Number(thing) : 0 };
    }

    /** A programme file by absolute URL, fetched once per page. */
    function fetched(url) {
      if (!programmes[url]) programmes[url] = fetchProgramme(url);
      return programmes[url];
    }

    // The widgets mounted so far, [node, programme], for the full module to take over.
    var live = [];
    // The placeholder being mounted, [node, programme], for an upgrade it asks for meanwhile.
    var current = null;
    function mount(node, programme, open) {
      var job = current = [node, programme];
      try {
        if (active.mount(node, programme[0], programme[1], open)) live.push(job);
        current = null;
      } catch (error) {
        current = null;
        warn('one widget could not start:', error);
        // A shadow root left empty would hide the placeholder's own content: show it again.
        try {
          var root = node.shadowRoot;
          if (root && !root.childNodes.length) root.appendChild(document.createElement('slot'));
        } catch (ignored) {
          // Nothing more to do for this one.
        }
      }
    }

    // Widgets start a few at a time, each batch in its own task, so a front page of many posts
    // stays responsive while they mount (Yew renders each one in the microtasks after it).
    var queue = [];
    var draining = false;
    function enqueue(node, programme) {
      queue.push([node, programme]);
      if (!draining) {
        draining = true;
        // The first few start at once: the reader is probably looking at them.
        Promise.resolve().then(drain);
      }
    }
    function drain(all) {
      var started = Date.now();
      for (var n = 0; queue.length && (all === true || (n < 4 && Date.now() - started < 8)); n++) {
        var job = queue.shift();
        mount(job[0], job[1]);
      }
      if (queue.length) setTimeout(drain, 0);
      else draining = false;
    }

    // Placeholders far below the fold wait until the reader scrolls near them, so a front page of
    // fifty posts starts as fast as one of five. Each placeholder found has a record:
    // { node, ready: [glue, programme] once both have arrived, near, started }.
    var waiting = [];
    var records = null;
    var watcher = null;
    try {
      if (typeof IntersectionObserver === 'function' && typeof WeakMap === 'function') {
        records = new WeakMap();
        // Percentages of the viewport's height above and below it (the test isNear repeats).
        watcher = new IntersectionObserver(function (entries) {
          try {
            for (var i = 0; i < entries.length; i++) {
              var record = entries[i].isIntersecting && records.get(entries[i].target);
              if (record) approach(record);
            }
          } catch (error) {
            warn('one widget could not start:', error);
          }
        }, { rootMargin: NEAR * 100 + '% 0px' });
      }
    } catch (ignored) {
      // Without it every widget starts at once, as it did before.
      watcher = null;
    }

    /** Whether `node` is near enough to the viewport to start now: the observer's test, at once. */
    function isNear(node) {
      try {
        // No box at all (display: none on it or an ancestor: a closed tab, a hidden sidebar):
        // where it will appear cannot be told, and a page's script may show it at any moment
        // without scrolling, so it starts now, as every placeholder did before.
        if (!node.getClientRects().length) return true;
        var box = node.getBoundingClientRect();
        var height = window.innerHeight || document.documentElement.clientHeight;
        return box.bottom >= -NEAR * height && box.top <= (1 + NEAR) * height;
      } catch (ignored) {
        return true;
      }
    }

    function start(record) {
      if (record.started || !record.ready || !record.near) return;
      record.started = true;
      forget(record);
      enqueue(record.node, record.ready[1]);
    }
    function approach(record) {
      record.near = true;
      if (watcher) watcher.unobserve(record.node);
      start(record);
    }
    function forget(record) {
      var at = waiting.indexOf(record);
      if (at >= 0) waiting.splice(at, 1);
      if (watcher) {
        watcher.unobserve(record.node);
        records.delete(record.node);
      }
    }

    // A printed page shows every widget: all start now, and mount in the microtasks after this
    // event, before the browser lays the page out for print. One whose WebAssembly or programme
    // has not arrived yet prints its static content.
    try {
      window.addEventListener('beforeprint', function () {
        try {
          waiting.slice().forEach(approach);
          drain(true);
        } catch (error) {
          warn('could not start every widget for printing:', error);
        }
      });
    } catch (ignored) {
      // Printing then shows far placeholders' static content, which is complete too.
    }

    // The lite module asks for the full one (a reader opened Backup or All Things, or a
    // placeholder wants the overview): once it has arrived, it takes over every widget on the
    // page (what the lite one kept in memory is in `memory`, which both share), and opens the
    // part that was asked for.
    var asked = [];
    var upgrading = null;
    function upgrade(host, open) {
      if (host) asked.push([host, open, current && current[0] === host ? current[1] : null]);
      if (upgrading) return;
      upgrading = load(FULL).then(function (full) {
        try {
          if (active && active !== full) active.unmount_all();
        } catch (error) {
          warn('could not hand the widgets over to the full module:', error);
          return;
        }
        var mounted = live;
        live = [];
        active = full;
        chosen = modules[FULL];
        var done = [];
        function again(node, programme, open) {
          if (done.indexOf(node) >= 0) return;
          done.push(node);
          mount(node, programme, open);
        }
        asked.forEach(function (pair) {
          for (var i = 0; i < mounted.length; i++) {
            if (mounted[i][0] === pair[0]) return again(pair[0], mounted[i][1], pair[1] || undefined);
          }
          // An overview the lite module could not show: mount it as it was first given.
          again(pair[0], pair[2] || [undefined, undefined]);
        });
        asked = [];
        mounted.forEach(function (pair) {
          again(pair[0], pair[1]);
        });
      }, function () {
        upgrading = null;
        asked = [];
      });
    }

    function scan() {
      try {
        var found = [];
        var nodes = document.querySelectorAll('.thing-prompts');
        for (var i = 0; i < nodes.length; i++) {
          var node = nodes[i];
          if (node.shadowRoot || (claimed && claimed.has(node))) continue;
          if (claimed) claimed.add(node);
          found.push(node);
        }
        if (!found.length) return;
        // The full module at once for a page that shows an overview or notes; else the lite one.
        var wantsFull = found.some(function (node) {
          try {
            return (node.getAttribute('data-view') || '').trim().toLowerCase() === 'overview' ||
              (node.getAttribute('data-notes') || '').trim().toLowerCase() === 'on';
          } catch (ignored) {
            return false; // A host page's trap: that placeholder is reported when it is read.
          }
        });
        if (!chosen) {
          chosen = load(wantsFull ? FULL : LITE).then(function (glue) {
            if (!active) active = glue;
            return glue;
          });
        } else if (wantsFull && !modules[FULL]) {
          upgrade(null, null);
        }
        var glue = chosen;
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
          var record = { node: node, ready: null, near: !watcher, started: false };
          waiting.push(record);
          if (watcher) {
            try {
              records.set(node, record);
              watcher.observe(node);
            } catch (ignored) {
              record.near = true;
            }
          }
          // Each widget starts as soon as it has what it needs and is near the viewport: one
          // waiting for its programme's URL holds up no other.
          Promise.all([glue, programme]).then(function (both) {
            record.ready = both;
            // Near ones start now, without waiting for the observer's first report (which a tab
            // opened in the background does not get until it is shown).
            if (!record.near && isNear(node)) approach(record);
            else start(record);
          }, function () {
            forget(record);
          });
        });
      } catch (error) {
        warn('could not look for placeholders:', error);
      }
    }

    return {
      base: base,
      scan: scan,
      upgrade: upgrade,
      // What the page keeps in memory when the browser refuses localStorage: storage key to
      // text, kept here so that every module on the page shares it (written by the modules).
      memory: typeof Map === 'function' ? new Map() : undefined,
      // For the configurator (configure.html): a programme file by address, with the limits and
      // messages of data-programme-src, fetched anew on each call (an organiser may fix and retry).
      fetchProgramme: function (src) {
        var at = programmeUrl(String(src));
        return at[1] ? Promise.resolve(at) : fetchProgramme(at[0]);
      },
      version: VERSION,
      build: BUILD,
    };
  }
})();
