/**
 * The plugin runtime's front door. A hub holds one PluginHost; the GraphQL
 * schema and the other modules use only what it offers. It composes, in order:
 *
 * - runtime/plugin-loader.ts — what a package is, whether it may run, which engine runs it;
 * - runtime/plugin-ports.ts — the hub's side of each plugin's ctx (kv, fetch, data, events);
 * - runtime/plugin-registry.ts — the loaded plugins, their grants and the services they own;
 * - runtime/plugin-calls.ts — calls, metering, event handlers and connector streams;
 * - runtime/plugin-deliveries.ts — the outbox of hub events for plugins' `on` handlers, delivered once across hubs;
 * - runtime/plugin-admin.ts — what platform admins change.
 *
 * The services plugins offer are the catalogue's (a named dependency): the host lists a plugin's services there when
 * it loads, removes them when it is uninstalled, and asks it to admit and meter each call.
 *
 * A plugin that fails validation is recorded as FAILED with its problems; the hub starts anyway.
 */
import type { PluginManifest } from '@maru/sdk';
import type { AuditTrail } from '../audit/index.js';
import type { ServiceCatalogue } from '../catalogue/index.js';
import type { HubEvents } from '../events/index.js';
import type { SourceItem } from '../data/index.js';
import type { Viewer } from '../identity/index.js';
import type { HubLogger } from '../logger.js';
import { readByIds } from '../store/by-ids.js';
import type { Collection, Store } from '../store/port.js';
import { forbidden } from '../errors.js';
import { isPlatformAdmin } from '../identity/index.js';
import type { Page, PageRequest } from '../store/page.js';
import type { DeliveryStatus, InstalledPlugin, PluginEventDelivery, PluginKvEntry, PublisherKey } from './model.js';
import type { PluginDataReader } from './plugin-data.js';
import { PublisherKeys } from './publisher-keys.js';
import { PluginAdmin } from './runtime/plugin-admin.js';
import { PluginCalls } from './runtime/plugin-calls.js';
import { PluginDeliveries, type RecordedChallengeEvent } from './runtime/plugin-deliveries.js';
import { PluginLoader, type PluginConfig, type Runner } from './runtime/plugin-loader.js';
import type { PluginHostOptions } from './runtime/plugin-options.js';
import { kvId, pluginPorts } from './runtime/plugin-ports.js';
import { PluginRegistry } from './runtime/plugin-registry.js';
import { reconcilePlugins } from './runtime/plugin-reconcile.js';

export type { PluginDataReader, PluginDataRequest } from './plugin-data.js';
export type { PluginConfig } from './runtime/plugin-loader.js';
export type { PluginHostOptions } from './runtime/plugin-options.js';
export { pluginNamespace } from './runtime/plugin-errors.js';

export class PluginHost {
  private readonly plugins: Collection<InstalledPlugin>;
  private readonly kv: Collection<PluginKvEntry>;
  private readonly publisherKeys: PublisherKeys;
  private readonly registry: PluginRegistry;
  private readonly loader: PluginLoader;
  private readonly running: PluginCalls;
  private readonly admin: PluginAdmin;
  private readonly deliveries: PluginDeliveries;
  private dataReader: PluginDataReader | null = null;
  private localEntry: (entry: string) => Promise<string> = async (entry) => entry;
  private readonly changeListeners: Array<(name: string) => void> = [];
  /** One reconciliation at a time: two announcements of the same plugin must not load it twice. */
  private reconciling: Promise<void> = Promise.resolve();

  constructor(
    store: Store,
    catalogue: ServiceCatalogue,
    private readonly audit: AuditTrail,
    private readonly logger: HubLogger,
    private readonly clock: () => number,
    private readonly options: PluginHostOptions = {},
    private readonly events?: HubEvents,
  ) {
    this.plugins = store.collection<InstalledPlugin>('plugins');
    this.kv = store.collection<PluginKvEntry>('plugin_kv');
    const keys = store.collection<PublisherKey>('publisher_keys');
    this.publisherKeys = new PublisherKeys(keys, clock);
    const deadlineMs = options.deadlineMs ?? 5_000;
    this.registry = new PluginRegistry(this.plugins, catalogue, logger, clock);
    this.loader = new PluginLoader(keys, options, logger);
    this.running = new PluginCalls({
      registry: this.registry,
      catalogue,
      audit,
      logger,
      clock,
      deadlineMs,
    });
    this.admin = new PluginAdmin({
      registry: this.registry,
      plugins: this.plugins,
      catalogue,
      clock,
      deadlineMs,
      load: (config) => this.load(config),
      changed: (name) => this.changeListeners.forEach((listener) => listener(name)),
    });
    this.deliveries = new PluginDeliveries({
      store,
      registry: this.registry,
      run: (loaded, event) => this.running.runEventHandler(loaded, event),
      logger,
      clock,
      deadlineMs,
      options: options.deliveries,
    });
  }

