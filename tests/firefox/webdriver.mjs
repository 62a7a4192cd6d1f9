// A tiny W3C WebDriver client (https://www.w3.org/TR/webdriver2/) for geckodriver, on Node's
// global fetch: sessions, navigation, elements and shadow roots, clicks, properties, scripts and
// windows. Only what the Firefox tests use; no dependency.
//
// Optionally (`Session.start({ log: true })`) it also opens the session's WebDriver BiDi socket
// (https://w3c.github.io/webdriver-bidi/) and collects `log.entryAdded` events from the start:
// console messages and uncaught errors of every page, including those of the page's first
// moments, which a script run after the load cannot see. Node 20 has no global WebSocket, so a
// minimal client (text frames, ping/pong, close) is written here on `node:http`.

import http from 'node:http';
import crypto from 'node:crypto';

/** The keys that mark a web element and a shadow root in WebDriver's JSON. */
export const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';
export const SHADOW_KEY = 'shadow-6066-11e4-a52e-4f735466cecf';

/** Preferences for a quiet, offline-safe Firefox: no first-run pages, updates, telemetry or probes. */
export const QUIET_PREFS = {
  'browser.shell.checkDefaultBrowser': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'toolkit.telemetry.enabled': false,
  'app.update.enabled': false,
  'app.update.auto': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'extensions.update.enabled': false,
  'browser.search.update': false,
  'browser.newtabpage.enabled': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'app.normandy.enabled': false,
};

/** A WebDriver error: the command, the HTTP status and WebDriver's error code and message. */
export class WebDriverError extends Error {
  constructor(command, status, value) {
    const code = (value && value.error) || `HTTP ${status}`;
    super(`${command}: ${code}: ${(value && value.message) || ''}`.trim());
    this.name = 'WebDriverError';
    this.status = status;
    this.code = code;
    this.value = value;
  }
}

/** Sends one command to the driver at `base` and returns its `value`, or throws a WebDriverError. */
async function send(base, method, path, body, timeout = 60_000) {
  const command = `${method} ${path}`;
  const response = await fetch(base + path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeout),
  });
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    throw new WebDriverError(command, response.status, { error: 'invalid response', message: text.slice(0, 500) });
  }
  const value = json && Object.prototype.hasOwnProperty.call(json, 'value') ? json.value : json;
  if (!response.ok || (value && typeof value === 'object' && typeof value.error === 'string')) {
    throw new WebDriverError(command, response.status, value);
  }
  return value;
}

/** Turns element and shadow-root objects into WebDriver references, deeply (script arguments). */
function toWire(value) {
  if (value instanceof Element) return { [ELEMENT_KEY]: value.id };
  if (value instanceof ShadowRoot) return { [SHADOW_KEY]: value.id };
  if (Array.isArray(value)) return value.map(toWire);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toWire(v)]));
  }
  return value;
}

/** Turns WebDriver references in a result into Element and ShadowRoot objects, deeply. */
function fromWire(session, value) {
  if (Array.isArray(value)) return value.map((v) => fromWire(session, v));
  if (value && typeof value === 'object') {
    if (typeof value[ELEMENT_KEY] === 'string') return new Element(session, value[ELEMENT_KEY]);
    if (typeof value[SHADOW_KEY] === 'string') return new ShadowRoot(session, value[SHADOW_KEY]);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromWire(session, v)]));
  }
  return value;
}

const css = (selector) => ({ using: 'css selector', value: selector });

