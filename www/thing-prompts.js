/*! Thing Prompts loader: turns every .thing-prompts placeholder on the page into a checklist.
 * Paste it once or in every post: the WebAssembly is fetched and started once per page. */
(function () {
  'use strict';
  var PREFIX = '[thing-prompts]';
  // The one global name the widget adds; a second copy of this script reuses it.
  var api = window.ThingPrompts;
  if (!api || typeof api.scan !== 'function') {
    api = window.ThingPrompts = create(document.currentScript);
  }
  if (!api) return;
  api.scan();
  if (document.readyState === 'loading') {
    // An async script can run before the rest of the post is parsed.
    document.addEventListener('DOMContentLoaded', api.scan);
  }

  function create(script) {
    var base;
    try {
      base = new URL('./', script && script.src ? script.src : document.baseURI).href;
    } catch (error) {
      console.warn(PREFIX, 'cannot tell where the widget files are; the questions stay as plain text.');
      return null;
    }
    var ready = null;
    var claimed = typeof WeakSet === 'function' ? new WeakSet() : null;

    function load() {
      if (!ready) {
        ready = Promise.all([
          import(base + 'thing-prompts-wasm.js'),
          fetch(base + 'thing-prompts-wasm_bg.wasm', { credentials: 'omit' }),
        ]).then(function (loaded) {
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
        ready.catch(function (error) {
          console.warn(PREFIX, 'could not start, so the questions stay as plain text:', error);
        });
      }
      return ready;
    }

    function scan() {
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
            console.warn(PREFIX, 'one widget could not start:', error);
          }
        });
      }, function () {});
    }

    return { base: base, scan: scan };
  }
})();
