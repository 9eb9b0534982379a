import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isCompatible, LEGACY_PLUGIN_API_VERSION, PLUGIN_API_VERSION, validateManifest, type Capability, type PluginManifest } from '@maru/sdk';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { HubEvents } from '../challenges/events.js';
import type { SourceItem } from '../data/connectors/connector.js';
import { badInput, conflict, forbidden, MaruError, notFound, unauthenticated } from '../errors.js';
import { encodeGlobalId } from '../graphql/global-id.js';
import { newId } from '../ids.js';
import { isPlatformAdmin, type Viewer } from '../identity/viewer.js';
import type { HubLogger } from '../logger.js';
import type { Collection, Store } from '../store/port.js';
import { configOf, manifestOf, operationsOf, type InstalledPlugin, type PluginKvEntry, type PublisherKey, type ServiceCall, type ServiceRecord, type ServiceStatus } from './model.js';
import { GrantService } from './grant-service.js';
import { readPluginConnector } from './plugin-connectors.js';
import { answerDataRead, type PluginDataReader } from './plugin-data.js';
import { executePluginFetch, type PluginFetchAnswer, type PluginFetchRequest } from './plugin-fetch.js';
import { FencedRunner } from './fence/fenced-runner.js';
import { linkOutside } from './fence/package-links.js';
import { PluginFence } from './fence/plugin-fence.js';
import { PluginCallError, PluginRunner, type PluginCallRecord, type PluginDataAnswer, type PluginDataReadRequest, type PluginRunnerOptions } from './plugin-runner.js';
import { packageDirOf, verifyPackage } from './signature.js';
import { readPluginPackage, type PluginPackage } from './plugin-package.js';
import { isolatedVmBinary } from './isolate/isolated-vm-binary.js';

export type { PluginDataReader, PluginDataRequest } from './plugin-data.js';

export interface PluginConfig {
  /** Path (or `file:` URL) of the plugin's built module. */
  entry: string;
  /** Capabilities the operator grants; only those the manifest asks for take effect. */
  capabilities?: Capability[];
  /** Refuse, without recording anything, unless the package is this name and version. */
  expect?: { name: string; version: string };
}

export interface PluginHostOptions {
  /** How long one call may take. Default 5 s. */
  deadlineMs?: number;
  /** Let plugins' `ctx.fetch` reach declared hosts that resolve to loopback, private or link-local addresses. Default false. */
  fetchAllowPrivate?: boolean;
  /** Heap limit of each plugin's worker. Default 64 MB. */
  maxHeapMb?: number;
  /** Development only: load plugins that are unsigned or signed by an unregistered key. Default false. */
  allowUnsigned?: boolean;
  /**
   * `fenced` (the default): each plugin runs in a plugin-host child process of its own, started
   * with Node's permission model (fence/plugin-fence.ts). `unconfined`: in worker threads of the
   * hub's own process, as before — plugin code can then reach everything the hub can; for
   * debugging only.
   */
  isolation?: 'fenced' | 'unconfined';
  /** Each plugin host's resident memory ceiling, in MiB. Default 1024. */
  hostMaxRssMb?: number;
  /** The user and group the plugin host runs as (the hub must run as root to switch). Default: the hub's own. */
  hostUser?: { uid: number; gid: number } | null;
  /**
   * Load plugins of API 1 (SDK 0.1: a module run in a worker thread, with Node's APIs in reach of
   * its code), each in a fenced plugin host of its own, listed as UNCONFINED. Default false: they
   * are refused and their operators are told to rebuild them with `maru build`.
   */
  legacyWorkers?: boolean;
  /** The memory limit of each plugin's isolate (heap and ArrayBuffers), MiB. Default 64. */
  isolateMemoryMb?: number;
}

/** A plugin's runner: in a fenced plugin host of its own, or (unconfined) in a worker thread of the hub. */
type Runner = PluginRunner | FencedRunner;

/** A plugin whose runner started (or did not), before the hub registers it. */
interface Booted {
  runner: Runner;
  manifest: PluginManifest | null;
  /** Signature or start problems; the start's error message when it failed. */
  problems: string[];
  check: ReturnType<typeof verifyPackage>;
  keys: Map<string, { publicKey: string; publisher: string }>;
  /** The plugin API the package is built for: 2 (a bundle in an isolate), 1 (legacy worker), null when unreadable. */
  api: 1 | 2 | null;
}

interface Loaded {
  runner: Runner;
  manifest: PluginManifest;
  granted: Capability[];
  config: unknown;
}

const SERVICE_STATUSES: readonly ServiceStatus[] = ['PILOT', 'ACTIVE', 'DEPRECATED', 'SUSPENDED'];

/** `@acme/maru-address` → `ACME_MARU_ADDRESS`: the namespace of the plugin's error codes. */
export const pluginNamespace = (name: string) => name.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '').toUpperCase();

