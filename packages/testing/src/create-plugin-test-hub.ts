import { createSqliteStore, isMaruError, type AuditEvent, type HubServices, type InstalledPlugin } from '@maru/core';
import { createTestHub, type GraphQLResponse, type TestHub } from '@maru/core/testing';
import { CAPABILITIES, type Capability, type PluginManifest } from '@maru/sdk';
import { randomUUID } from 'node:crypto';
import { HubCallError } from './hub-call-error.js';
import { resolvePluginEntry } from './resolve-plugin-entry.js';

/** Who a harness call is made as: a seeded member's key, no key, or a key of your own. */
export type TestCaller = 'company' | 'agency' | 'platform' | 'anonymous' | { key: string };

/** What {@link createPluginTestHub} takes. */
export interface PluginTestHubOptions {
  /** The plugin under test: its package folder, built with `maru build` (maru-plugin.json names the bundle), or the bundle itself (`dist/plugin.js`); a path or a `file:` URL. */
  plugin: string | URL;
  /** Capabilities the operator grants. Default: all the manifest asks for. Pass `[]` to test refusals. */
  capabilities?: Capability[];
  /** The operator's configuration, checked against the plugin's `config` schema. Default: none. */
  config?: unknown;
  /** `memory` (default) keeps nothing; `{ dataDir }` keeps a SQLite file there — use a fresh folder, the harness seeds it. */
  store?: 'memory' | { dataDir: string };
  /** How long one call may take before it fails with `TIMEOUT`. Default 5 s. */
  deadlineMs?: number;
}

/** Metered calls of a service: totals and per day (UTC), newest first. */
export interface ServiceUsage {
  calls: number;
  failures: number;
  byDay: Array<{ day: string; calls: number; failures: number }>;
}

/** A running in-process hub with the plugin under test, and what a test needs to drive and inspect it. */
export interface PluginTestHub {
  /** The hub itself (`hub.services` for anything the helpers do not cover). */
  hub: TestHub;
  /** The plugin as the hub loaded it. */
  plugin: { name: string; version: string; manifest: PluginManifest; grantedCapabilities: Capability[] };
  /** API keys (all scopes) of the seeded members: a company admin, an agency admin and a platform admin. */
  keys: { company: string; agency: string; platform: string };
  /** Runs a GraphQL operation in-process, as a client over HTTP would. Default caller: `company`. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, as?: TestCaller): Promise<GraphQLResponse<T>>;
  /**
   * Calls an operation through GraphQL (`serviceQuery` or `serviceMutation`, by the operation's kind) and
   * resolves with its result; rejects with a {@link HubCallError} carrying the code a client would see.
   * The company is granted access to the plugin's services at start. Default caller: `company`.
   */
  call<T = any>(service: string, operation: string, input?: unknown, as?: TestCaller): Promise<T>;
  /** Calls an operation through the plugin host, without GraphQL: same grants, metering and audit; rejects with a {@link HubCallError}. */
  callDirect<T = any>(service: string, operation: string, input?: unknown, as?: TestCaller): Promise<T>;
  /** The audit trail, oldest first; e.g. `plugin.capabilityDenied` with outcome `CAPABILITY_DENIED`. */
  auditEvents(filter?: { action?: string; outcome?: string }): Promise<AuditEvent[]>;
  /** Metered calls of a service over the last 30 days. */
  usage(service: string): Promise<ServiceUsage>;
  /** A value the plugin stored with `ctx.kv`, read as the hub holds it. */
  kv<T = unknown>(key: string): Promise<T | undefined>;
  /** Stops the plugin's isolate and closes the store. */
  close(): Promise<void>;
}

type Viewer = Awaited<ReturnType<HubServices['apiKeys']['authenticate']>>;

/**
 * Starts an in-process hub — the real one, on an in-memory SQLite store —
 * with the plugin's bundle loaded as a hub loads it: in a V8 isolate of the
 * hub's plugin host, with its assets and nothing of Node (unsigned allowed), a
 * company, an agency and a platform admin seeded with keys, and the company
 * granted access to the plugin's services. Throws with the hub's problems
 * when the plugin is refused.
 *
 * @example
 * ```ts
 * const hub = await createPluginTestHub({ plugin: new URL('..', import.meta.url) });
 * expect(await hub.call('hello', 'greet', { name: 'Ada' })).toEqual({ greeting: 'Hello, Ada!' });
 * await hub.close();
 * ```
 */
