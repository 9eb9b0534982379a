/**
 * Who is calling a plugin. Never carries secrets: no API key, no session.
 */
export interface PluginCaller {
  /** Global id of the caller's organization, or `null` for anonymous calls. */
  organizationId: string | null;
  /** Global id of the calling member, or `null` when no member is known. */
  memberId: string | null;
}

/** A structured logger scoped to the plugin; the hub adds plugin name and request id. */
export interface PluginLogger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Plugin-scoped key/value storage. Keys are private to the plugin. */
export interface PluginKeyValue {
  /** Returns the stored value, or `undefined` when the key is absent. */
  get<T = unknown>(key: string): Promise<T | undefined>;
  /** Stores a JSON-serializable value. */
  set(key: string, value: unknown): Promise<void>;
  /** Removes the key; resolves `true` when it existed. */
  delete(key: string): Promise<boolean>;
}

/**
 * The plugin's only door to the hub, handed to every handler. Each member is a
 * capability: using one the plugin was not granted fails with a coded error.
 * There is deliberately no store client, no environment and no hub internals.
 */
export interface PluginContext {
  /** Who is calling. */
  caller: PluginCaller;
  /** Logger scoped to this plugin and this call. */
  log: PluginLogger;
  /** Key/value storage (capability `kv`). */
  kv: PluginKeyValue;
  /** `fetch` limited to the manifest's hosts (capability `fetch`). */
  fetch: typeof fetch;
  /** Aborted when the call's deadline passes; pass it on to anything slow. */
  signal: AbortSignal;
  /** `test` for calls made with a test key: answer from sandbox data, with no side effects and no quota. */
  mode: 'live' | 'test';
  /** The configuration an operator set, already checked against the plugin's `config` schema; `undefined` when none. */
  config: unknown;
  /** Hub events (capability `events:emit`, names listed in `emits`). */
  events: PluginEvents;
  /** Reads of the data connections granted to the plugin (capability `data:read`). */
  data: PluginData;
  /** The files the manifest lists in `assets`, read from the signed package (plugin API 2). */
  assets: PluginAssets;
  /** Randomness, SHA-256 and Ed25519, run by the hub's plugin host (plugin API 2). */
  crypto: PluginCrypto;
  /**
   * Waits `ms` milliseconds (plugin API 2). Rejects at once when the wait would outlast the call's
   * deadline, and with `ctx.signal`'s reason when the call is aborted while waiting.
   */
  sleep(ms: number): Promise<void>;
}

/**
 * The plugin's own files, as listed in the manifest's `assets` (paths relative to the package
 * root, such as `data/addresses.json`). The hub reads them from the verified package when it
 * loads the plugin; a path not listed fails with an `Error` naming it.
 */
export interface PluginAssets {
  /** The file's bytes. */
  bytes(path: string): Promise<Uint8Array>;
  /** The file as UTF-8 text. */
  text(path: string): Promise<string>;
  /** The file parsed as JSON. */
  json<T = unknown>(path: string): Promise<T>;
}

/** An Ed25519 key as a JSON Web Key (`kty: 'OKP'`, `crv: 'Ed25519'`; `d` only in private keys). */
export interface Ed25519Jwk {
  kty: 'OKP';
  crv: 'Ed25519';
  /** The public key, base64url. */
  x: string;
  /** The private seed, base64url; present in private keys only. */
  d?: string;
}

/**
 * The cryptography a plugin may use. Text is encoded as UTF-8; signatures are base64url strings.
 *
 * @example
 * ```ts
 * const { privateKey, publicKey } = await ctx.crypto.ed25519.generateKeyPair();
 * const signature = await ctx.crypto.ed25519.sign(privateKey, 'payload');
 * await ctx.crypto.ed25519.verify(publicKey, 'payload', signature); // true
 * ```
 */
export interface PluginCrypto {
  /** A random version 4 UUID. */
  randomUUID(): string;
  /** Fills the array with cryptographically strong random bytes (at most 65,536) and returns it. */
  getRandomValues<T extends Uint8Array>(array: T): T;
  /** The SHA-256 digest of `data`. */
  digest(algorithm: 'SHA-256', data: Uint8Array | string): Promise<Uint8Array>;
  ed25519: {
    /** A new key pair. */
    generateKeyPair(): Promise<{ privateKey: Ed25519Jwk; publicKey: Ed25519Jwk }>;
    /** The key pair whose private seed is these 32 bytes (deterministic keys, e.g. a published sandbox key). */
    keyPairFromSeed(seed: Uint8Array): Promise<{ privateKey: Ed25519Jwk; publicKey: Ed25519Jwk }>;
    /** Signs `data` with a private key; the signature as base64url. */
    sign(privateKey: Ed25519Jwk, data: Uint8Array | string): Promise<string>;
    /** Whether `signature` (base64url) is `publicKey`'s signature of `data`; false for malformed input. */
    verify(publicKey: Ed25519Jwk, data: Uint8Array | string, signature: string): Promise<boolean>;
  };
}

/** The plugin's door to the hub's event bus. */
export interface PluginEvents {
  /** Emits an event the manifest declares; anything else fails with CAPABILITY_DENIED. */
  emit(name: string, payload: Record<string, unknown>): Promise<void>;
}

/** The plugin's door to data connections (capability `data:read`). */
export interface PluginData {
  /**
   * Reads records of a data connection for the caller of the current call.
   *
   * `connectionId` is the global id of a `DataConnection` object, as the
   * GraphQL API returns it. The hub applies the same classification, approval
   * and consent rules as a GraphQL read by the caller, and writes every read to
   * the connection's access log. `fields` picks fields (all that the caller may
   * see by default), `limit` defaults to 100 and is capped at 1000, and
   * `purpose` is recorded in the access log.
   *
   * Fails with a capability refusal (the call ends with `CAPABILITY_DENIED`
   * unless caught) when `data:read` was not granted, or when the connection
   * does not exist or is not readable for this caller; with an `Error` naming
   * what to fix when an argument is wrong; and with the generic
   * `Error('the data read failed')` when the hub could not read.
   *
   * @example
   * ```ts
   * const rows = await ctx.data.read('RGF0YUNvbm5lY3Rpb246MQ', { fields: ['name', 'region'], limit: 50, purpose: 'regional statistics' });
   * ```
   */
  read(
    connectionId: string,
    options?: { fields?: string[]; limit?: number; purpose?: string },
  ): Promise<Array<Record<string, unknown>>>;
}
