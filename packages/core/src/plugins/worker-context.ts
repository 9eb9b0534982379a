/**
 * Builds a plugin's `ctx` on the plugin's side of the bridge (a worker thread
 * or an isolate). Each capability is checked here for the plugin's convenience
 * (a clear refusal at once); the hub checks again on its side of the boundary,
 * where it counts. Imports nothing of Node (see guest-runtime.ts).
 */
import type { Ed25519Jwk, PluginContext } from '@maru/sdk';
import type { ContextGrant, FromWorker, ToWorker, WorkerError } from './worker-protocol.js';

/** A refused capability; reaches the hub as `kind: 'capability'`. */
export class CapabilityDenied extends Error {}

/**
 * What the engine running the plugin provides besides messages: timers, the plugin's assets and
 * cryptography. In a worker thread, Node's own (node-platform.ts); in an isolate, functions of the
 * plugin host handed in (isolate/isolate-thread.ts), which take and return plain data only.
 */
export interface GuestPlatform {
  /** Calls `done` after `ms`; returns a function that cancels it. */
  timer(ms: number, done: () => void): () => void;
  /** A copy of the asset's bytes, or undefined when the manifest does not list it. */
  asset(path: string): Uint8Array | undefined;
  randomBytes(length: number): Uint8Array;
  sha256(data: Uint8Array): Uint8Array;
  /** A new key pair, or the one of a 32-byte seed. */
  ed25519KeyPair(seed?: Uint8Array): { privateKey: Ed25519Jwk; publicKey: Ed25519Jwk };
  /** The signature as base64url; throws on a malformed key. */
  ed25519Sign(privateKey: Ed25519Jwk, data: Uint8Array): string;
  ed25519Verify(publicKey: Ed25519Jwk, data: Uint8Array, signature: string): boolean;
}

/** The SDK's isPluginError, without importing the SDK (and zod) into the isolate's runtime. */
function isPluginError(error: unknown): error is Error & { code: string } {
  return (
    error instanceof Error && error.name === 'PluginError' && typeof (error as { code?: unknown }).code === 'string'
  );
}

const utf8 = (data: Uint8Array | string): Uint8Array => {
  if (typeof data === 'string') return new TextEncoder().encode(data);
  if (data instanceof Uint8Array) return data;
  throw new TypeError('pass a Uint8Array or a string');
};

