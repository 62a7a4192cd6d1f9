/*! Thing Prompts loader: turns every .thing-prompts placeholder on the page into a checklist.
 * Paste it once or in every post: the WebAssembly is fetched and started once per page. */
(function () {
  'use strict';
  var PREFIX = '[thing-prompts]';
  // Written by `cargo xtask dist`: a hash of the glue and the WebAssembly of this build. It is in
  // their URLs, so this loader never pairs with a cached copy of another build's files.
  var BUILD = '__BUILD__';
  var VERSION = '__VERSION__';
  // A programme named by data-programme-src gets this long to arrive, and may be this large.
  var PROGRAMME_TIMEOUT_MS = 10000;
  var PROGRAMME_MAX_BYTES = 256 * 1024;
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
    var ready = null;
    var claimed = typeof WeakSet === 'function' ? new WeakSet() : null;
    // Programme files by absolute URL: each is fetched once per page, whatever the number of
    // placeholders, scans and copies of this script (later copies use this copy's scan).
    var programmes = {};

    function load() {
      if (ready) return ready;
      var violations = [];
      function onViolation(event) {
        violations.push(event);
      }
      document.addEventListener('securitypolicyviolation', onViolation);
      var tag = '?v=' + encodeURIComponent(BUILD);
      ready = new Promise(function (resolve) {
        // Inside the executor, a host page's broken fetch that throws becomes a rejection.
        resolve(Promise.all([
          import(base + 'thing-prompts-wasm.js' + tag),
          fetch(base + 'thing-prompts-wasm_bg.wasm' + tag, { credentials: 'omit' }),
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
            } else {
              warn('could not start, so the questions stay as plain text:', error);
            }
          }, 50);
        }
      );
      return ready;
    }

    /**
     * The programme a placeholder names with data-programme-src, as a promise of
     * [text, undefined] or [undefined, message]; [undefined, undefined] when it names none.
     */
    function programmeOf(node) {
      var src = node.getAttribute('data-programme-src');
      if (src === null) return Promise.resolve([undefined, undefined]);
      var url = null;
      try {
        url = new URL(src.trim() || 'about:blank', document.baseURI);
      } catch (ignored) {
        // Not a URL at all: said below.
      }
      if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
        return Promise.resolve([undefined, 'data-programme-src="' + src +
          "\" is not a web address: use an https:// address of the programme's JSON file."]);
      }
      url.hash = '';
      var key = url.href;
      if (!programmes[key]) programmes[key] = fetchProgramme(key);
      return programmes[key];
    }

    function mount(glue, node, programme) {
      try {
        glue.mount(node, programme[0], programme[1]);
      } catch (error) {
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
    function enqueue(glue, node, programme) {
      queue.push([glue, node, programme]);
      if (!draining) {
        draining = true;
        // The first few start at once: the reader is probably looking at them.
        Promise.resolve().then(drain);
      }
    }
    function drain() {
      var started = Date.now();
      for (var n = 0; queue.length && n < 4 && Date.now() - started < 8; n++) {
        var job = queue.shift();
        mount(job[0], job[1], job[2]);
      }
      if (queue.length) setTimeout(drain, 0);
      else draining = false;
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
        var glue = load();
        found.forEach(function (node) {
          var programme;
          try {
            programme = programmeOf(node);
          } catch (error) {
            // A host page can make even reading an attribute throw: this widget stays as it is.
            warn('one widget could not start:', error);
            return;
          }
          // Each widget starts as soon as it has what it needs: one waiting for its programme's
          // URL holds up no other.
          Promise.all([glue, programme]).then(function (both) {
            enqueue(both[0], node, both[1]);
          }, function () {});
        });
      } catch (error) {
        warn('could not look for placeholders:', error);
      }
    }

    return { base: base, scan: scan, version: VERSION, build: BUILD };
  }
})();
