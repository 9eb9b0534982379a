/**
 * The global scope of a plugin's isolate besides the language itself: small,
 * pure-JS versions of the web basics plugin code and its libraries expect
 * (URL, TextEncoder, Headers, Response, AbortController, timers, console…).
 * Anything that needs the outside (parsing a URL exactly as the hub will,
 * randomness, timers) asks the plugin host through {@link HostFunctions}; none
 * of it reaches the network, files or the hub's state.
 */
import { uuidOf } from '../worker-context.js';
import type { HostFunctions, UrlParts } from './host-functions.js';

type Listener = (event: { type: string; target: unknown }) => void;

class DOMExceptionLite extends Error {
  constructor(message = '', name = 'Error') {
    super(message);
    this.name = name;
  }
}

class EventTargetLite {
  #listeners = new Map<string, Array<{ listener: Listener; once: boolean }>>();
  addEventListener(type: string, listener: Listener | null, options?: { once?: boolean } | boolean): void {
    if (typeof listener !== 'function') return;
    const list = this.#listeners.get(type) ?? [];
    if (!list.some((l) => l.listener === listener))
      list.push({ listener, once: typeof options === 'object' && !!options?.once });
    this.#listeners.set(type, list);
  }
  removeEventListener(type: string, listener: Listener | null): void {
    const list = this.#listeners.get(type);
    if (list)
      this.#listeners.set(
        type,
        list.filter((l) => l.listener !== listener),
      );
  }
  dispatchEvent(event: { type: string }): boolean {
    const list = [...(this.#listeners.get(event.type) ?? [])];
    const payload = { type: event.type, target: this };
    for (const entry of list) {
      if (entry.once) this.removeEventListener(event.type, entry.listener);
      try {
        entry.listener.call(this, payload);
      } catch (error) {
        queueMicrotaskLite(() => {
          throw error;
        });
      }
    }
    return true;
  }
}

const queueMicrotaskLite = (task: () => void) => void Promise.resolve().then(task);

export function installGlobals(
  host: HostFunctions,
  log: (level: 'debug' | 'info' | 'warn' | 'error', message: string) => void,
): { onTimer(id: number): void } {
  const g = globalThis as Record<string, unknown>;

  // Timers, kept by the guest and fired by the plugin host.
  const timers = new Map<number, { callback: () => void; repeat: number | null }>();
  let timerSeq = 0;
  const setTimer = (callback: unknown, ms: unknown, args: unknown[], repeat: boolean): number => {
    if (typeof callback !== 'function') throw new TypeError('the callback must be a function');
    const id = ++timerSeq;
    // An interval fires at most every 10 ms.
    const delay = Math.max(repeat ? 10 : 0, Number(ms) || 0);
    timers.set(id, { callback: () => (callback as (...a: unknown[]) => void)(...args), repeat: repeat ? delay : null });
    host.setTimer(id, delay);
    return id;
  };
  const clearTimer = (id: unknown) => {
    if (typeof id === 'number' && timers.delete(id)) host.clearTimer(id);
  };
  g.setTimeout = (callback: unknown, ms?: unknown, ...args: unknown[]) => setTimer(callback, ms, args, false);
  g.setInterval = (callback: unknown, ms?: unknown, ...args: unknown[]) => setTimer(callback, ms, args, true);
  g.clearTimeout = clearTimer;
  g.clearInterval = clearTimer;
  g.queueMicrotask = (task: unknown) => {
    if (typeof task !== 'function') throw new TypeError('queueMicrotask takes a function');
    queueMicrotaskLite(task as () => void);
  };

  g.DOMException = DOMExceptionLite;
  g.EventTarget = EventTargetLite;
  installAbort(g);
  installText(g);
  installUrl(g, host);
  installFetchTypes(g);
  g.structuredClone = (value: unknown) => host.clone(value);
  g.crypto = {
    getRandomValues: <T extends Uint8Array>(array: T): T => {
      if (!(array instanceof Uint8Array)) throw new TypeError('crypto.getRandomValues fills a Uint8Array');
      if (array.length > 65_536) throw new RangeError('crypto.getRandomValues gives at most 65536 bytes at a time');
      array.set(host.randomBytes(array.length));
      return array;
    },
    randomUUID: () => uuidOf(host.randomBytes(16)),
  };
  const format = (args: unknown[]) =>
    args
      .map((a) => {
        if (typeof a === 'string') return a;
        if (a instanceof Error) return `${a.name}: ${a.message}`;
        try {
          return JSON.stringify(a) ?? String(a);
        } catch {
          return String(a);
        }
      })
      .join(' ');
  g.console = {
    log: (...args: unknown[]) => log('info', format(args)),
    info: (...args: unknown[]) => log('info', format(args)),
    debug: (...args: unknown[]) => log('debug', format(args)),
    warn: (...args: unknown[]) => log('warn', format(args)),
    error: (...args: unknown[]) => log('error', format(args)),
    trace: (...args: unknown[]) => log('debug', format(args)),
  };

  return {
    onTimer(id) {
      const timer = timers.get(id);
      if (!timer) return;
      if (timer.repeat === null) timers.delete(id);
      else host.setTimer(id, timer.repeat);
      timer.callback();
    },
  };
}

function installAbort(g: Record<string, unknown>): void {
  const abortError = () => new DOMExceptionLite('This operation was aborted', 'AbortError');
  class AbortSignalLite extends EventTargetLite {
    aborted = false;
    reason: unknown = undefined;
    onabort: Listener | null = null;
    throwIfAborted(): void {
      if (this.aborted) throw this.reason;
    }
    static abort(reason?: unknown): AbortSignalLite {
      const controller = new AbortControllerLite();
      controller.abort(reason);
      return controller.signal;
    }
    static timeout(ms: number): AbortSignalLite {
      const controller = new AbortControllerLite();
      (g.setTimeout as (cb: () => void, ms: number) => number)(
        () => controller.abort(new DOMExceptionLite('The operation timed out', 'TimeoutError')),
        ms,
      );
      return controller.signal;
    }
    static any(signals: AbortSignalLite[]): AbortSignalLite {
      const controller = new AbortControllerLite();
      for (const signal of signals) {
        if (signal.aborted) {
          controller.abort(signal.reason);
          break;
        }
        signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
      }
      return controller.signal;
    }
  }
  class AbortControllerLite {
    readonly signal = new AbortSignalLite();
    abort(reason?: unknown): void {
      const signal = this.signal;
      if (signal.aborted) return;
      signal.aborted = true;
      signal.reason = reason === undefined ? abortError() : reason;
      signal.onabort?.({ type: 'abort', target: signal });
      signal.dispatchEvent({ type: 'abort' });
    }
  }
  g.AbortSignal = AbortSignalLite;
  g.AbortController = AbortControllerLite;
}

function installText(g: Record<string, unknown>): void {
  class TextEncoderLite {
    readonly encoding = 'utf-8';
    encode(input = ''): Uint8Array {
      const text = String(input);
      const out: number[] = [];
      for (let i = 0; i < text.length; i++) {
        let code = text.charCodeAt(i);
        if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
          const next = text.charCodeAt(i + 1);
          if (next >= 0xdc00 && next <= 0xdfff) {
            code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
            i++;
          }
        }
        if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd;
        if (code < 0x80) out.push(code);
        else if (code < 0x800) out.push(0xc0 | (code >> 6), 0x80 | (code & 63));
        else if (code < 0x10000) out.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
        else out.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
      }
      return new Uint8Array(out);
    }
  }
  class TextDecoderLite {
    readonly encoding = 'utf-8';
    constructor(label = 'utf-8') {
      if (!/^utf-?8$/i.test(String(label))) throw new RangeError(`TextDecoder knows utf-8 only, not "${label}"`);
    }
    decode(input?: ArrayBuffer | ArrayBufferView): string {
      if (input === undefined) return '';
      const bytes =
        input instanceof ArrayBuffer
          ? new Uint8Array(input)
          : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
      const parts: string[] = [];
      let chunk: number[] = [];
      let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
      const push = (code: number) => {
        if (code > 0xffff) {
          code -= 0x10000;
          chunk.push(0xd800 + (code >> 10), 0xdc00 + (code & 0x3ff));
        } else chunk.push(code);
        if (chunk.length > 8000) {
          parts.push(String.fromCharCode(...chunk));
          chunk = [];
        }
      };
      while (i < bytes.length) {
        const b = bytes[i]!;
        const need =
          b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
        if (need < 0) {
          push(0xfffd);
          i++;
          continue;
        }
        let code = need === 0 ? b : b & (0x3f >> need);
        let ok = i + need < bytes.length;
        for (let k = 1; ok && k <= need; k++) {
          const c = bytes[i + k]!;
          if ((c & 0xc0) !== 0x80) ok = false;
          else code = (code << 6) | (c & 63);
        }
        if (ok && need === 2 && (code < 0x800 || (code >= 0xd800 && code <= 0xdfff))) ok = false;
        if (ok && need === 3 && (code < 0x10000 || code > 0x10ffff)) ok = false;
        if (!ok) {
          push(0xfffd);
          i++;
          continue;
        }
        push(code);
        i += need + 1;
      }
      parts.push(String.fromCharCode(...chunk));
      return parts.join('');
    }
  }
  g.TextEncoder = TextEncoderLite;
  g.TextDecoder = TextDecoderLite;
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  g.btoa = (input: unknown) => {
    const text = String(input);
    let out = '';
    for (let i = 0; i < text.length; i += 3) {
      const codes = [text.charCodeAt(i), text.charCodeAt(i + 1), text.charCodeAt(i + 2)];
      if (codes.some((c) => c > 255))
        throw new DOMExceptionLite('btoa takes Latin-1 characters only', 'InvalidCharacterError');
      const [a, b, c] = codes as [number, number, number];
      const n = (a << 16) | ((b || 0) << 8) | (c || 0);
      out +=
        B64[n >> 18]! +
        B64[(n >> 12) & 63]! +
        (i + 1 < text.length ? B64[(n >> 6) & 63]! : '=') +
        (i + 2 < text.length ? B64[n & 63]! : '=');
    }
    return out;
  };
  g.atob = (input: unknown) => {
    const text = String(input)
      .replace(/[\t\n\f\r ]/g, '')
      .replace(/={1,2}$/, '');
    if (/[^A-Za-z0-9+/]/.test(text) || text.length % 4 === 1)
      throw new DOMExceptionLite('atob takes base64', 'InvalidCharacterError');
    let out = '';
    let bits = 0;
    let value = 0;
    for (const char of text) {
      value = (value << 6) | B64.indexOf(char);
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out += String.fromCharCode((value >> bits) & 255);
      }
    }
    return out;
  };
}

