import { badInput } from '../../errors.js';
import { CONNECTOR_KINDS, type Connector, type ConnectorContext, type ConnectorKind, type SourceItem } from './connector.js';

/** What the plugin host offers the data module: connectors contributed by enabled plugins. */
export interface PluginConnectorSource {
  checkConnectorConfig(pluginName: string, connectorKey: string, config: unknown): Promise<void>;
  openConnector(pluginName: string, connectorKey: string, config: unknown, signal: AbortSignal): AsyncIterable<SourceItem>;
}

export interface PluginConnectorConfig {
  plugin: string;
  connector: string;
  config: unknown;
}

/**
 * The connectors a hub knows: the built-in ones by kind, and `PLUGIN`, which
 * hands the source to the plugin that declares the connector.
 */
export class ConnectorRegistry {
  constructor(
    private readonly builtIn: Partial<Record<ConnectorKind, Connector<any>>>,
    private readonly plugins: PluginConnectorSource | null,
    private readonly context: Omit<ConnectorContext, 'signal'>,
  ) {}

  /** Checks a client's connector config; returns it normalised, ready to store. */
  async checkConfig(kind: ConnectorKind, config: unknown): Promise<unknown> {
    if (!CONNECTOR_KINDS.includes(kind)) throw badInput('connector.kind', `The connector kind must be one of ${CONNECTOR_KINDS.join(', ')}.`);
    if (kind === 'PLUGIN') {
      const plugin = pluginConfig(config);
      if (!this.plugins) throw badInput('connector.plugin', 'This hub runs no plugins, so plugin connectors are not available.');
      await this.plugins.checkConnectorConfig(plugin.plugin, plugin.connector, plugin.config);
      return plugin;
    }
    const connector = this.builtIn[kind];
    if (!connector) throw badInput('connector.kind', `The ${kind} connector is not available on this hub.`);
    return connector.checkConfig(config, this.context);
  }

  /** Streams the source of a stored connector config. */
  read(kind: ConnectorKind, config: unknown, signal: AbortSignal): AsyncIterable<SourceItem> {
    if (kind === 'PLUGIN') {
      const plugin = config as PluginConnectorConfig;
      if (!this.plugins) throw new Error('plugin connectors are not available');
      return this.plugins.openConnector(plugin.plugin, plugin.connector, plugin.config, signal);
    }
    const connector = this.builtIn[kind];
    if (!connector) throw new Error(`the ${kind} connector is not available`);
    return connector.read(config, { ...this.context, signal });
  }

  get importDir(): string {
    return this.context.importDir;
  }
}

function pluginConfig(config: unknown): PluginConnectorConfig {
  const value = (config ?? {}) as Record<string, unknown>;
  if (typeof value.plugin !== 'string' || value.plugin === '') throw badInput('connector.plugin', 'Name the plugin package that declares the connector, e.g. "@acme/maru-sensors".');
  if (typeof value.connector !== 'string' || value.connector === '') throw badInput('connector.connector', 'Name the connector key the plugin declares, e.g. "air-quality".');
  return { plugin: value.plugin, connector: value.connector, config: value.config ?? null };
}