  /** Records a public challenge event once for each plugin receiving it, and starts delivering (the outbox). */
  recordEvent(event: RecordedChallengeEvent): Promise<void> {
    return this.deliveries.record(event);
  }

  /** Delivers the plugin events due (the scheduler's job on every hub); resolves how many attempts this hub ran. */
  deliverDue(): Promise<number> {
    return this.deliveries.deliverDue();
  }

  /** A page of plugin event deliveries, newest first, for platform admins. */
  eventDeliveries(
    viewer: Viewer | null,
    filter: { status: DeliveryStatus | null; plugin: string | null },
    page: PageRequest,
  ): Promise<Page<PluginEventDelivery>> {
    if (!isPlatformAdmin(viewer)) throw forbidden('Plugin event deliveries are for platform admins only.');
    return this.deliveries.list(filter.status, filter.plugin, page);
  }

  /**
   * Calls `listener` after each change a platform admin made on this hub (enable, disable, install, uninstall,
   * configuration, grants), once it is stored: the coordination module tells the other hubs.
   */
  onChange(listener: (name: string) => void): void {
    this.changeListeners.push(listener);
  }

  /**
   * Brings one plugin (or all, `null`) in line with the store after another hub changed it (runtime/plugin-reconcile.ts).
   */
  reconcile(name: string | null): Promise<void> {
    const deps = {
      registry: this.registry,
      plugins: this.plugins,
      load: (config: PluginConfig) => this.load(config),
      deadlineMs: this.options.deadlineMs ?? 5_000,
      logger: this.logger,
    };
    this.reconciling = this.reconciling.catch(() => {}).then(() => reconcilePlugins(deps, name));
    return this.reconciling;
  }

  /** Bumped whenever the set of enabled plugins changes, so the typed schema is rebuilt. */
  get generation(): number {
    return this.registry.generation;
  }

  async loadAll(configs: PluginConfig[]): Promise<void> {
    // Plugins start side by side (most of a start is loading code); they are registered one by
    // one in the configured order, so the first of two plugins claiming a name or a service key
    // still wins.
    const booting = configs.map((config) => this.boot(config));
    for (const [i, config] of configs.entries()) await this.registry.register(config, await booting[i]!);
  }

  /** Loads one plugin; returns its record, ENABLED or FAILED with the problems named. */
  async load(config: PluginConfig): Promise<InstalledPlugin> {
    return this.registry.register(config, await this.boot(config));
  }

  private async boot(config: PluginConfig) {
    let local: string;
    try {
      local = await this.localEntry(config.entry);
    } catch (error) {
      local = config.entry;
      this.logger.error({ entry: config.entry, error: (error as Error).message }, 'plugin package not found');
    }
    let name: string | null = null;
    const ports = pluginPorts(
      {
        registry: this.registry,
        kv: this.kv,
        audit: this.audit,
        logger: this.logger,
        clock: this.clock,
        events: this.events,
        dataReader: () => this.dataReader,
        deadlineMs: this.options.deadlineMs ?? 5_000,
        fetchAllowPrivate: this.options.fetchAllowPrivate,
      },
      () => name,
    );
    return this.loader.boot({ ...config, entry: local }, ports, (started) => (name = started));
  }

  /** Calls one operation of a service for the viewer, metered and, for refused capabilities, audited. */
  call(
    viewer: Viewer | null,
    serviceKey: string,
    operation: string,
    kind: 'query' | 'mutation',
    input: unknown,
    requestId: string,
  ): Promise<unknown> {
    return this.running.call(viewer, serviceKey, operation, kind, input, requestId);
  }

  /** Calls one operation of a plugin as the hub for an organization, outside grants and quotas (document checks). */
  callIssuer(
    pluginName: string,
    serviceKey: string,
    operation: string,
    input: unknown,
    caller: { organizationId: string | null },
    mode: 'live' | 'test',
    requestId: string,
  ): Promise<unknown> {
    return this.running.callIssuer(pluginName, serviceKey, operation, input, caller, mode, requestId);
  }