/**
 * Loads plugins, keeps the catalogue of the services they contribute, and
 * runs calls into them: each plugin in its own worker (PluginRunner), every
 * call metered, every refused capability audited. A plugin that fails
 * validation is recorded as FAILED with its problems; the hub starts anyway.
 */
export class PluginHost {
  readonly plugins: Collection<InstalledPlugin>;
  readonly services: Collection<ServiceRecord>;
  readonly calls: Collection<ServiceCall>;
  private readonly kv: Collection<PluginKvEntry>;
  readonly publisherKeys: Collection<PublisherKey>;
  readonly grants: GrantService;
  private readonly loaded = new Map<string, Loaded>();
  /** Bumped whenever the set of enabled plugins changes, so the typed schema is rebuilt. */
  generation = 0;
  private readonly byService = new Map<string, string>();
  private dataReader: PluginDataReader | null = null;

  constructor(
    store: Store,
    private readonly audit: AuditTrail,
    private readonly logger: HubLogger,
    private readonly clock: () => number,
    private readonly options: PluginHostOptions = {},
    private readonly events?: HubEvents,
  ) {
    this.plugins = store.collection<InstalledPlugin>('plugins');
    this.services = store.collection<ServiceRecord>('services');
    this.calls = store.collection<ServiceCall>('service_calls');
    this.kv = store.collection<PluginKvEntry>('plugin_kv');
    this.publisherKeys = store.collection<PublisherKey>('publisher_keys');
    this.grants = new GrantService(store, this.services, this.calls, clock);
    if (events) void this.forwardChallengeEvents(events);
  }

  /**
   * Hands public challenge events (`challenge.published`, `challenge.awarded`,
   * …) to the plugins that declare them in `receives` and were granted
   * `events:receive`. Delivery is best effort: a failing handler is logged and
   * costs nothing else.
   */
  private async forwardChallengeEvents(events: HubEvents): Promise<void> {
    for await (const event of events.subscribe('challenge')) {
      const name = `challenge.${event.kind.toLowerCase()}`;
      for (const loaded of this.loaded.values()) {
        if (!loaded.granted.includes('events:receive') || !(loaded.manifest.events?.receives ?? []).includes(name)) continue;
        loaded.runner
          .call({
            service: '',
            operation: '',
            input: null,
            caller: { organizationId: null, memberId: null },
            mode: 'live',
            deadlineMs: this.options.deadlineMs ?? 5_000,
            capabilities: loaded.granted,
            hosts: loaded.manifest.hosts ?? [],
            config: loaded.config ?? undefined,
            emits: loaded.manifest.events?.emits ?? [],
            event: { name, payload: { challengeId: encodeGlobalId('Challenge', event.challengeId), at: event.at } },
          })
          .catch((error: unknown) => this.logger.warn({ plugin: loaded.manifest.name, event: name, reason: (error as Error).message }, 'plugin event handler failed'));
      }
    }
  }

  async loadAll(configs: PluginConfig[]): Promise<void> {
    // Workers start side by side (most of a start is a worker loading its modules);
    // they are registered one by one in the configured order, so the first of two
    // plugins claiming a name or a service key still wins.
    const booting = configs.map((config) => this.boot(config));
    for (const [i, config] of configs.entries()) await this.register(config, await booting[i]!);
  }

  /** Loads one plugin; returns its record, ENABLED or FAILED with the problems named. */
  async load(config: PluginConfig): Promise<InstalledPlugin> {
    return this.register(config, await this.boot(config));
  }

