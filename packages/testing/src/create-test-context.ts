import type { Capability, OperationDefinition, PluginCaller, PluginContext, z } from '@maru/sdk';
import { createTestAssets } from './create-test-assets.js';
import { pluginTestCrypto, pluginTestSleep } from '@maru/core/testing';

/** One line the plugin logged through `ctx.log`. */
export interface LoggedLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  fields?: Record<string, unknown>;
}

/** What {@link createTestContext} takes; every field has a default. */
export interface TestContextOptions {
  /** Capabilities granted for the call. Default: `kv` and `fetch`. */
  capabilities?: Capability[];
  /** Hosts `ctx.fetch` may reach, as `host` or `host:port`. Default: none. */
  hosts?: string[];
  /** Default `live`. */
  mode?: 'live' | 'test';
  /** Default: organization `org-1`, member `member-1`. */
  caller?: PluginCaller;
  /** Aborts the call (`ctx.signal`); `ctx.sleep` rejects with its reason. Default: never aborts. */
  signal?: AbortSignal;
  /** Milliseconds the call may last: then `ctx.signal` aborts, and `ctx.sleep` rejects at once a wait that would end later. Default: no deadline. */
  deadlineMs?: number;
  /** The plugin package's folder (a path or a `file:` URL), where `ctx.assets` reads the files. Default: none. */
  packageDir?: string | URL;
  /** The paths `ctx.assets` may read, as the manifest lists them. Default: the `assets` in the package's maru-plugin.json. */
  assets?: readonly string[];
  /** Share one kv store between contexts to stand for separate calls into the same plugin. */
  store?: Map<string, unknown>;
  /** The operator's configuration. Default: none. */
  config?: unknown;
  /** Events the manifest declares in `emits`. Default: none. */
  emits?: string[];
}

/** A `ctx` plus what a test looks at afterwards: the kv store, the log and the events emitted. */
export interface TestContext extends PluginContext {
  store: Map<string, unknown>;
  logs: LoggedLine[];
  emitted: Array<{ name: string; payload: Record<string, unknown> }>;
}

/**
 * A `ctx` that behaves like the one the hub hands a plugin in its isolate:
 * kv values go through JSON (the host stores them), `fetch` reaches only the
 * listed hosts and follows no redirects, events must be declared, no data
 * connection is granted, and a capability not granted fails. `assets` reads
 * the files the manifest lists from `packageDir`, `crypto` is Node's (same
 * keys and signatures as the hub's), and `sleep` keeps to `deadlineMs` and
 * `signal`. For unit tests of one handler; `createPluginTestHub` runs the
 * built plugin in a real hub.
 *
 * @example
 * ```ts
 * const ctx = createTestContext({ capabilities: [], packageDir: new URL('..', import.meta.url), assets: plugin.manifest.assets });
 * ```
 */
export function createTestContext(options: TestContextOptions = {}): TestContext {
  const capabilities = options.capabilities ?? ['kv', 'fetch'];
  const hosts = options.hosts ?? [];
  // Past the deadline the call is aborted, as the hub aborts it.
  const limits = [
    options.signal,
    options.deadlineMs === undefined ? undefined : AbortSignal.timeout(options.deadlineMs),
  ].filter((s): s is AbortSignal => s !== undefined);
  const signal = limits.length ? AbortSignal.any(limits) : new AbortController().signal;
  const deadlineAt = options.deadlineMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + options.deadlineMs;
  const store = options.store ?? new Map<string, unknown>();
  const logs: LoggedLine[] = [];
  const emitted: TestContext['emitted'] = [];
  const needs = (capability: Capability) => {
    if (!capabilities.includes(capability))
      throw new Error(`the ${capability} capability was not granted to this plugin`);
  };
  const line = (level: LoggedLine['level']) => (message: string, fields?: Record<string, unknown>) =>
    void logs.push({ level, message, ...(fields ? { fields } : {}) });
  return {
    caller: options.caller ?? { organizationId: 'org-1', memberId: 'member-1' },
    mode: options.mode ?? 'live',
    signal,
    config: options.config,
    store,
    logs,
    emitted,
    log: { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') },
    kv: {
      get: async <T>(key: string) => (
        needs('kv'),
        store.has(key) ? (JSON.parse(store.get(key) as string) as T) : undefined
      ),
      set: async (key, value) => void (needs('kv'), store.set(key, JSON.stringify(value))),
      delete: async (key) => (needs('kv'), store.delete(key)),
    },
    fetch: (async (input: string | URL | Request, init?: RequestInit) => {
      needs('fetch');
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (!hosts.includes(url.host))
        throw new Error(`fetch to ${url.host} is not allowed: the manifest declares ${hosts.join(', ') || 'no hosts'}`);
      return fetch(input, {
        ...init,
        signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal,
        redirect: 'error',
      });
    }) as typeof fetch,
    events: {
      emit: async (name, payload) => {
        needs('events:emit');
        if (!(options.emits ?? []).includes(name))
          throw new Error(`the event "${name}" is not declared in the manifest's emits`);
        emitted.push({ name, payload: structuredClone(payload) });
      },
    },
    data: {
      read: async (connectionId) => {
        needs('data:read');
        throw new Error(`the data connection "${connectionId}" is not granted to this plugin`);
      },
    },
    assets: createTestAssets({ packageDir: options.packageDir, assets: options.assets }),
    // The plugin host's own code for these two, on Node's crypto and timers.
    crypto: pluginTestCrypto(),
    sleep: (ms) => pluginTestSleep(ms, signal, deadlineAt),
  };
}

/**
 * Calls an operation the way the hub's worker does: the input is parsed by
 * the operation's schema (refusals throw), the handler runs, and the result
 * must match the output schema and survive JSON, as it crosses to the client.
 */
export async function callOperation<I extends z.ZodType, O extends z.ZodType>(
  operation: OperationDefinition<I, O>,
  input: unknown,
  ctx: PluginContext,
): Promise<z.output<O>> {
  const parsed = operation.input.safeParse(input);
  if (!parsed.success)
    throw new Error(
      `bad input: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ')}`,
    );
  const output = operation.output.safeParse(await operation.handler(parsed.data, ctx));
  if (!output.success) throw new Error(`output does not match the schema: ${output.error.issues[0]?.message}`);
  return JSON.parse(JSON.stringify(output.data)) as z.output<O>;
}
