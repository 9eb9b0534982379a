import { z } from 'zod';
import type { PluginContext } from './context.js';
import type { ConnectorManifest } from './manifest.js';

/**
 * A data connector a plugin contributes, as {@link defineConnector} returns it.
 * The hub lists it among the sources a data connection can read from; when a
 * connection syncs, the hub checks the connection's config against `config`
 * and runs `read` in the plugin's worker.
 */
export interface ConnectorDefinition<C extends z.ZodType = z.ZodType> {
  /** Stable key, unique within the plugin (kebab-case), e.g. `erp-invoices`. */
  key: string;
  /** Human-readable name, shown when an owner picks a source for a data connection. */
  name: string;
  /** What the connector reads, in a sentence or two. */
  description?: string;
  /** Schema of a connection's connector config; the hub refuses a config that does not match it. */
  config: C;
  /**
   * Streams the source's records, each a plain object of field values. The hub
   * pulls records as it stores them, so yield them one at a time: the generator
   * only runs as far as the hub has asked, and a source of millions of records
   * keeps memory flat. Anything that is not a plain object is reported as a
   * problem with that record and skipped. Throw (a {@link PluginError} for a
   * message the connection's owners may read) when the source cannot be read
   * at all.
   *
   * `ctx` is the usual plugin context: `ctx.fetch` reaches the manifest's
   * hosts, `ctx.config` is the operator's plugin configuration, and
   * `ctx.signal` is aborted when the sync is cancelled (the generator is then
   * returned, so `finally` blocks run). `ctx.caller` is anonymous: a sync runs
   * for the connection, not for a caller.
   */
  read: (config: z.output<C>, ctx: PluginContext) => AsyncIterable<Record<string, unknown>>;
}

/**
 * Declares a data connector. The `config` handed to `read` is typed from the
 * `config` schema and has already been checked against it.
 *
 * @example
 * ```ts
 * const invoices = defineConnector({
 *   key: 'erp-invoices',
 *   name: 'ERP invoices',
 *   config: z.object({ year: z.number().int() }),
 *   read: async function* ({ year }, ctx) {
 *     for (let page = 1; ; page++) {
 *       const res = await ctx.fetch(`https://erp.acme.example/invoices?year=${year}&page=${page}`, { signal: ctx.signal });
 *       const rows = (await res.json()) as Array<Record<string, unknown>>;
 *       if (rows.length === 0) return;
 *       yield* rows;
 *     }
 *   },
 * });
 * ```
 */
export function defineConnector<C extends z.ZodType>(connector: ConnectorDefinition<C>): ConnectorDefinition<C> {
  return connector;
}

/** The manifest entry of a connector: plain data, with its config schema as JSON Schema. */
export function connectorManifest(connector: ConnectorDefinition): ConnectorManifest {
  return {
    key: connector.key,
    name: connector.name,
    ...(connector.description ? { description: connector.description } : {}),
    // `input`: the schema of what a connection's owner sends, before defaults apply.
    config: z.toJSONSchema(connector.config, { io: 'input' }) as Record<string, unknown>,
  };
}