/** A minimal WebSocket client for text messages (RFC 6455), enough for WebDriver BiDi. */
class Socket {
  static connect(url, timeout = 10_000) {
    return new Promise((resolve, reject) => {
      const key = crypto.randomBytes(16).toString('base64');
      const request = http.request(url.replace(/^ws:/, 'http:'), {
        headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Key': key, 'Sec-WebSocket-Version': '13' },
        timeout,
      });
      request.on('upgrade', (response, socket, head) => {
        const accept = crypto.createHash('sha1').update(key + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest('base64');
        if (response.headers['sec-websocket-accept'] !== accept) {
          socket.destroy();
          reject(new Error(`${url}: bad WebSocket handshake`));
          return;
        }
        resolve(new Socket(socket, head));
      });
      request.on('response', (response) => reject(new Error(`${url}: HTTP ${response.statusCode}, no WebSocket`)));
      request.on('timeout', () => request.destroy(new Error(`${url}: no answer in ${timeout} ms`)));
      request.on('error', reject);
      request.end();
    });
  }

  constructor(socket, head) {
    this.socket = socket;
    this.buffer = Buffer.alloc(0);
    this.fragments = [];
    this.onmessage = () => {};
    this.onclose = () => {};
    socket.setNoDelay(true);
    socket.on('data', (chunk) => this.receive(chunk));
    socket.on('close', () => this.onclose());
    socket.on('error', () => {});
    if (head && head.length) this.receive(head);
  }

  receive(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const b = this.buffer;
      if (b.length < 2) return;
      const fin = (b[0] & 0x80) !== 0;
      const opcode = b[0] & 0x0f;
      const masked = (b[1] & 0x80) !== 0;
      let length = b[1] & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (b.length < 4) return;
        length = b.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (b.length < 10) return;
        length = Number(b.readBigUInt64BE(2));
        offset = 10;
      }
      const maskAt = offset;
      if (masked) offset += 4;
      if (b.length < offset + length) return;
      let payload = b.subarray(offset, offset + length);
      if (masked) payload = payload.map((byte, i) => byte ^ b[maskAt + (i % 4)]);
      this.buffer = b.subarray(offset + length);
      if (opcode === 0x8) {
        this.socket.end();
        return;
      }
      if (opcode === 0x9) {
        this.frame(0xa, payload);
        continue;
      }
      if (opcode === 0x1 || opcode === 0x0) {
        this.fragments.push(payload);
        if (fin) {
          const text = Buffer.concat(this.fragments).toString('utf8');
          this.fragments = [];
          this.onmessage(text);
        }
      }
    }
  }

  /** Sends one frame, masked as a client must. */
  frame(opcode, payload) {
    const mask = crypto.randomBytes(4);
    const length = payload.length;
    const header =
      length < 126 ? Buffer.from([0x80 | opcode, 0x80 | length])
      : length < 65536 ? Buffer.from([0x80 | opcode, 0x80 | 126, length >> 8, length & 0xff])
      : Buffer.concat([Buffer.from([0x80 | opcode, 0x80 | 127]), (() => {
          const n = Buffer.alloc(8);
          n.writeBigUInt64BE(BigInt(length));
          return n;
        })()]);
    const body = Buffer.from(payload).map((byte, i) => byte ^ mask[i % 4]);
    this.socket.write(Buffer.concat([header, mask, body]));
  }

  send(text) {
    this.frame(0x1, Buffer.from(text, 'utf8'));
  }

  close() {
    if (this.socket.destroyed) return;
    this.frame(0x8, Buffer.alloc(0));
    this.socket.end();
  }
}

/** A WebDriver BiDi connection: commands with `call`, events into `onevent`. */
class Bidi {
  static async connect(url) {
    return new Bidi(await Socket.connect(url));
  }

  constructor(socket) {
    this.socket = socket;
    this.next = 1;
    this.pending = new Map();
    this.onevent = () => {};
    socket.onmessage = (text) => {
      let message;
      try {
        message = JSON.parse(text);
      } catch {
        return;
      }
      if (message.type === 'event') {
        this.onevent(message);
        return;
      }
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (message.type === 'error') {
        waiting.reject(new WebDriverError(`BiDi ${waiting.method}`, 0, { error: message.error, message: message.message }));
      } else {
        waiting.resolve(message.result);
      }
    };
    socket.onclose = () => {
      for (const waiting of this.pending.values()) waiting.reject(new Error(`BiDi ${waiting.method}: socket closed`));
      this.pending.clear();
    };
  }

  call(method, params = {}) {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { method, resolve, reject });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  close() {
    this.socket.close();
  }
}

/** A WebDriver session: one browser with a fresh profile. */
export class Session {
  /**
   * Starts Firefox through geckodriver at `driver` (default: $GECKODRIVER_URL).
   * `binary` defaults to $FIREFOX, else /usr/bin/firefox-esr. With `log: true`, every console
   * message and uncaught error of the session's pages lands in `session.log` (BiDi
   * `log.entryAdded` entries: `{ type: 'console' | 'javascript', level, text, source, ... }`).
   */
  static async start({
    log = false,
    driver = process.env.GECKODRIVER_URL || 'http://127.0.0.1:4444',
    binary = process.env.FIREFOX || '/usr/bin/firefox-esr',
    args = ['-headless'],
    prefs = {},
    timeouts = { script: 10_000, pageLoad: 30_000, implicit: 0 },
  } = {}) {
    const base = driver.replace(/\/+$/, '');
    const value = await send(
      base,
      'POST',
      '/session',
      {
        capabilities: {
          alwaysMatch: {
            browserName: 'firefox',
            acceptInsecureCerts: false,
            pageLoadStrategy: 'normal',
            timeouts,
            ...(log ? { webSocketUrl: true } : {}),
            'moz:firefoxOptions': { binary, args, prefs: { ...QUIET_PREFS, ...prefs } },
          },
        },
      },
      120_000,
    );
    const session = new Session(base, value.sessionId, value.capabilities);
    if (log) {
      try {
        await session.collectLog();
      } catch (error) {
        await session.delete().catch(() => {});
        throw error;
      }
    }
    return session;
  }

