import { createTestContext } from '@maru/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin, { businessClosures as closures } from '../src/index.js';
import { startRegistryStub } from './registry-stub.js';

async function readAll(config: unknown, ctx: ReturnType<typeof createTestContext>) {
  // As the hub does: the connection's config is checked against the connector's schema first.
  const records: Array<Record<string, unknown>> = [];
  for await (const record of closures.read(closures.config.parse(config), ctx)) records.push(record);
  return records;
}

describe('the business-closures connector', () => {
  it('is the connector the manifest lists', () => {
    expect(plugin.connectors).toContain(closures);
  });

  let registry: Awaited<ReturnType<typeof startRegistryStub>>;
  beforeAll(async () => (registry = await startRegistryStub()));
  afterAll(() => registry.close());
  const ctx = () =>
    createTestContext({ capabilities: ['fetch'], hosts: [registry.host], config: { apiUrl: registry.apiUrl } });

  it('follows the pages and yields one record per closure since the date', async () => {
    const records = await readAll({ since: '2026-02-01' }, ctx());
    expect(records).toHaveLength(4);
    expect(records[0]).toEqual({ registrationNumber: '100-00-00001', name: 'Closed shop 2', closedOn: '2026-02-15' });
    expect(registry.requests.filter((r) => r.startsWith('/v1/closures?since=2026-02-01'))).toHaveLength(2);
  });

  it('refuses a config that is not a date, before reading anything', async () => {
    expect(() => closures.config.parse({ since: 'last week' })).toThrow();
  });
});
