/*! Thing Prompts loader: turns every .thing-prompts placeholder on the page into a checklist.
 * Paste it once or in every post: the WebAssembly is fetched and started once per page. */
(function () {
  'use strict';
  var PREFIX = '[thing-prompts]';
  // Written by `cargo xtask dist`: a hash of the glue and the WebAssembly of this build. It is in
  // their URLs, so this loader never pairs with a cached copy of another build's files.
  var BUILD = '__BUILD__';
  var VERSION = '__VERSION__';
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
        load().then(function (glue) {
          found.forEach(function (node) {
            try {
              glue.mount(node);
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
          });
        }, function () {});
      } catch (error) {
        warn('could not look for placeholders:', error);
      }
    }

    return { base: base, scan: scan, version: VERSION, build: BUILD };
  }
})();