function installUrl(g: Record<string, unknown>, host: HostFunctions): void {
  const encode = (text: string) =>
    encodeURIComponent(text)
      .replace(/%20/g, '+')
      .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const decode = (text: string) => {
    try {
      return decodeURIComponent(text.replace(/\+/g, ' '));
    } catch {
      return text;
    }
  };
  class URLSearchParamsLite {
    #entries: Array<[string, string]> = [];
    #changed: ((search: string) => void) | null = null;
    constructor(init?: unknown) {
      if (typeof init === 'string') this.#parse(init);
      else if (init instanceof URLSearchParamsLite) this.#entries = [...init.#entries];
      else if (Array.isArray(init))
        for (const [k, v] of init as Array<[unknown, unknown]>) this.#entries.push([String(k), String(v)]);
      else if (init && typeof init === 'object')
        for (const [k, v] of Object.entries(init)) this.#entries.push([k, String(v)]);
    }
    static linked(search: string, changed: (search: string) => void): URLSearchParamsLite {
      const params = new URLSearchParamsLite(search);
      params.#changed = changed;
      return params;
    }
    reset(search: string): void {
      this.#entries = [];
      this.#parse(search);
    }
    #parse(text: string): void {
      for (const part of text.replace(/^\?/, '').split('&')) {
        if (!part) continue;
        const at = part.indexOf('=');
        this.#entries.push(at < 0 ? [decode(part), ''] : [decode(part.slice(0, at)), decode(part.slice(at + 1))]);
      }
    }
    #update(): void {
      this.#changed?.(this.toString());
    }
    get size(): number {
      return this.#entries.length;
    }
    append(name: string, value: string): void {
      this.#entries.push([String(name), String(value)]);
      this.#update();
    }
    delete(name: string): void {
      this.#entries = this.#entries.filter(([k]) => k !== String(name));
      this.#update();
    }
    get(name: string): string | null {
      return this.#entries.find(([k]) => k === String(name))?.[1] ?? null;
    }
    getAll(name: string): string[] {
      return this.#entries.filter(([k]) => k === String(name)).map(([, v]) => v);
    }
    has(name: string): boolean {
      return this.#entries.some(([k]) => k === String(name));
    }
    set(name: string, value: string): void {
      const at = this.#entries.findIndex(([k]) => k === String(name));
      if (at < 0) this.#entries.push([String(name), String(value)]);
      else
        this.#entries = [
          ...this.#entries.slice(0, at),
          [String(name), String(value)],
          ...this.#entries.slice(at + 1).filter(([k]) => k !== String(name)),
        ];
      this.#update();
    }
    sort(): void {
      this.#entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      this.#update();
    }
    forEach(callback: (value: string, name: string, params: URLSearchParamsLite) => void): void {
      for (const [k, v] of this.#entries) callback(v, k, this);
    }
    keys(): IterableIterator<string> {
      return this.#entries.map(([k]) => k)[Symbol.iterator]();
    }
    values(): IterableIterator<string> {
      return this.#entries.map(([, v]) => v)[Symbol.iterator]();
    }
    entries(): IterableIterator<[string, string]> {
      return this.#entries.map(([k, v]) => [k, v] as [string, string])[Symbol.iterator]();
    }
    [Symbol.iterator](): IterableIterator<[string, string]> {
      return this.entries();
    }
    toString(): string {
      return this.#entries.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
    }
  }

  type Parts = Extract<UrlParts, { ok: true }>;
  class URLLite {
    #parts: Parts;
    #params: URLSearchParamsLite | null = null;
    constructor(url: unknown, base?: unknown) {
      this.#parts = checked(host.url(String(url), base === undefined ? undefined : String(base)));
    }
    static canParse(url: unknown, base?: unknown): boolean {
      return host.url(String(url), base === undefined ? undefined : String(base)).ok;
    }
    static parse(url: unknown, base?: unknown): URLLite | null {
      try {
        return new URLLite(url, base);
      } catch {
        return null;
      }
    }
    #with(part: string, value: unknown): void {
      this.#parts = checked(host.urlWith(this.#parts.href, part, String(value)));
      this.#params?.reset(this.#parts.search);
    }
    get href() {
      return this.#parts.href;
    }
    set href(value: string) {
      this.#parts = checked(host.url(String(value)));
      this.#params?.reset(this.#parts.search);
    }
    get origin() {
      return this.#parts.origin;
    }
    get protocol() {
      return this.#parts.protocol;
    }
    set protocol(value: string) {
      this.#with('protocol', value);
    }
    get username() {
      return this.#parts.username;
    }
    set username(value: string) {
      this.#with('username', value);
    }
    get password() {
      return this.#parts.password;
    }
    set password(value: string) {
      this.#with('password', value);
    }
    get host() {
      return this.#parts.host;
    }
    set host(value: string) {
      this.#with('host', value);
    }
    get hostname() {
      return this.#parts.hostname;
    }
    set hostname(value: string) {
      this.#with('hostname', value);
    }
    get port() {
      return this.#parts.port;
    }
    set port(value: string) {
      this.#with('port', value);
    }
    get pathname() {
      return this.#parts.pathname;
    }
    set pathname(value: string) {
      this.#with('pathname', value);
    }
    get search() {
      return this.#parts.search;
    }
    set search(value: string) {
      this.#with('search', value);
    }
    get hash() {
      return this.#parts.hash;
    }
    set hash(value: string) {
      this.#with('hash', value);
    }
    get searchParams(): URLSearchParamsLite {
      this.#params ??= URLSearchParamsLite.linked(this.#parts.search, (search) => {
        this.#parts = checked(host.urlWith(this.#parts.href, 'search', search));
      });
      return this.#params;
    }
    toString(): string {
      return this.#parts.href;
    }
    toJSON(): string {
      return this.#parts.href;
    }
  }
  function checked(parts: UrlParts): Parts {
    if (!parts.ok) throw new TypeError(parts.message);
    return parts;
  }
  g.URL = URLLite;
  g.URLSearchParams = URLSearchParamsLite;
}

