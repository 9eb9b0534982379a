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
  read(connectionId: string, options?: { fields?: string[]; limit?: number; purpose?: string }): Promise<Array<Record<string, unknown>>>;
}