  /** Checks the package (links, signature) and starts its runner; never throws (problems are listed). */
  private async boot(config: PluginConfig): Promise<Booted> {
    let pluginName: string | null = null;
    const runnerOptions: PluginRunnerOptions = {
      entry: config.entry,
      maxHeapMb: this.options.maxHeapMb,
      log: (level, message, fields) => this.logger[level]({ plugin: pluginName, ...fields }, message),
      // The worker checks capabilities for the plugin's convenience; these checks, on the hub's side of the
      // boundary, are the ones that count: plugin code can post any message its worker can.
      onEvent: (event, payload) => {
        const loaded = this.loaded.get(pluginName!);
        const allowed = !!loaded && loaded.granted.includes('events:emit') && (loaded.manifest.events?.emits ?? []).includes(event);
        void this.audit.append({ action: allowed ? 'plugin.emit' : 'plugin.capabilityDenied', actorMemberId: null, actorOrganizationId: null, targetId: event.slice(0, 100), organizationId: null, outcome: allowed ? 'SUCCESS' : 'CAPABILITY_DENIED', requestId: pluginName });
        if (allowed) this.events?.publish('pluginEvent', { plugin: pluginName!, name: event, payload, at: new Date(this.clock()).toISOString() });
      },
      data: (request) => this.readData(pluginName!, request),
      fetch: (request) => this.fetchFor(pluginName!, request),
      kv: {
        get: async (key) => {
          this.assertGranted(pluginName!, 'kv');
          checkKvKey(key);
          const entry = await this.kv.findOne({ _id: kvId(pluginName!, key) });
          return entry ? JSON.parse(entry.valueJson) : undefined;
        },
        set: async (key, value) => {
          this.assertGranted(pluginName!, 'kv');
          checkKvKey(key);
          const valueJson = JSON.stringify(value ?? null);
          if (valueJson.length > KV_VALUE_BYTES) throw new Error(`a kv value is at most ${KV_VALUE_BYTES} bytes as JSON (this one is ${valueJson.length})`);
          const id = kvId(pluginName!, key);
          if (!(await this.kv.findOne({ _id: id })) && (await this.kv.count({ plugin: pluginName })) >= KV_ENTRIES) {
            throw new Error(`a plugin keeps at most ${KV_ENTRIES} kv entries; delete some first`);
          }
          await this.kv.findOneAndUpdate({ _id: id }, { $set: { plugin: pluginName, key, valueJson } }, { upsert: true });
        },
        delete: (key) => {
          this.assertGranted(pluginName!, 'kv');
          return this.kv.deleteOne({ _id: kvId(pluginName!, key) });
        },
      },
    };
    const problems: string[] = [];
    // Nothing of the package runs before these checks: what it is, its links, its signature.
    const pkg: PluginPackage = readPluginPackage(packageDirOf(config.entry), config.entry);
    let runner: Runner;
    if (pkg.api === 2) {
      const host = this.isolateHost();
      if (typeof host === 'string') problems.push(host);
      runner = typeof host === 'string' ? new PluginRunner(runnerOptions) : new FencedRunner(host, runnerOptions, { bundle: pkg.bundle, assets: pkg.assets, memoryMb: this.options.isolateMemoryMb ?? 64 });
    } else {
      if (pkg.api === null) problems.push(pkg.problem);
      else if (!this.options.legacyWorkers) {
        problems.push(
          `compatibility: this is a plugin of API 1 (a worker-thread module); this hub runs API-2 bundles in isolates and loads API-1 plugins only when its operator sets MARU_PLUGIN_LEGACY_WORKERS=1. Rebuild it with maru build against @maru/sdk 0.2 and compatibility "^2.0.0"`,
        );
      }
      const fenced = problems.length ? null : this.fenceFor(config);
      if (typeof fenced === 'string') problems.push(fenced);
      runner = fenced && typeof fenced !== 'string' ? new FencedRunner(fenced, runnerOptions) : new PluginRunner(runnerOptions);
    }
    let manifest: PluginManifest | null = null;
    // The signature is checked before any of the plugin's code runs.
    const keys = new Map((await this.publisherKeys.find({}, { limit: 1000 })).map((k) => [k._id, { publicKey: k.publicKey, publisher: k.publisher }] as const));
    const check = verifyPackage(packageDirOf(config.entry), keys);
    if (problems.length) {
      // Refused before any code ran.
    } else if (!check.ok && !this.options.allowUnsigned) problems.push(`signature: ${check.reason}`);
    else {
      try {
        manifest = await runner.start();
        pluginName = manifest.name;
        if (pkg.api === 2 && canonicalJson(manifest) !== canonicalJson(pkg.manifest)) {
          problems.push(`package: the manifest in maru-plugin.json is not the bundle's own (the signed description would not match what runs); run maru build again`);
        }
      } catch (error) {
        problems.push(error instanceof Error ? error.message : String(error));
      }
    }
    return { runner, manifest, problems, check, keys, api: pkg.api };
  }