function installFetchTypes(g: Record<string, unknown>): void {
  class HeadersLite {
    #map = new Map<string, string[]>();
    constructor(init?: unknown) {
      if (init instanceof HeadersLite) init.forEach((v, k) => this.append(k, v));
      else if (Array.isArray(init))
        for (const [k, v] of init as Array<[unknown, unknown]>) this.append(String(k), String(v));
      else if (init && typeof init === 'object') for (const [k, v] of Object.entries(init)) this.append(k, String(v));
    }
    append(name: string, value: string): void {
      const key = String(name).toLowerCase();
      this.#map.set(key, [...(this.#map.get(key) ?? []), String(value)]);
    }
    set(name: string, value: string): void {
      this.#map.set(String(name).toLowerCase(), [String(value)]);
    }
    get(name: string): string | null {
      const values = this.#map.get(String(name).toLowerCase());
      return values ? values.join(', ') : null;
    }
    getSetCookie(): string[] {
      return [...(this.#map.get('set-cookie') ?? [])];
    }
    has(name: string): boolean {
      return this.#map.has(String(name).toLowerCase());
    }
    delete(name: string): void {
      this.#map.delete(String(name).toLowerCase());
    }
    forEach(callback: (value: string, name: string, headers: HeadersLite) => void): void {
      for (const [name] of [...this.#map].sort(([a], [b]) => (a < b ? -1 : 1))) callback(this.get(name)!, name, this);
    }
    *entries(): IterableIterator<[string, string]> {
      for (const name of [...this.#map.keys()].sort()) yield [name, this.get(name)!];
    }
    *keys(): IterableIterator<string> {
      for (const [name] of this.entries()) yield name;
    }
    *values(): IterableIterator<string> {
      for (const [, value] of this.entries()) yield value;
    }
    [Symbol.iterator](): IterableIterator<[string, string]> {
      return this.entries();
    }
  }
  class ResponseLite {
    readonly status: number;
    readonly statusText: string;
    readonly headers: HeadersLite;
    readonly url = '';
    readonly redirected = false;
    readonly type = 'basic';
    #body: Uint8Array | null;
    #used = false;
    constructor(body?: unknown, init: { status?: number; statusText?: string; headers?: unknown } = {}) {
      this.status = init.status ?? 200;
      this.statusText = init.statusText ?? '';
      this.headers = new HeadersLite(init.headers);
      if (body === undefined || body === null) this.#body = null;
      else if (typeof body === 'string') this.#body = new (g.TextEncoder as typeof TextEncoder)().encode(body);
      else if (body instanceof Uint8Array) this.#body = body;
      else if (body instanceof ArrayBuffer) this.#body = new Uint8Array(body);
      else throw new TypeError('a Response body is a string, a Uint8Array or an ArrayBuffer here');
    }
    get ok(): boolean {
      return this.status >= 200 && this.status < 300;
    }
    get bodyUsed(): boolean {
      return this.#used;
    }
    get body(): null {
      return null;
    }
    async bytes(): Promise<Uint8Array> {
      if (this.#used) throw new TypeError('the body was already read');
      this.#used = true;
      return this.#body ? new Uint8Array(this.#body) : new Uint8Array(0);
    }
    async arrayBuffer(): Promise<ArrayBuffer> {
      const bytes = await this.bytes();
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    }
    async text(): Promise<string> {
      return new (g.TextDecoder as typeof TextDecoder)().decode(await this.bytes());
    }
    async json(): Promise<unknown> {
      return JSON.parse(await this.text());
    }
    clone(): ResponseLite {
      if (this.#used) throw new TypeError('the body was already read');
      return new ResponseLite(this.#body ? new Uint8Array(this.#body) : null, {
        status: this.status,
        statusText: this.statusText,
        headers: this.headers,
      });
    }
    static json(data: unknown, init: { status?: number; headers?: unknown } = {}): ResponseLite {
      const response = new ResponseLite(JSON.stringify(data), init);
      if (!response.headers.has('content-type')) response.headers.set('content-type', 'application/json');
      return response;
    }
  }
  g.Headers = HeadersLite;
  g.Response = ResponseLite;
}