/** A version 4 UUID made of 16 random bytes. */
export function uuidOf(bytes: Uint8Array): string {
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The most random bytes one getRandomValues call gives, as Web Crypto. */
const RANDOM_MAX = 65_536;

/** A request as `fetch` takes it, described as plain data without the Request class (an isolate has none). */
async function describeRequest(
  input: unknown,
  init: RequestInit = {},
): Promise<{ url: string; method: string; headers: Array<[string, string]>; body: Uint8Array | null }> {
  if (typeof Request !== 'undefined' && input instanceof Request) {
    const request = new Request(input, init);
    return {
      url: request.url,
      method: request.method,
      headers: [...request.headers],
      body: request.body ? new Uint8Array(await request.arrayBuffer()) : null,
    };
  }
  const source = (typeof input === 'object' && input !== null && !(input instanceof URL) ? input : {}) as {
    url?: unknown;
    method?: unknown;
    headers?: unknown;
  };
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : String(source.url ?? '');
  const method = String(init.method ?? source.method ?? 'GET').toUpperCase();
  const headers: Array<[string, string]> = [];
  const given = (init.headers ?? source.headers) as unknown;
  if (given && typeof (given as Headers).forEach === 'function' && !Array.isArray(given))
    (given as Headers).forEach((value, name) => headers.push([name.toLowerCase(), String(value)]));
  else if (Array.isArray(given))
    for (const [name, value] of given as Array<[string, string]>)
      headers.push([String(name).toLowerCase(), String(value)]);
  else if (given && typeof given === 'object')
    for (const [name, value] of Object.entries(given)) headers.push([name.toLowerCase(), String(value)]);
  const body = init.body;
  let bytes: Uint8Array | null = null;
  if (body === undefined || body === null) bytes = null;
  else if (typeof body === 'string') bytes = new TextEncoder().encode(body);
  else if (body instanceof Uint8Array) bytes = new Uint8Array(body);
  else if (body instanceof ArrayBuffer) bytes = new Uint8Array(body.slice(0));
  else if (body instanceof URLSearchParams) {
    bytes = new TextEncoder().encode(body.toString());
    if (!headers.some(([name]) => name === 'content-type'))
      headers.push(['content-type', 'application/x-www-form-urlencoded;charset=UTF-8']);
  } else
    throw new TypeError('ctx.fetch takes a body that is a string, a Uint8Array, an ArrayBuffer or URLSearchParams');
  return { url, method, headers, body: bytes };
}

type HostAnswer = Extract<ToWorker, { type: 'kv-result' | 'data-result' | 'fetch-result' }>;

export function describeError(error: unknown): WorkerError {
  if (error instanceof CapabilityDenied) return { kind: 'capability', message: error.message };
  if (isPluginError(error)) return { kind: 'plugin', code: error.code, message: error.message };
  return { kind: 'crash', message: error instanceof Error ? error.message : String(error) };
}

/** Waits `ms` unless the call's deadline (`deadlineAt`, epoch ms) would pass first or the call is aborted. */
export function pluginSleep(
  platform: Pick<GuestPlatform, 'timer'>,
  ms: number,
  signal: AbortSignal,
  deadlineAt: number,
): Promise<void> {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0)
    return Promise.reject(new TypeError('ctx.sleep takes a number of milliseconds, 0 or more'));
  const left = deadlineAt - Date.now();
  if (ms > left)
    return Promise.reject(
      new Error(`ctx.sleep(${ms}) would outlast the call's deadline (${Math.max(0, Math.floor(left))} ms left)`),
    );
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      cancel();
      reject(signal.reason);
    };
    const cancel = platform.timer(ms, () => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** `ctx.crypto` on a platform's randomness, SHA-256 and Ed25519 (the same for isolates, workers and tests). */
export function pluginCrypto(platform: Omit<GuestPlatform, 'timer' | 'asset'>): PluginContext['crypto'] {
  return {
    randomUUID: () => uuidOf(platform.randomBytes(16)),
    getRandomValues: (array) => {
      if (!(array instanceof Uint8Array)) throw new TypeError('ctx.crypto.getRandomValues fills a Uint8Array');
      if (array.length > RANDOM_MAX)
        throw new RangeError(`ctx.crypto.getRandomValues gives at most ${RANDOM_MAX} bytes at a time`);
      array.set(platform.randomBytes(array.length));
      return array;
    },
    digest: async (algorithm, data) => {
      if (algorithm !== 'SHA-256') throw new TypeError('ctx.crypto.digest knows SHA-256');
      return platform.sha256(utf8(data));
    },
    ed25519: {
      generateKeyPair: async () => platform.ed25519KeyPair(),
      keyPairFromSeed: async (seed) => {
        if (!(seed instanceof Uint8Array) || seed.length !== 32)
          throw new TypeError('an Ed25519 seed is 32 bytes (a Uint8Array)');
        return platform.ed25519KeyPair(seed);
      },
      sign: async (privateKey, data) => platform.ed25519Sign(privateKey, utf8(data)),
      verify: async (publicKey, data, signature) => platform.ed25519Verify(publicKey, utf8(data), String(signature)),
    },
  };
}

/** The `ctx` factory of one worker, and the hand-back of the hub's answers to kv, data and fetch requests. */
export function createContexts(send: (message: FromWorker) => void, platform: GuestPlatform) {
  const waiters = new Map<number, (answer: HostAnswer) => void>();
  let seq = 0;
  const ask = (post: (id: number) => FromWorker) =>
    new Promise<HostAnswer>((resolve) => {
      const id = ++seq;
      waiters.set(id, resolve);
      send(post(id));
    });

  async function kv(op: 'get' | 'set' | 'delete', key: string, value?: unknown): Promise<unknown> {
    const answer = (await ask((id) => ({ type: 'kv', id, op, key, value }))) as Extract<
      HostAnswer,
      { type: 'kv-result' }
    >;
    if (!answer.ok) throw new Error(answer.error);
    return answer.value;
  }

  async function readData(
    callId: number,
    connectionId: string,
    options: { fields?: string[]; limit?: number; purpose?: string } = {},
  ) {
    const answer = (await ask((id) => ({
      type: 'data-read',
      id,
      callId,
      connectionId,
      fields: options.fields,
      limit: options.limit,
      purpose: options.purpose,
    }))) as Extract<HostAnswer, { type: 'data-result' }>;
    if (answer.ok) return answer.rows;
    if (answer.error.kind === 'capability') throw new CapabilityDenied(answer.error.message);
    throw new Error(answer.error.kind === 'input' ? answer.error.message : 'the data read failed');
  }

  /**
   * Describes the request and hands it to the hub, which decides and runs it; the answer becomes a
   * Response here. Nothing of this realm (where plugin code may have replaced any built-in) decides.
   */
  async function fetchThroughHub(
    callId: number,
    signal: AbortSignal,
    input: string | URL | Request,
    init?: RequestInit,
  ): Promise<Response> {
    const request = await describeRequest(input, init);
    const abort = init?.signal ? AbortSignal.any([signal, init.signal]) : signal;
    abort.throwIfAborted();
    const asked = ask((id) => ({ type: 'fetch', id, callId, ...request }));
    const aborted = new Promise<never>((_, reject) =>
      abort.addEventListener('abort', () => reject(abort.reason), { once: true }),
    );
    const answer = (await Promise.race([asked, aborted])) as Extract<HostAnswer, { type: 'fetch-result' }>;
    if (!answer.ok)
      throw answer.error.kind === 'capability'
        ? new CapabilityDenied(answer.error.message)
        : new TypeError(answer.error.message);
    const { status, statusText, headers, body: bytes } = answer.response;
    // Responses of these statuses carry no body, and the Response constructor refuses one.
    const empty = status === 101 || status === 204 || status === 205 || status === 304 || request.method === 'HEAD';
    return new Response(empty ? null : (bytes as Uint8Array<ArrayBuffer>), { status, statusText, headers });
  }

  function asset(path: string): Uint8Array {
    const bytes = typeof path === 'string' ? platform.asset(path) : undefined;
    if (!bytes)
      throw new Error(
        `"${String(path)}" is not an asset of this plugin: list the file in the ` +
          `manifest's assets (definePlugin({ assets: [...] })) and in package.json files`,
      );
    return bytes;
  }

  const crypto = pluginCrypto(platform);

  /** `callId` is the call (or connector stream) the context serves: the hub looks its caller up by it. */
  function contextFor(
    grant: ContextGrant,
    callId: number,
    signal: AbortSignal,
    deadlineAt = Number.POSITIVE_INFINITY,
  ): PluginContext {
    const log = (level: 'debug' | 'info' | 'warn' | 'error') => (text: string, fields?: Record<string, unknown>) =>
      send({ type: 'log', level, message: text, fields });
    const needs = (capability: string) => {
      if (!grant.capabilities.includes(capability))
        throw new CapabilityDenied(`the ${capability} capability was not granted to this plugin`);
    };
    return {
      caller: grant.caller,
      log: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
      kv: {
        get: async (key) => (needs('kv'), (await kv('get', key)) as never),
        set: async (key, value) => void (needs('kv'), await kv('set', key, value)),
        delete: async (key) => (needs('kv'), (await kv('delete', key)) as boolean),
      },
      fetch: (async (input: string | URL | Request, init?: RequestInit) => (
        needs('fetch'),
        fetchThroughHub(callId, signal, input, init)
      )) as typeof fetch,
      signal,
      mode: grant.mode,
      config: grant.config,
      events: {
        emit: async (name, payload) => {
          needs('events:emit');
          if (!(grant.emits ?? []).includes(name))
            throw new CapabilityDenied(`the event "${name}" is not declared in the manifest's emits`);
          send({ type: 'event', name, payload: structuredClone(payload) });
        },
      },
      data: {
        read: async (connectionId, options) => (needs('data:read'), readData(callId, connectionId, options)),
      },
      assets: {
        bytes: async (path) => asset(path),
        text: async (path) => new TextDecoder().decode(asset(path)),
        json: async (path) => JSON.parse(new TextDecoder().decode(asset(path))),
      },
      crypto,
      sleep: (ms) => pluginSleep(platform, ms, signal, deadlineAt),
    } as PluginContext;
  }

  /** Hands the hub's answer to the kv or data request waiting for it. */
  function answer(message: HostAnswer): void {
    const waiter = waiters.get(message.id);
    waiters.delete(message.id);
    waiter?.(message);
  }

  return { contextFor, answer };
}