  private async register(config: PluginConfig, booted: Booted): Promise<InstalledPlugin> {
    const { runner, manifest, problems, check, keys, api } = booted;
    const now = new Date(this.clock()).toISOString();
    try {
      if (!manifest) throw new Error('not started');
      // A key speaks for one publisher: a package signed with it cannot claim another.
      if (check.ok && keys.get(check.keyId)!.publisher !== manifest.publisher) {
        problems.push(`publisher: the package says "${manifest.publisher}" but is signed with the key of "${keys.get(check.keyId)!.publisher}"`);
      }
      if (config.expect && (manifest.name !== config.expect.name || manifest.version !== config.expect.version)) {
        problems.push(`name: the package found is ${manifest.name}@${manifest.version}, not the expected ${config.expect.name}@${config.expect.version}`);
      }
      problems.push(...validateManifest(manifest).map((p) => `${p.path}: ${p.message}`));
      if (api === 2 && !isCompatible(manifest.compatibility)) problems.push(`compatibility: "${manifest.compatibility}" does not accept this hub's plugin API ${PLUGIN_API_VERSION}; rebuild against a compatible @maru/sdk`);
      if (api === 1 && !isCompatible(manifest.compatibility, LEGACY_PLUGIN_API_VERSION)) {
        problems.push(`compatibility: "${manifest.compatibility}" is not plugin API 1, but the package is not a bundle; build it with maru build (it writes maru-plugin.json)`);
      }
      if (this.loaded.has(manifest.name)) problems.push(`name: a plugin named "${manifest.name}" is already loaded`);
      for (const [i, service] of (manifest.services ?? []).entries()) {
        const owner = this.byService.get(service.key) ?? (await this.services.findOne({ _id: service.key }))?.pluginName;
        if (owner && owner !== manifest.name) problems.push(`services.${i}.key: the service key "${service.key}" belongs to ${owner}; choose another key`);
      }
    } catch (error) {
      if (!problems.length) problems.push(error instanceof Error ? error.message : String(error));
    }
    const name = manifest?.name ?? config.entry;
    const previous = await this.plugins.findOne({ _id: name });
    // Once an admin decided on capabilities, that decision wins over the configuration.
    const wanted = previous?.grantsDecidedAt ? previous.grantedCapabilities : (config.capabilities ?? []);
    const granted = wanted.filter((c) => manifest?.capabilities?.includes(c));
    if (manifest && !problems.length && previous && configOf(previous) !== undefined) {
      const configProblems = await runner.checkConfig(configOf(previous)).catch((error: Error) => [error.message]);
      problems.push(...configProblems.map((p) => `config: ${p}`));
    }
    const record: InstalledPlugin = {
      _id: name,
      version: manifest?.version ?? '',
      publisher: manifest?.publisher ?? '',
      entry: config.entry,
      status: problems.length ? 'FAILED' : 'ENABLED',
      problems,
      manifestJson: manifest ? JSON.stringify(manifest) : null,
      grantedCapabilities: granted,
      grantsDecidedAt: previous?.grantsDecidedAt ?? null,
      configJson: previous?.configJson ?? null,
      signedBy: check.ok ? check.keyId : null,
      isolation: api === 1 ? 'UNCONFINED' : 'ISOLATE',
      loadedAt: now,
    };
    if (problems.length) {
      await runner.stop();
      this.logger.error({ plugin: name, problems }, 'plugin refused');
      // A refused duplicate must not overwrite the record of the plugin already running.
      // Nor is anything recorded for a package that is not the one expected (pilot launches, installs).
      if (!this.loaded.has(name) && !config.expect) await this.plugins.findOneAndUpdate({ _id: name }, { $set: withoutId(record) }, { upsert: true });
      return record;
    }
    await this.plugins.findOneAndUpdate({ _id: name }, { $set: withoutId(record) }, { upsert: true });
    for (const service of manifest!.services ?? []) {
      await this.services.findOneAndUpdate(
        { _id: service.key },
        {
          $set: { name: service.name, description: service.description ?? '', category: service.category ?? 'general', source: 'PLUGIN', pluginName: name, operationsJson: JSON.stringify(service.operations), updatedAt: now },
          // A new service starts in PILOT; an operator's later decision (ACTIVE, SUSPENDED…) survives restarts.
          $setOnInsert: { status: 'PILOT', createdAt: now },
        },
        { upsert: true },
      );
      this.byService.set(service.key, name);
    }
    this.loaded.set(name, { runner, manifest: manifest!, granted, config: previous ? configOf(previous) : undefined });
    this.generation++;
    this.logger.info({ plugin: name, version: record.version, services: (manifest!.services ?? []).map((s) => s.key) }, 'plugin enabled');
    return record;
  }

