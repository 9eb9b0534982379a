import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCollections, AuditTrail } from '../audit/index.js';
import { SourceError, type SourceItem } from '../data/index.js';
import { catalogueCollections, createCatalogueModule } from '../catalogue/index.js';
import { silentLogger, type HubLogger } from '../logger.js';
import { createSqliteStore } from '../store/sqlite/sqlite-store.js';
import { pluginCollections } from './model.js';
import { CONNECTOR_BATCH_SIZE } from './plugin-connectors.js';
import { PluginHost } from './plugin-host.js';
import { bundledFixture } from './fixtures/bundle-fixture.js';

const fixture = (name: string) => bundledFixture(name);
const NAME = '@maru-test/connectors';

async function collect(items: AsyncIterable<SourceItem>): Promise<SourceItem[]> {
  const all: SourceItem[] = [];
  for await (const item of items) all.push(item);
  return all;
}

describe('PluginHost.openConnector: a plugin connector streamed from its worker', () => {
  const warnings: string[] = [];
  const logger: HubLogger = {
    ...silentLogger,
    warn: (fields) => void warnings.push(JSON.stringify(fields)),
    child: () => logger,
  };
  let audit: AuditTrail;
  let host: PluginHost;
  const open = (key: string, config: unknown = {}, signal = new AbortController().signal) =>
    host.openConnector(NAME, key, config, signal);
  const progress = async () =>
    ((await collect(open('progress')))[0] as Extract<SourceItem, { kind: 'record' }>).values as {
      produced: number;
      returned: boolean;
      aborted: boolean;
    };

  beforeAll(async () => {
    // The host alone, on an in-memory store: connectors need no GraphQL.
    const store = createSqliteStore({ dataDir: ':memory:' });
    await store.migrate([...auditCollections, ...catalogueCollections, ...pluginCollections]);
    audit = new AuditTrail(store, { get: async () => null }); // no organizations: only the host appends
    const catalogue = createCatalogueModule(store, { clock: Date.now }).api;
    host = new PluginHost(store, catalogue, audit, logger, Date.now, {
      allowUnsigned: true,
      deadlineMs: 1_000,
      maxHeapMb: 64,
    });
    expect((await host.load({ entry: fixture('connector-plugin.mjs') })).problems).toEqual([]);
  });
  afterAll(() => host.stop());

  it("lists its connectors in the plugin's catalogue record", async () => {
    const manifest = JSON.parse((await host.byName(NAME))!.manifestJson!);
    expect(manifest.connectors.find((c: { key: string }) => c.key === 'numbers')).toMatchObject({
      name: 'numbers',
      config: { type: 'object', required: ['count'] },
    });
  });

  it('streams 50,000 records in order, each with its position', async () => {
    let n = 0;
    for await (const item of open('numbers', { count: 50_000 })) {
      // One expect per record would dominate the run time: compare, and fail with the first mismatch.
      if (
        item.kind !== 'record' ||
        item.values.n !== n ||
        item.values.label !== 'number' ||
        item.position !== `record ${n}`
      )
        expect(item).toEqual({ kind: 'record', values: { n, label: 'number' }, position: `record ${n}` });
      n++;
    }
    expect(n).toBe(50_000);
  });

  it("runs the plugin's generator no further than one batch ahead of what was read", async () => {
    const controller = new AbortController();
    const iterator = open('counting', {}, controller.signal)[Symbol.asyncIterator]();
    for (let n = 0; n <= 10; n++)
      expect((await iterator.next()).value).toMatchObject({ values: { n }, position: `record ${n}` });
    // Room for a generator that ignored backpressure to run far ahead.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const { produced } = await progress();
    expect(produced).toBeGreaterThan(10);
    expect(produced).toBeLessThanOrEqual(CONNECTOR_BATCH_SIZE);
    // Stopping early returns the generator in the worker.
    await iterator.return!();
    await expect.poll(progress).toMatchObject({ returned: true, aborted: true });
  });

  it('reports values that are not plain objects as problems at their position, and goes on', async () => {
    const items = await collect(open('mixed'));
    expect(items.map((i) => [i.kind, i.position])).toEqual(
      [0, 1, 2, 3, 4, 5, 6].map((n) => [[0, 6].includes(n) ? 'record' : 'problem', `record ${n}`]),
    );
    expect(items[1]).toMatchObject({ reason: expect.stringContaining('a number') });
    expect(items[4]).toMatchObject({ reason: expect.stringContaining('Date') });
    expect(items[5]).toMatchObject({ reason: expect.stringContaining('cannot be sent') });
    expect(items[6]).toMatchObject({ kind: 'record', values: { b: 2 } });
  });

  it("refuses an unknown plugin or connector at once, and a config the connector's schema refuses", async () => {
    expect(() => host.openConnector('@maru-test/nobody', 'numbers', {}, new AbortController().signal)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', extensions: { field: 'connector.plugin' } }),
    );
    expect(() => open('nope')).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', extensions: { field: 'connector.connector' } }),
    );
    await expect(collect(open('numbers', { count: -1 }))).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      extensions: { field: 'connector.config' },
      message: expect.stringContaining('count'),
    });
    await expect(host.checkConnectorConfig(NAME, 'numbers', { count: 'many' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      extensions: { field: 'connector.config' },
    });
    await expect(host.checkConnectorConfig(NAME, 'nope', {})).rejects.toMatchObject({
      extensions: { field: 'connector.connector' },
    });
    await expect(host.checkConnectorConfig(NAME, 'numbers', { count: 3 })).resolves.toBeUndefined();
  });

  it('fails a throwing generator with a masked SourceError, and the plugin keeps serving', async () => {
    const failure = await collect(open('broken')).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SourceError);
    expect((failure as Error).message).toBe('the plugin connector failed unexpectedly; the hub log has the details');
    expect(warnings.join()).toContain('/srv/secret/erp.db');
    await expect(collect(open('refusing'))).rejects.toThrow(
      new SourceError('the plugin connector failed: The ERP is down for maintenance until 06:00.'),
    );
    expect(await collect(open('numbers', { count: 2 }))).toHaveLength(2);
  });

  it('fails a refused capability with a SourceError, on the audit trail', async () => {
    await expect(collect(open('fetching'))).rejects.toThrow(
      /refused a capability: the fetch capability was not granted/,
    );
    // Written as the stream fails, not awaited by the reader: it lands with the store's next commit.
    await expect
      .poll(async () => (await audit.eventsMatching({ action: 'plugin.capabilityDenied', targetId: NAME })).length, {
        timeout: 10_000,
      })
      .toBeGreaterThan(0);
  });

  it("stops on abort: the read rejects with the signal's reason, the generator is returned and its ctx.signal aborted", async () => {
    const controller = new AbortController();
    const iterator = open('waiting', {}, controller.signal)[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toMatchObject({ kind: 'record', values: { n: 0 } });
    const waiting = iterator.next();
    controller.abort(new Error('sync cancelled'));
    await expect(waiting).rejects.toThrow('sync cancelled');
    await expect.poll(progress).toMatchObject({ aborted: true, returned: true });
  });

  it("times out a batch that takes longer than a call's deadline", async () => {
    await expect(collect(open('stalling'))).rejects.toThrow(
      new SourceError('the plugin connector timed out: no records within 1000 ms'),
    );
    expect(await collect(open('numbers', { count: 1 }))).toHaveLength(1);
  });

  it('fails with a SourceError when the worker dies mid-stream, and serves the next read from a new worker', async () => {
    const items: SourceItem[] = [];
    const failure = await (async () => {
      for await (const item of open('crashing')) items.push(item);
    })().catch((error: unknown) => error);
    expect(items).toHaveLength(CONNECTOR_BATCH_SIZE);
    expect(failure).toBeInstanceOf(SourceError);
    expect((failure as Error).message).toBe('the plugin connector failed unexpectedly; the hub log has the details');
    expect(await collect(open('numbers', { count: 3 }))).toHaveLength(3);
  });

  // Last: it stops the plugin.
  it('fails an open stream with a SourceError when the plugin stops', async () => {
    const iterator = open('counting')[Symbol.asyncIterator]();
    await iterator.next();
    await host.stop();
    // What was pulled before the stop is still handed out; the next pull fails.
    const failure = await (async () => {
      for (;;) await iterator.next();
    })().catch((error: unknown) => error);
    expect(failure).toEqual(new SourceError('the plugin connector is not available: its plugin is not running'));
  });
});
