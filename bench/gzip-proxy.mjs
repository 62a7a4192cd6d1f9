// A gzip-compressing proxy in front of one of xtask's static origins, for the benchmark's
// slow-network profile: a reader's browser gets the widget from a CDN, and a CDN compresses
// what it sends. xtask's own server (xtask/src/serve.rs) never compresses, and the browser's
// network throttling counts the bytes on the wire, so without this the slow figures would
// charge every file at its full size.
//
// Everything is passed through as the upstream server answered it (status, Cache-Control, ETag
// and its 304s, CORS, Content-Type); only a 200's body of a compressible type is gzipped, for a
// request whose Accept-Encoding allows gzip, with the headers a compressing CDN adds:
// `Content-Encoding: gzip`, the compressed `Content-Length` and `Vary: Accept-Encoding`. The ETag
// becomes a weak one, as nginx's gzip makes it, since the bytes sent are no longer the upstream's.
//
// Bodies are compressed once (zlib level 9, the level the bench's size figures use) and kept,
// keyed by path and upstream ETag, so that compression time is never part of a timed load.

import http from 'node:http';
import { gzipSync } from 'node:zlib';

/** Content types a CDN compresses: text of every kind, JSON, JavaScript and WebAssembly. */
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|wasm|xml)|image\/svg\+xml)/i;

/** Headers that belong to one connection and are never forwarded (RFC 9110, 7.6.1). */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer']);

/**
 * Starts a proxy on a free loopback port that forwards to `upstream` (an origin URL such as
 * `http://127.0.0.1:8123/`). Resolves to `{ origin, close, stats }`: the proxy's origin (ending
 * in `/`), a function that stops it, and how many responses it compressed and passed through.
 */
export async function startGzipProxy(upstream) {
  const target = new URL(upstream);
  const cache = new Map();
  const compressedPaths = new Set();
  const stats = { gzipped: 0, passed: 0 };
  const server = http.createServer({ noDelay: true, keepAlive: true }, (request, response) => {
    const headers = { ...request.headers, host: target.host };
    // The upstream is asked for the plain bytes; compressing is this proxy's part.
    delete headers['accept-encoding'];
    for (const name of HOP_BY_HOP) delete headers[name];
    const forwarded = http.request(
      // A HEAD is asked upstream as a GET, so that its headers are those of the compressed body.
      { host: target.hostname, port: target.port, method: request.method === 'HEAD' ? 'GET' : request.method, path: request.url, headers },
      (answer) => {
        const chunks = [];
        answer.on('data', (chunk) => chunks.push(chunk));
        answer.on('end', () => {
          const body = Buffer.concat(chunks);
          const out = {};
          for (const [name, value] of Object.entries(answer.headers)) {
            if (!HOP_BY_HOP.has(name)) out[name] = value;
          }
          const type = String(answer.headers['content-type'] || '');
          const wantsGzip = /\bgzip\b/i.test(String(request.headers['accept-encoding'] || ''));
          let sent = body;
          if (answer.statusCode === 200 && COMPRESSIBLE.test(type) && body.length > 0 && wantsGzip) {
            const key = `${request.url}\n${answer.headers.etag || ''}\n${body.length}`;
            if (!cache.has(key)) cache.set(key, gzipSync(body, { level: 9 }));
            sent = cache.get(key);
            out['content-encoding'] = 'gzip';
            out['content-length'] = String(sent.length);
            out.vary = 'Accept-Encoding';
            if (out.etag && !out.etag.startsWith('W/')) out.etag = `W/${out.etag}`;
            compressedPaths.add(request.url);
            stats.gzipped++;
          } else {
            if (answer.statusCode === 304 && out.etag && wantsGzip && compressedPaths.has(request.url) && !out.etag.startsWith('W/')) {
              // A 304 names the same (weak) validator the compressed 200 gave.
              out.etag = `W/${out.etag}`;
            }
            stats.passed++;
          }
          response.writeHead(answer.statusCode, out);
          response.end(request.method === 'HEAD' ? undefined : sent);
        });
        answer.on('error', () => response.destroy());
      },
    );
    forwarded.on('error', (error) => {
      response.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`gzip proxy: ${error.message}\n`);
    });
    request.pipe(forwarded);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}/`,
    stats,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