  /** Calls one operation of a service for the viewer, metered and, for refused capabilities, audited. */
  async call(viewer: Viewer | null, serviceKey: string, operation: string, kind: 'query' | 'mutation', input: unknown, requestId: string): Promise<unknown> {
    if (!viewer) throw unauthenticated('Calling a shared service needs an API key: send `Authorization: Bearer <api key>`.');
    const service = await this.services.findOne({ _id: serviceKey });
    if (!service) throw notFound('service', serviceKey);
    const operations = operationsOf(service);
    const op = operations.find((o) => o.name === operation);
    if (!op) throw badInput('operation', `\`operation\`: ${serviceKey} has no operation "${operation}"; it has ${operations.map((o) => o.name).join(', ')}.`);
    if (op.kind !== kind) throw badInput('operation', `\`operation\`: ${operation} is a ${op.kind}; call it with ${op.kind === 'query' ? 'Query.serviceQuery' : 'Mutation.serviceMutation'}.`);
    if (service.status === 'SUSPENDED') throw forbidden(`The service ${serviceKey} is suspended; calls are refused until a platform admin resumes it.`);
    const scope = kind === 'query' ? 'READ' : 'WRITE';
    if (!viewer.apiKey.scopes.includes(scope)) throw forbidden(`This API key lacks the ${scope} scope; create a key with it.`);
    const mode = viewer.apiKey.mode === 'TEST' ? 'test' : 'live';
    const started = this.clock();
    const startedAt = new Date(started);
    const record: ServiceCall = {
      _id: newId(),
      serviceKey,
      operation,
      consumerOrganizationId: viewer.organization._id,
      apiKeyId: viewer.apiKey._id,
      mode,
      durationMs: 0,
      outcome: 'PENDING',
      at: startedAt.toISOString(),
      day: startedAt.toISOString().slice(0, 10),
    };
    // Test keys reach the sandbox without grant or quota; live calls need both (and reserve their place in the quota).
    if (mode === 'live') await this.grants.authorize(viewer, serviceKey, operation, record);
    else await this.calls.insertOne(record);
    let outcome = 'SUCCESS';
    try {
      const loaded = service.pluginName ? this.loaded.get(service.pluginName) : undefined;
      if (!loaded) throw new MaruError('PLUGIN_UNAVAILABLE', `The plugin behind ${serviceKey} is not running; ask a platform admin to check it.`);
      try {
        const output = await loaded.runner.call({
          service: serviceKey,
          operation,
          input,
          caller: { organizationId: encodeGlobalId('Organization', viewer.organization._id), memberId: encodeGlobalId('Member', viewer.member._id) },
          mode,
          deadlineMs: this.options.deadlineMs ?? 5_000,
          capabilities: loaded.granted,
          hosts: loaded.manifest.hosts ?? [],
          config: loaded.config ?? undefined,
          emits: loaded.manifest.events?.emits ?? [],
          requestId,
        });
        // Checked here, not only by the plugin's own schema in its realm: output the API cannot send is the plugin's failure.
        try {
          JSON.stringify(output);
        } catch {
          throw new PluginCallError('PLUGIN_FAILED', 'the plugin returned output that is not JSON (a cycle or a BigInt)');
        }
        return output;
      } catch (error) {
        const mapped = this.toMaruError(error, loaded.manifest.name);
        if (mapped.code === 'CAPABILITY_DENIED') {
          await this.audit.append({ action: 'plugin.capabilityDenied', actorMemberId: viewer.member._id, actorOrganizationId: viewer.organization._id, targetId: loaded.manifest.name, organizationId: null, outcome: 'CAPABILITY_DENIED', requestId });
        }
        throw mapped;
      }
    } catch (error) {
      outcome = error instanceof MaruError ? error.code : 'INTERNAL';
      throw error;
    } finally {
      await this.calls.findOneAndUpdate({ _id: record._id }, { $set: { outcome, durationMs: Math.max(0, this.clock() - started) } });
    }
  }

  /**
   * Sets what answers plugins' `ctx.data.read` (the data module). Until one is
   * set, every read is refused as a capability the hub cannot give.
   */
  setDataReader(reader: PluginDataReader): void {
    this.dataReader = reader;
  }

  /**
   * Streams the records of a connector an enabled plugin contributes, running
   * its generator in the plugin's worker only as far as the stream is read.
   * Throws BAD_USER_INPUT at once (`connector.plugin`, `connector.connector`)
   * for a plugin that is not enabled or a connector its manifest does not
   * declare; the stream throws BAD_USER_INPUT (`connector.config`) for a config
   * the connector's schema refuses, a SourceError when the plugin fails, crashes
   * or takes longer than a call's deadline for a batch, and the signal's reason
   * when `signal` is aborted (the plugin's generator is then returned).
   */
  openConnector(pluginName: string, connectorKey: string, config: unknown, signal: AbortSignal): AsyncIterable<SourceItem> {
    const loaded = this.connectorOf(pluginName, connectorKey);
    const deadlineMs = this.options.deadlineMs ?? 5_000;
    const name = loaded.manifest.name;
    return readPluginConnector({
      // The grant is read when the stream opens, so capabilities changed meanwhile apply.
      open: () =>
        loaded.runner.openConnector(
          connectorKey,
          config,
          { caller: { organizationId: null, memberId: null }, mode: 'live', capabilities: loaded.granted, hosts: loaded.manifest.hosts ?? [], config: loaded.config ?? undefined, emits: loaded.manifest.events?.emits ?? [] },
          deadlineMs,
        ),
      signal,
      deadlineMs,
      onFailure: (error) => {
        this.logger.warn({ plugin: name, connector: connectorKey, reason: error.message }, 'plugin connector failed');
        if (error.code === 'CAPABILITY_DENIED') {
          void this.audit.append({ action: 'plugin.capabilityDenied', actorMemberId: null, actorOrganizationId: null, targetId: name, organizationId: null, outcome: 'CAPABILITY_DENIED', requestId: null });
        }
      },
    });
  }

  /** Checks a connector config when a connection is created or changed: the same refusals as {@link openConnector}, before anything runs. */
  async checkConnectorConfig(pluginName: string, connectorKey: string, config: unknown): Promise<void> {
    const loaded = this.connectorOf(pluginName, connectorKey);
    const problems = await loaded.runner.checkConnectorConfig(connectorKey, config).catch((error: unknown) => {
      throw this.toMaruError(error, loaded.manifest.name);
    });
    if (problems.length) throw badInput('connector.config', `\`connector.config\` does not match the connector's schema: ${problems.join('; ')}`);
  }