  constructor(base, id, capabilities) {
    this.base = base;
    this.id = id;
    this.capabilities = capabilities;
    this.bidi = null;
    /** BiDi `log.entryAdded` entries, in order (with `log: true`). */
    this.log = [];
  }

  async collectLog() {
    const url = this.capabilities && this.capabilities.webSocketUrl;
    if (typeof url !== 'string') throw new Error('the driver gave no webSocketUrl: no WebDriver BiDi, so no log');
    this.bidi = await Bidi.connect(url);
    this.bidi.onevent = (event) => {
      if (event.method === 'log.entryAdded') this.log.push(event.params);
    };
    await this.bidi.call('session.subscribe', { events: ['log.entryAdded'] });
  }

  /** A command under /session/{id}. */
  command(method, path, body) {
    return send(this.base, method, `/session/${this.id}${path}`, body);
  }

  /** Ends the session and closes the browser. */
  async delete() {
    this.bidi?.close();
    await send(this.base, 'DELETE', `/session/${this.id}`);
  }

  // Navigation

  /** Loads `url` and waits for its load event. */
  navigate(url) {
    return this.command('POST', '/url', { url });
  }

  url() {
    return this.command('GET', '/url');
  }

  title() {
    return this.command('GET', '/title');
  }

  /** Reloads the page and waits for its load event. */
  refresh() {
    return this.command('POST', '/refresh', {});
  }

  // Elements

  /** The first element matching a CSS selector in the document (throws `no such element`). */
  async findElement(selector) {
    return fromWire(this, await this.command('POST', '/element', css(selector)));
  }

  /** Every element matching a CSS selector in the document. */
  async findElements(selector) {
    return fromWire(this, await this.command('POST', '/elements', css(selector)));
  }

  // Scripts

  /** Runs `script` (a function body; `arguments` holds `args`) in the page, returns its result. */
  async execute(script, ...args) {
    return fromWire(this, await this.command('POST', '/execute/sync', { script, args: toWire(args) }));
  }

  // Windows

  /** The current window's handle. */
  windowHandle() {
    return this.command('GET', '/window');
  }

  windowHandles() {
    return this.command('GET', '/window/handles');
  }

  /** Opens a new tab (or window) and returns its handle; the current window stays current. */
  async newWindow(type = 'tab') {
    const value = await this.command('POST', '/window/new', { type });
    return value.handle;
  }

  switchToWindow(handle) {
    return this.command('POST', '/window', { handle });
  }

  /** Closes the current window; returns the handles left. */
  closeWindow() {
    return this.command('DELETE', '/window');
  }
}

/** A web element of a session. */
export class Element {
  constructor(session, id) {
    this.session = session;
    this.id = id;
  }

  command(method, path, body) {
    return this.session.command(method, `/element/${this.id}${path}`, body);
  }

  async findElement(selector) {
    return fromWire(this.session, await this.command('POST', '/element', css(selector)));
  }

  async findElements(selector) {
    return fromWire(this.session, await this.command('POST', '/elements', css(selector)));
  }

  /** The element's shadow root (throws `no such shadow root` when it has none). */
  async shadowRoot() {
    return fromWire(this.session, await this.command('GET', '/shadow'));
  }

  /** A real click: scrolled into view, checked for being interactable, then clicked at its centre. */
  click() {
    return this.command('POST', '/click', {});
  }

  property(name) {
    return this.command('GET', `/property/${encodeURIComponent(name)}`);
  }

  attribute(name) {
    return this.command('GET', `/attribute/${encodeURIComponent(name)}`);
  }

  /** The rendered text, as the user sees it. */
  text() {
    return this.command('GET', '/text');
  }

  /** Whether the element is displayed (WebDriver's "element displayedness"). */
  displayed() {
    return this.command('GET', '/displayed');
  }

  tagName() {
    return this.command('GET', '/name');
  }
}

/** A shadow root of a session, as returned by `Element.shadowRoot()`. */
export class ShadowRoot {
  constructor(session, id) {
    this.session = session;
    this.id = id;
  }

  async findElement(selector) {
    return fromWire(this.session, await this.session.command('POST', `/shadow/${this.id}/element`, css(selector)));
  }

  async findElements(selector) {
    return fromWire(this.session, await this.session.command('POST', `/shadow/${this.id}/elements`, css(selector)));
  }
}
