import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { badInput } from '../../errors.js';
import {
  CONNECTOR_KINDS,
  SourceError,
  type Connector,
  type ConnectorContext,
  type ConnectorKind,
  type SourceItem,
} from './connector.js';

/** What the plugin host offers the data module: connectors contributed by enabled plugins. */
export interface PluginConnectorSource {
  checkConnectorConfig(pluginName: string, connectorKey: string, config: unknown): Promise<void>;
  openConnector(
    pluginName: string,
    connectorKey: string,
    config: unknown,
    signal: AbortSignal,
  ): AsyncIterable<SourceItem>;
}

export interface PluginConnectorConfig {
  plugin: string;
  connector: string;
  config: unknown;
}

/** The agency a connection belongs to, as connectors see it: its import folder and the secrets it may use. */
export interface ConnectorOwner {
  /** The owning agency's slug: its import folder is `<import dir>/<slug>/`. */
  slug: string;
  /** Slugs of the owning agency and the agencies above it; a secret granted to any of them may be used. */
  pathSlugs: string[];
}

export interface ConnectorSettings {
  /** The root of the agencies' import folders. */
  importRoot: string;
  allowedHosts: readonly string[];
  secrets: Readonly<Record<string, string>>;
  /** Agency slugs allowed to use each secret; a secret without an entry is usable by none. */
  secretAgencies: Readonly<Record<string, readonly string[]>>;
}

/**
 * The connectors a hub knows: the built-in ones by kind, and `PLUGIN`, which
 * hands the source to the plugin that declares the connector. Each agency
 * reads files only from its own import folder and uses only the secrets the
 * operator granted it, so one agency cannot publish another's files or
 * borrow its credentials.
 */
export class ConnectorRegistry {
  constructor(
    private readonly builtIn: Partial<Record<ConnectorKind, Connector<any>>>,
    private readonly plugins: PluginConnectorSource | null,
    private readonly settings: ConnectorSettings,
  ) {}

  /** The owner's import folder, created when missing. */
  importDirOf(owner: ConnectorOwner): string {
    const dir = join(this.settings.importRoot, owner.slug);
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  private contextOf(owner: ConnectorOwner): Omit<ConnectorContext, 'signal'> {
    const { secrets, secretAgencies } = this.settings;
    return {
      importDir: this.importDirOf(owner),
      allowedHosts: this.settings.allowedHosts,
      secret: (name) => {
        if (secrets[name] === undefined) return undefined;
        if (!(secretAgencies[name] ?? []).some((slug) => owner.pathSlugs.includes(slug))) {
          throw new SourceError(
            `The secret "${name}" is not granted to agency "${owner.slug}"; the ` +
              `operator lists the agencies that may use it in MARU_SECRET_${name}_AGENCIES`,
          );
        }
        return secrets[name];
      },
    };
  }

  /** Checks a client's connector config for the owning agency; returns it normalised, ready to store. */
  async checkConfig(kind: ConnectorKind, config: unknown, owner: ConnectorOwner): Promise<unknown> {
    if (!CONNECTOR_KINDS.includes(kind))
      throw badInput('connector.kind', `The connector kind must be one of ${CONNECTOR_KINDS.join(', ')}.`);
    if (kind === 'PLUGIN') {
      const plugin = pluginConfig(config);
      if (!this.plugins)
        throw badInput('connector.plugin', 'This hub runs no plugins, so plugin connectors are not available.');
      await this.plugins.checkConnectorConfig(plugin.plugin, plugin.connector, plugin.config);
      return plugin;
    }
    const connector = this.builtIn[kind];
    if (!connector) throw badInput('connector.kind', `The ${kind} connector is not available on this hub.`);
    return connector.checkConfig(config, this.contextOf(owner));
  }

  /** Streams the source of a stored connector config. */
  read(kind: ConnectorKind, config: unknown, signal: AbortSignal, owner: ConnectorOwner): AsyncIterable<SourceItem> {
    if (kind === 'PLUGIN') {
      const plugin = config as PluginConnectorConfig;
      if (!this.plugins) throw new Error('plugin connectors are not available');
      return this.plugins.openConnector(plugin.plugin, plugin.connector, plugin.config, signal);
    }
    const connector = this.builtIn[kind];
    if (!connector) throw new Error(`the ${kind} connector is not available`);
    return connector.read(config, { ...this.contextOf(owner), signal });
  }
}

function pluginConfig(config: unknown): PluginConnectorConfig {
  const value = (config ?? {}) as Record<string, unknown>;
  if (typeof value.plugin !== 'string' || value.plugin === '')
    throw badInput(
      'connector.plugin',
      'Name the plugin package that declares the connector, e.g. "@acme/maru-sensors".',
    );
  if (typeof value.connector !== 'string' || value.connector === '')
    throw badInput('connector.connector', 'Name the connector key the plugin declares, e.g. "air-quality".');
  return { plugin: value.plugin, connector: value.connector, config: value.config ?? null };
}