  private connectorOf(pluginName: string, connectorKey: string): Loaded {
    const loaded = typeof pluginName === 'string' ? this.loaded.get(pluginName) : undefined;
    if (!loaded) throw badInput('connector.plugin', `\`connector.plugin\`: no enabled plugin is named "${String(pluginName).slice(0, 214)}"; a platform admin lists them with \`plugins\`.`);
    const keys = (loaded.manifest.connectors ?? []).map((c) => c.key);
    if (!keys.includes(connectorKey)) throw badInput('connector.connector', `\`connector.connector\`: ${loaded.manifest.name} has no connector "${String(connectorKey).slice(0, 64)}"; it has ${keys.join(', ') || 'none'}.`);
    return loaded;
  }

  /** A plugin's `ctx.data.read`, on the hub's side: the capability is checked again here, where plugin code cannot skip it. */
  private async readData(pluginName: string, request: PluginDataReadRequest): Promise<PluginDataAnswer> {
    if (!this.loaded.get(pluginName)?.granted.includes('data:read')) {
      await this.audit.append({ action: 'plugin.capabilityDenied', actorMemberId: null, actorOrganizationId: null, targetId: pluginName, organizationId: null, outcome: 'CAPABILITY_DENIED', requestId: request.requestId });
      return { ok: false, error: { kind: 'capability', message: 'the data:read capability was not granted to this plugin' } };
    }
    if (!this.dataReader) return { ok: false, error: { kind: 'capability', message: 'this hub has no data connections a plugin may read' } };
    return answerDataRead(this.dataReader, pluginName, request, (error) => this.logger.error({ plugin: pluginName, reason: error instanceof Error ? error.message : String(error) }, 'plugin data read failed'));
  }

  private toMaruError(error: unknown, pluginName: string): MaruError {
    if (!(error instanceof PluginCallError)) return new MaruError('PLUGIN_FAILED', 'The plugin failed; only this call was affected.');
    switch (error.code) {
      case 'PLUGIN_ERROR':
        return new MaruError(`PLUGIN_${pluginNamespace(pluginName)}_${error.pluginCode}`, error.message);
      case 'BAD_USER_INPUT':
        return badInput('input', `\`input\`: ${error.message}`);
      case 'TIMEOUT':
      case 'CAPABILITY_DENIED':
      case 'PLUGIN_UNAVAILABLE':
        return new MaruError(error.code, error.message);
      default:
        // The plugin's own words may carry paths or data: they go to the log, not to the client.
        this.logger.warn({ plugin: pluginName, reason: error.message }, 'plugin call failed');
        return new MaruError('PLUGIN_FAILED', 'The plugin failed unexpectedly; only this call was affected. Retry, or report the x-request-id to the service provider.');
    }
  }

  /** Metered calls of a service, per day (UTC), newest day first. */
  async dailyUsage(serviceKey: string, days = 30): Promise<Array<{ day: string; calls: number; failures: number }>> {
    const since = new Date(this.clock() - days * 86_400_000).toISOString().slice(0, 10);
    const calls = await this.calls.find({ serviceKey, day: { $gte: since } }, { sort: [['day', -1]] });
    const totals = new Map<string, { day: string; calls: number; failures: number }>();
    for (const call of calls) {
      const total = totals.get(call.day) ?? { day: call.day, calls: 0, failures: 0 };
      total.calls++;
      if (call.outcome !== 'SUCCESS') total.failures++;
      totals.set(call.day, total);
    }
    return [...totals.values()];
  }

  /** A plugin's `ctx.fetch`: the grant as the hub holds it, the manifest's hosts, then plugin-fetch.ts's checks. Refusals are audited. */
  private async fetchFor(pluginName: string, request: PluginFetchRequest & PluginCallRecord): Promise<PluginFetchAnswer> {
    const loaded = this.loaded.get(pluginName);
    const answer: PluginFetchAnswer = !loaded?.granted.includes('fetch')
      ? { ok: false, error: { kind: 'capability', message: 'the fetch capability was not granted to this plugin' } }
      : await executePluginFetch(request, { hosts: loaded.manifest.hosts ?? [], allowPrivate: this.options.fetchAllowPrivate, signal: AbortSignal.timeout(this.options.deadlineMs ?? 5_000) });
    if (!answer.ok && answer.error.kind === 'capability') {
      this.logger.warn({ plugin: pluginName, requestId: request.requestId, reason: answer.error.message }, 'plugin fetch refused');
      await this.audit.append({ action: 'plugin.capabilityDenied', actorMemberId: null, actorOrganizationId: null, targetId: pluginName, organizationId: null, outcome: 'CAPABILITY_DENIED', requestId: request.requestId });
    }
    return answer;
  }

  private assertGranted(pluginName: string, capability: Capability): void {
    if (!this.loaded.get(pluginName)?.granted.includes(capability)) throw new Error(`the ${capability} capability was not granted to this plugin`);
  }

  private requirePlatformAdmin(viewer: Viewer | null): asserts viewer is Viewer {
    if (!viewer) throw unauthenticated();
    if (!viewer.apiKey.scopes.includes('ADMIN') || !isPlatformAdmin(viewer)) throw forbidden('Only platform admins (with an ADMIN key) manage plugins.');
  }