export async function createPluginTestHub(options: PluginTestHubOptions): Promise<PluginTestHub> {
  const entry = resolvePluginEntry(options.plugin);
  const store = createSqliteStore({
    dataDir: options.store && options.store !== 'memory' ? options.store.dataDir : ':memory:',
  });
  let hub: TestHub;
  try {
    // An author's tests reach fixtures on 127.0.0.1 through ctx.fetch, as `maru hub` lets them; a production hub does not by default.
    hub = await createTestHub({
      store,
      rateLimit: false,
      pluginOptions: { allowUnsigned: true, deadlineMs: options.deadlineMs ?? 5_000, fetchAllowPrivate: true },
    });
  } catch (error) {
    await store.close().catch(() => undefined);
    throw new Error(
      `createPluginTestHub: the hub could not start${options.store && options.store !== 'memory' ? ` (is ${options.store.dataDir} a fresh folder? the harness seeds it)` : ''}: ${(error as Error).message}`,
    );
  }
  try {
    return await prepare(hub, entry, options);
  } catch (error) {
    await hub.close();
    throw error;
  }
}

async function prepare(hub: TestHub, entry: string, options: PluginTestHubOptions): Promise<PluginTestHub> {
  const services = hub.services;
  const { keys: fixtureKeys } = hub.fixtures;
  const keys = {
    company: fixtureKeys.companyAAdmin!,
    agency: fixtureKeys.ministryAdmin!,
    platform: fixtureKeys.platformAdmin!,
  };
  const record: InstalledPlugin = await services.plugins.load({
    entry,
    capabilities: options.capabilities ?? [...CAPABILITIES],
  });
  if (record.status !== 'ENABLED')
    throw new Error(`createPluginTestHub: the hub refused the plugin at ${entry}:\n  ${record.problems.join('\n  ')}`);
  const manifest = JSON.parse(record.manifestJson!) as PluginManifest;
  const viewers = new Map<string, Viewer>();
  const viewerOf = async (key: string) =>
    viewers.get(key) ?? viewers.set(key, await services.apiKeys.authenticate(key)).get(key)!;
  const admin = await viewerOf(keys.platform);
  if (options.config !== undefined) await services.plugins.setConfig(admin, manifest.name, options.config);
  // Granted directly, not through GraphQL, so the audit trail holds only what the test does.
  const company = await viewerOf(keys.company);
  for (const service of manifest.services ?? []) {
    const request = await services.catalogue.requestAccess(company, service.key, { purpose: 'Plugin tests' });
    await services.catalogue.decideAccess(admin, request._id, { status: 'ACTIVE', dailyQuota: null });
  }

  const keyOf = (as: TestCaller = 'company'): string | null =>
    typeof as === 'object' ? as.key : as === 'anonymous' ? null : keys[as];
  const kindOf = (service: string, operation: string) =>
    manifest.services?.find((s) => s.key === service)?.operations.find((o) => o.name === operation)?.kind ?? 'query';
  const gql: PluginTestHub['gql'] = (query, variables, as) => hub.gql(query, variables, keyOf(as));

  return {
    hub,
    plugin: {
      name: manifest.name,
      version: manifest.version,
      manifest,
      grantedCapabilities: record.grantedCapabilities,
    },
    keys,
    gql,
    async call(service, operation, input = {}, as) {
      const kind = kindOf(service, operation);
      const field = kind === 'query' ? 'serviceQuery' : 'serviceMutation';
      const res = await gql(
        `${kind}($service: String!, $operation: String!, $input: JSON) { result: ${field}(service: $service, operation: $operation, input: $input) }`,
        { service, operation, input },
        as,
      );
      const error = res.errors?.[0];
      if (error) {
        const { code, ...extensions } = error.extensions ?? {};
        throw new HubCallError(String(code ?? 'INTERNAL'), error.message, extensions);
      }
      return res.data.result;
    },
    async callDirect(service, operation, input = {}, as) {
      try {
        const key = keyOf(as);
        const viewer = key ? await viewerOf(key) : null;
        return (await services.plugins.call(
          viewer,
          service,
          operation,
          kindOf(service, operation),
          input,
          `test-${randomUUID()}`,
        )) as never;
      } catch (error) {
        if (isMaruError(error)) throw new HubCallError(error.code, error.message, { ...error.extensions });
        throw error;
      }
    },
    async auditEvents(filter = {}) {
      return services.audit.eventsMatching({ action: filter.action, outcome: filter.outcome });
    },
    async usage(service) {
      const byDay = await services.catalogue.usageOf(service);
      return {
        calls: byDay.reduce((n, d) => n + d.calls, 0),
        failures: byDay.reduce((n, d) => n + d.failures, 0),
        byDay,
      };
    },
    kv: (key) => services.plugins.kvValue(manifest.name, key) as Promise<never>,
    close: () => hub.close(),
  };
}
