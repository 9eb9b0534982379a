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

/** The plugin's door to data connections. */
export interface PluginData {
  /** Reads records of a data connection granted to the plugin; any other fails with CAPABILITY_DENIED. */
  read(connectionId: string, options?: { fields?: string[]; limit?: number; purpose?: string }): Promise<Array<Record<string, unknown>>>;
}