  private async requirePlugin(name: string): Promise<InstalledPlugin> {
    const plugin = await this.plugins.findOne({ _id: name });
    if (!plugin) throw notFound('plugin', name);
    return plugin;
  }

  /** Takes a plugin out of service: new calls are refused at once, calls in flight finish (up to the deadline), its worker stops. */
  private async unload(name: string): Promise<void> {
    const loaded = this.loaded.get(name);
    this.loaded.delete(name);
    this.generation++;
    if (loaded) {
      await loaded.runner.drain(this.options.deadlineMs ?? 5_000);
      await loaded.runner.stop();
    }
  }

  /** Stops a plugin: new calls are refused at once, calls in flight finish (up to the deadline), then its worker stops. */
  async disable(viewer: Viewer | null, name: string): Promise<InstalledPlugin> {
    this.requirePlatformAdmin(viewer);
    const plugin = await this.requirePlugin(name);
    if (plugin.status !== 'ENABLED') throw conflict(`The plugin is ${plugin.status}; only an ENABLED plugin can be disabled.`);
    await this.unload(name);
    return (await this.plugins.findOneAndUpdate({ _id: name }, { $set: { status: 'DISABLED' } }))!;
  }

  /** Loads a DISABLED (or FAILED) plugin again from its entry, with the capabilities granted so far. */
  async enable(viewer: Viewer | null, name: string): Promise<InstalledPlugin> {
    this.requirePlatformAdmin(viewer);
    const plugin = await this.requirePlugin(name);
    if (plugin.status === 'ENABLED') throw conflict('The plugin is already ENABLED.');
    const record = await this.load({ entry: plugin.entry, capabilities: plugin.grantedCapabilities });
    if (record.status !== 'ENABLED') throw badInput('name', `The plugin could not be enabled: ${record.problems.join('; ')}`);
    return record;
  }

  /** Sets the plugin's configuration after the plugin checked it against its own schema; effective on the next call. */
  async setConfig(viewer: Viewer | null, name: string, config: unknown): Promise<InstalledPlugin> {
    this.requirePlatformAdmin(viewer);
    await this.requirePlugin(name);
    const loaded = this.loaded.get(name);
    if (!loaded) throw conflict('Enable the plugin first: it checks its configuration itself.');
    const problems = await loaded.runner.checkConfig(config);
    if (problems.length) throw badInput('config', `\`config\` does not match the plugin's schema: ${problems.join('; ')}`);
    loaded.config = config;
    return (await this.plugins.findOneAndUpdate({ _id: name }, { $set: { configJson: JSON.stringify(config) } }))!;
  }

  /** Installs a plugin from an installed npm package at an exact version (platform admins). */
  async install(viewer: Viewer | null, packageName: string, version: string, resolve: (name: string, version: string) => Promise<string>): Promise<InstalledPlugin> {
    this.requirePlatformAdmin(viewer);
    let entry: string;
    try {
      entry = await resolve(packageName, version);
    } catch (error) {
      throw badInput('package', `\`package\` ${packageName}@${version} cannot be found on this hub: ${(error as Error).message}`);
    }
    const record = await this.load({ entry, expect: { name: packageName, version } });
    if (record.status !== 'ENABLED') throw badInput('package', `The plugin ${packageName}@${version} was refused: ${record.problems.join('; ')}`);
    return record;
  }

  /** Stops a plugin and removes its services from the catalogue; its metering and audit history stay. */
  async uninstall(viewer: Viewer | null, name: string): Promise<InstalledPlugin> {
    this.requirePlatformAdmin(viewer);
    const plugin = await this.requirePlugin(name);
    if (plugin.status === 'UNINSTALLED') throw conflict('The plugin is already uninstalled.');
    await this.unload(name);
    for (const service of await this.services.find({ pluginName: name }, { limit: 500 })) {
      this.byService.delete(service._id);
      await this.services.deleteOne({ _id: service._id });
    }
    return (await this.plugins.findOneAndUpdate({ _id: name }, { $set: { status: 'UNINSTALLED' } }))!;
  }

  /** Grants or revokes capabilities the manifest asks for; takes effect on the next call. */
  async setCapabilities(viewer: Viewer | null, name: string, capabilities: string[]): Promise<InstalledPlugin> {
    this.requirePlatformAdmin(viewer);
    const plugin = await this.requirePlugin(name);
    const requested = manifestOf(plugin)?.capabilities ?? [];
    const unknown = capabilities.find((c) => !requested.includes(c as Capability));
    if (unknown) throw badInput('capabilities', `\`capabilities\`: the plugin does not ask for "${unknown}"; it asks for ${requested.join(', ') || 'nothing'}.`);
    const granted = [...new Set(capabilities)] as Capability[];
    const loaded = this.loaded.get(name);
    if (loaded) loaded.granted = granted;
    return (await this.plugins.findOneAndUpdate({ _id: name }, { $set: { grantedCapabilities: granted, grantsDecidedAt: new Date(this.clock()).toISOString() } }))!;
  }