  /** Calls a service operation for the hub itself, on behalf of a member (runtime/plugin-calls.ts `callForHub`). */
  callForHub(
    serviceKey: string,
    operation: string,
    input: unknown,
    onBehalfOf: { organizationId: string; memberId: string },
    requestId: string,
  ): Promise<unknown> {
    return this.running.callForHub(serviceKey, operation, input, onBehalfOf, requestId);
  }

  /**
   * Sets what answers plugins' `ctx.data.read` (the data module). Until one is set, every read is refused as a
   * capability the hub cannot give.
   */
  setDataReader(reader: PluginDataReader): void {
    this.dataReader = reader;
  }

  /**
   * Sets how a stored entry becomes a file on this hub (pilot packages: `maru-package:<sha256>/…`, unpacked from the
   * store on first use). Until one is set, entries are paths.
   */
  setPackageSource(localEntry: (entry: string) => Promise<string>): void {
    this.localEntry = localEntry;
  }

  /** Streams a plugin connector's records (see PluginCalls.openConnector). */
  openConnector(
    pluginName: string,
    connectorKey: string,
    config: unknown,
    signal: AbortSignal,
  ): AsyncIterable<SourceItem> {
    return this.running.openConnector(pluginName, connectorKey, config, signal);
  }

  /** Checks a connector config when a connection is created or changed, before anything runs. */
  checkConnectorConfig(pluginName: string, connectorKey: string, config: unknown): Promise<void> {
    return this.running.checkConnectorConfig(pluginName, connectorKey, config);
  }

  /** Every plugin the hub loaded or refused, by name (at most 500). For platform admins and operators' tools. */
  installed(): Promise<InstalledPlugin[]> {
    return this.plugins.find({}, { sort: [['_id', 1]], limit: 500 });
  }

  /** A plugin's record by package name, whatever its status. */
  byName(name: string): Promise<InstalledPlugin | null> {
    return this.plugins.findOne({ _id: name });
  }

  /** Plugins' records by package name, for a request's batch loader. */
  byIds(names: readonly string[]): Promise<InstalledPlugin[]> {
    return readByIds(this.plugins)(names);
  }

  /** Trusts a publisher's key (platform admins); plugins signed with it load, from the next load on. */
  registerPublisherKey(
    viewer: Viewer | null,
    args: { keyId: string; publisher: string; publicKey: string },
    organizationId: string | null = null,
  ): Promise<PublisherKey> {
    return this.publisherKeys.register(viewer, args, organizationId);
  }

  /** Trusts a key as the system, before plugins load (a local development hub); idempotent. */
  trustPublisherKey(key: Omit<PublisherKey, 'registeredAt'>): Promise<void> {
    return this.publisherKeys.trust(key);
  }

  /** The keys this hub trusts. */
  trustedKeys(): Promise<PublisherKey[]> {
    return this.publisherKeys.all();
  }

  disable(viewer: Viewer | null, name: string): Promise<InstalledPlugin> {
    return this.admin.disable(viewer, name);
  }

  enable(viewer: Viewer | null, name: string): Promise<InstalledPlugin> {
    return this.admin.enable(viewer, name);
  }

  setConfig(viewer: Viewer | null, name: string, config: unknown): Promise<InstalledPlugin> {
    return this.admin.setConfig(viewer, name, config);
  }

  install(
    viewer: Viewer | null,
    packageName: string,
    version: string,
    resolve: (name: string, version: string) => Promise<string>,
  ): Promise<InstalledPlugin> {
    return this.admin.install(viewer, packageName, version, resolve);
  }

  uninstall(viewer: Viewer | null, name: string): Promise<InstalledPlugin> {
    return this.admin.uninstall(viewer, name);
  }

  setCapabilities(viewer: Viewer | null, name: string, capabilities: string[]): Promise<InstalledPlugin> {
    return this.admin.setCapabilities(viewer, name, capabilities);
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

  /** The runner of an enabled plugin (its restarts, its plugin host): for diagnostics and tests. */
  runnerOf(name: string): Runner | undefined {
    return this.registry.get(name)?.runner;
  }

  /** Manifests of the enabled plugins, by name. */
  enabledManifests(): PluginManifest[] {
    return this.registry
      .all()
      .map((l) => l.manifest)
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async stop(): Promise<void> {
    await this.registry.stopAll();
    await this.loader.stop();
  }
}
