/**
 * A connector reads the records of one source (a CSV file, JSON over HTTP, a
 * MongoDB collection, a plugin) as a stream. The sync engine pulls items one
 * at a time, so memory stays flat however large the source is: a connector
 * never buffers the whole source.
 */

/** One item of a source: a record, or a problem with one record that the sync reports and steps over. */
export type SourceItem =
  | { kind: 'record'; values: Record<string, unknown>; position: string }
  | { kind: 'problem'; reason: string; position: string };

/**
 * Where a connector learns what it may use. Secrets are looked up by name
 * (the operator sets them, e.g. `MARU_SECRET_<NAME>`); they are never stored
 * in a connection's config and never sent to clients.
 */
export interface ConnectorContext {
  /** Aborted when the sync is cancelled or the hub stops; pass it on to anything slow. */
  signal: AbortSignal;
  /** The value of a named secret, or `undefined` when the operator set none. */
  secret(name: string): string | undefined;
  /** The folder CSV paths are relative to; a path may not leave it. */
  importDir: string;
  /** Hosts HTTP connectors may reach; `['*']` for any. */
  allowedHosts: readonly string[];
}

export const CONNECTOR_KINDS = ['CSV', 'HTTP_JSON', 'MONGODB', 'PLUGIN'] as const;
export type ConnectorKind = (typeof CONNECTOR_KINDS)[number];

export interface Connector<C> {
  kind: ConnectorKind;
  /**
   * Checks a connection's connector config as a client sent it and returns it
   * normalised; throws a BAD_USER_INPUT MaruError (`badInput('connector.<field>', …)`)
   * naming what to fix. Runs when a connection is created or changed, before anything is stored.
   */
  checkConfig(config: unknown, ctx: Pick<ConnectorContext, 'importDir' | 'allowedHosts'>): C;
  /**
   * Streams the source. A record that cannot be read (a broken CSV row) is
   * yielded as a `problem` and the stream goes on; a source that cannot be
   * read at all (file missing, HTTP 500, connection refused) throws a
   * {@link SourceError} whose message says what failed, without secrets.
   */
  read(config: C, ctx: ConnectorContext): AsyncIterable<SourceItem>;
}

/** The source as a whole could not be read; the message is shown to the connection's owners as its last error. */
export class SourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceError';
  }
}