  async setServiceStatus(viewer: Viewer | null, key: string, status: string): Promise<ServiceRecord> {
    if (!viewer) throw unauthenticated();
    if (!viewer.apiKey.scopes.includes('ADMIN') || !isPlatformAdmin(viewer)) throw forbidden('Only platform admins (with an ADMIN key) change a service\'s status.');
    if (!SERVICE_STATUSES.includes(status as ServiceStatus)) throw badInput('status', `\`status\` must be one of ${SERVICE_STATUSES.join(', ')}.`);
    const updated = await this.services.findOneAndUpdate({ _id: key }, { $set: { status, updatedAt: new Date(this.clock()).toISOString() } });
    if (!updated) throw notFound('service', key);
    return updated;
  }

  /** One of a plugin's stored values (operators' inspection and tests). */
  async kvValue(pluginName: string, key: string): Promise<unknown> {
    const entry = await this.kv.findOne({ _id: kvId(pluginName, key) });
    return entry ? JSON.parse(entry.valueJson) : undefined;
  }

  /** How many key/value entries a plugin holds. */
  kvCount(pluginName: string): Promise<number> {
    return this.kv.count({ plugin: pluginName });
  }

  /** Manifests of the enabled plugins, by name. */
  enabledManifests(): PluginManifest[] {
    return [...this.loaded.values()].map((l) => l.manifest).sort((a, b) => a.name.localeCompare(b.name));
  }

  async stop(): Promise<void> {
    await Promise.all([...this.loaded.values()].map((l) => l.runner.stop()));
    this.loaded.clear();
    await this.isolates?.close();
    this.isolates = null;
  }

  private isolates: PluginFence | null = null;

  /**
   * The plugin host shared by every API-2 plugin, started at the first call: isolates only, no
   * plugin files (the hub hands it bundles and assets), no workers; or why there can be none.
   */
  private isolateHost(): PluginFence | string {
    if (this.isolates) return this.isolates;
    const binary = isolatedVmBinary();
    if (!binary) return `engine: isolated-vm has no binary for Node ${process.version} on ${process.platform}-${process.arch} here; reinstall the hub's dependencies on a supported platform (docs/security/plugin-sandbox.md)`;
    this.isolates = new PluginFence({
      readFolders: [],
      isolates: { binary },
      maxRssMb: this.options.hostMaxRssMb,
      user: this.options.hostUser,
      log: (level, message, fields) => this.logger[level]({ pluginHost: 'isolates', ...fields }, message),
    });
    return this.isolates;
  }

  /**
   * A plugin host of the plugin's own, able to read the plugin's package and the node_modules
   * folders Node resolves its imports from (@maru/sdk and zod as the core finds them); null when
   * plugins run unconfined, or the reason when the package may not be read at all.
   */
  private fenceFor(config: PluginConfig): PluginFence | string | null {
    if (this.options.isolation === 'unconfined') return null;
    const packageDir = packageDirOf(config.entry);
    const folders = [...moduleFolders(packageDir), ...SDK_FOLDERS];
    // Before the host may read the package: the permission model follows links, so one out of it would lead anywhere.
    const link = linkOutside(packageDir, folders);
    if (link) return `package: ${link.link} is a symbolic link to ${link.target}, outside the package and the modules it may read; a plugin package holds no links out of itself`;
    return new PluginFence({
      readFolders: folders,
      maxRssMb: this.options.hostMaxRssMb,
      user: this.options.hostUser,
      log: (level, message, fields) => this.logger[level]({ pluginHost: config.entry, ...fields }, message),
    });
  }
}

/** A package folder and the node_modules folders above it, where Node resolves its imports. */
function moduleFolders(packageDir: string): string[] {
  const folders = [packageDir];
  for (let dir = packageDir; dirname(dir) !== dir; dir = dirname(dir)) {
    const modules = join(dir, 'node_modules');
    if (existsSync(modules)) folders.push(modules);
  }
  return folders;
}

/** The SDK and zod as the worker (and every plugin) imports them. */
const SDK_FOLDERS = ['@maru/sdk', 'zod'].flatMap((name) => {
  try {
    return moduleFolders(packageDirOf(fileURLToPath(import.meta.resolve(name))));
  } catch {
    return [];
  }
});

/** Limits of one plugin's kv: a plugin that stores without bound costs the hub's store, not its own. */
const KV_KEY_CHARS = 512;
const KV_VALUE_BYTES = 256 * 1024;
const KV_ENTRIES = 100_000;

function checkKvKey(key: unknown): asserts key is string {
  if (typeof key !== 'string' || key.length === 0 || key.length > KV_KEY_CHARS) throw new Error(`a kv key is a string of 1 to ${KV_KEY_CHARS} characters`);
}

function kvId(plugin: string, key: string): string {
  return `${plugin}::${key}`;
}

/** JSON with object keys sorted: two manifests compare equal when they say the same. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v));
}

function withoutId<T extends { _id: string }>(doc: T): Omit<T, '_id'> {
  const { _id, ...rest } = doc;
  return rest;
}
