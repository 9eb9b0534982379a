/**
 * The hub's side of a plugin's `ctx`: key/value storage, `fetch`, data reads
 * and events, each checked here against the grant the hub holds — where
 * plugin code cannot skip the check — and executed here. Refusals are audited.
 */
import type { AuditTrail } from '../../audit/index.js';
import type { HubEvents } from '../../events/index.js';
import type { HubLogger } from '../../logger.js';
import type { Collection } from '../../store/port.js';
import type { PluginKvEntry } from '../model.js';
import { answerDataRead, type PluginDataReader } from '../plugin-data.js';
import { executePluginFetch, type PluginFetchAnswer, type PluginFetchRequest } from '../plugin-fetch.js';
import type {
  PluginCallRecord,
  PluginDataAnswer,
  PluginDataReadRequest,
  PluginRunnerOptions,
} from '../plugin-runner.js';
import { auditDenied } from './plugin-errors.js';
import type { PluginRegistry } from './plugin-registry.js';

/** Limits of one plugin's kv: a plugin that stores without bound costs the hub's store, not its own. */
const KV_KEY_CHARS = 512;
const KV_VALUE_BYTES = 256 * 1024;
const KV_ENTRIES = 100_000;

function checkKvKey(key: unknown): asserts key is string {
  if (typeof key !== 'string' || key.length === 0 || key.length > KV_KEY_CHARS)
    throw new Error(`a kv key is a string of 1 to ${KV_KEY_CHARS} characters`);
}

export const kvId = (plugin: string, key: string) => `${plugin}::${key}`;

export interface PluginPortsDeps {
  registry: PluginRegistry;
  kv: Collection<PluginKvEntry>;
  audit: AuditTrail;
  logger: HubLogger;
  clock: () => number;
  events?: HubEvents;
  dataReader: () => PluginDataReader | null;
  deadlineMs: number;
  fetchAllowPrivate?: boolean;
}

/**
 * The ports of one plugin's runner. `name` is the plugin's name as the hub learned it from its
 * manifest (null until the plugin started): every port answers for that plugin only.
 */
export function pluginPorts(deps: PluginPortsDeps, name: () => string | null): Omit<PluginRunnerOptions, 'entry'> {
  const { registry, kv, audit, logger } = deps;
  const plugin = () => name() ?? '(not started)';
  const granted = (capability: string) => !!registry.get(plugin())?.granted.includes(capability as never);
  const assertGranted = (capability: string) => {
    if (!granted(capability)) throw new Error(`the ${capability} capability was not granted to this plugin`);
  };
  return {
    log: (level, message, fields) => logger[level]({ plugin: name(), ...fields }, message),
    onEvent: (event, payload) => {
      const loaded = registry.get(plugin());
      const allowed =
        !!loaded && loaded.granted.includes('events:emit') && (loaded.manifest.events?.emits ?? []).includes(event);
      if (!allowed) return void auditDenied(audit, event.slice(0, 100), name());
      void audit.append({
        action: 'plugin.emit',
        actorMemberId: null,
        actorOrganizationId: null,
        targetId: event.slice(0, 100),
        organizationId: null,
        outcome: 'SUCCESS',
        requestId: name(),
      });
      deps.events?.publish('pluginEvent', {
        plugin: plugin(),
        name: event,
        payload,
        at: new Date(deps.clock()).toISOString(),
      });
    },
    data: (request) => readData(deps, plugin(), request),
    fetch: (request) => fetchFor(deps, plugin(), request),
    kv: {
      get: async (key) => {
        assertGranted('kv');
        checkKvKey(key);
        const entry = await kv.findOne({ _id: kvId(plugin(), key) });
        return entry ? JSON.parse(entry.valueJson) : undefined;
      },
      set: async (key, value) => {
        assertGranted('kv');
        checkKvKey(key);
        const valueJson = JSON.stringify(value ?? null);
        if (valueJson.length > KV_VALUE_BYTES)
          throw new Error(`a kv value is at most ${KV_VALUE_BYTES} bytes as JSON (this one is ${valueJson.length})`);
        const id = kvId(plugin(), key);
        if (!(await kv.findOne({ _id: id })) && (await kv.count({ plugin: plugin() })) >= KV_ENTRIES) {
          throw new Error(`a plugin keeps at most ${KV_ENTRIES} kv entries; delete some first`);
        }
        await kv.findOneAndUpdate({ _id: id }, { $set: { plugin: plugin(), key, valueJson } }, { upsert: true });
      },
      delete: (key) => {
        assertGranted('kv');
        return kv.deleteOne({ _id: kvId(plugin(), key) });
      },
    },
  };
}

/**
 * A plugin's `ctx.data.read`, on the hub's side: the capability is checked again here, where plugin code cannot skip
 * it.
 */
async function readData(
  deps: PluginPortsDeps,
  pluginName: string,
  request: PluginDataReadRequest,
): Promise<PluginDataAnswer> {
  if (!deps.registry.get(pluginName)?.granted.includes('data:read')) {
    await auditDenied(deps.audit, pluginName, request.requestId);
    return {
      ok: false,
      error: { kind: 'capability', message: 'the data:read capability was not granted to this plugin' },
    };
  }
  const reader = deps.dataReader();
  if (!reader)
    return { ok: false, error: { kind: 'capability', message: 'this hub has no data connections a plugin may read' } };
  return answerDataRead(reader, pluginName, request, (error) =>
    deps.logger.error(
      { plugin: pluginName, reason: error instanceof Error ? error.message : String(error) },
      'plugin data read failed',
    ),
  );
}

/**
 * A plugin's `ctx.fetch`: the grant as the hub holds it, the manifest's hosts, then plugin-fetch.ts's checks. Refusals
 * are audited.
 */
async function fetchFor(
  deps: PluginPortsDeps,
  pluginName: string,
  request: PluginFetchRequest & PluginCallRecord,
): Promise<PluginFetchAnswer> {
  const loaded = deps.registry.get(pluginName);
  const answer: PluginFetchAnswer = !loaded?.granted.includes('fetch')
    ? { ok: false, error: { kind: 'capability', message: 'the fetch capability was not granted to this plugin' } }
    : await executePluginFetch(request, {
        hosts: loaded.manifest.hosts ?? [],
        allowPrivate: deps.fetchAllowPrivate,
        signal: AbortSignal.timeout(deps.deadlineMs),
      });
  if (!answer.ok && answer.error.kind === 'capability') {
    deps.logger.warn(
      { plugin: pluginName, requestId: request.requestId, reason: answer.error.message },
      'plugin fetch refused',
    );
    await auditDenied(deps.audit, pluginName, request.requestId);
  }
  return answer;
}
