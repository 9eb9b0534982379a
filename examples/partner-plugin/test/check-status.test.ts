import { callOperation, createTestContext } from '@maru/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin, { checkStatus, SANDBOX_BUSINESSES } from '../src/index.js';
import { startRegistryStub } from './registry-stub.js';

describe('checkStatus with a test key (sandbox)', () => {
  it('is the operation the manifest lists', () => {
    expect(plugin.services[0]!.operations.checkStatus).toBe(checkStatus);
  });

  it('answers every sandbox business without reaching the registry or the kv store', async () => {
    // No capability granted: a sandbox answer needs none, so this would fail if it fetched or cached.
    for (const business of SANDBOX_BUSINESSES) {
      const ctx = createTestContext({ mode: 'test', capabilities: [] });
      const answer = await callOperation(checkStatus, { registrationNumber: business.number.replaceAll('-', '') }, ctx);
      expect(answer).toMatchObject({ registrationNumber: business.number, name: business.name, source: 'sandbox' });
      expect(ctx.store.size).toBe(0);
    }
    const unknown = await callOperation(
      checkStatus,
      { registrationNumber: '314-15-92650' },
      createTestContext({ mode: 'test', capabilities: [] }),
    );
    expect(unknown).toMatchObject({ status: 'NOT_REGISTERED', name: null });
  });

  it('refuses a mistyped number with the plugin code, before anything else', async () => {
    await expect(
      callOperation(checkStatus, { registrationNumber: '123-45-67890' }, createTestContext({ mode: 'test' })),
    ).rejects.toMatchObject({ code: 'INVALID_REGISTRATION_NUMBER' });
  });
});

describe('checkStatus live, against the registry', () => {
  let registry: Awaited<ReturnType<typeof startRegistryStub>>;
  beforeAll(async () => (registry = await startRegistryStub()));
  afterAll(() => registry.close());
  const live = (store = new Map<string, unknown>()) =>
    createTestContext({
      capabilities: ['fetch', 'kv'],
      hosts: [registry.host],
      config: { apiUrl: registry.apiUrl },
      store,
    });

  it('maps the registry answer, then serves the same number from the cache', async () => {
    const store = new Map<string, unknown>();
    const first = await callOperation(checkStatus, { registrationNumber: '271-82-81824' }, live(store));
    expect(first).toMatchObject({ status: 'CLOSED', closedOn: '2026-03-02', taxType: 'general', source: 'registry' });
    const again = await callOperation(checkStatus, { registrationNumber: '2718281824' }, live(store));
    expect(again).toMatchObject({ status: 'CLOSED', source: 'cache', checkedAt: first.checkedAt });
    expect(registry.requests.filter((r) => r.includes('271-82-81824'))).toHaveLength(1);
  });

  it('says NOT_REGISTERED for a valid number the registry does not know', async () => {
    expect(await callOperation(checkStatus, { registrationNumber: '123-45-67891' }, live())).toMatchObject({
      status: 'NOT_REGISTERED',
      source: 'registry',
    });
  });

  it('turns a registry outage into REGISTRY_UNAVAILABLE and caches nothing', async () => {
    const down = await startRegistryStub({ failWith: 503 });
    try {
      const ctx = createTestContext({
        capabilities: ['fetch', 'kv'],
        hosts: [down.host],
        config: { apiUrl: down.apiUrl },
      });
      await expect(callOperation(checkStatus, { registrationNumber: '314-15-92650' }, ctx)).rejects.toMatchObject({
        code: 'REGISTRY_UNAVAILABLE',
      });
      expect(ctx.store.size).toBe(0);
      expect(ctx.logs).toContainEqual(
        expect.objectContaining({ level: 'warn', fields: expect.objectContaining({ status: 503 }) }),
      );
    } finally {
      await down.close();
    }
  });

  it('turns an unreachable registry into REGISTRY_UNAVAILABLE', async () => {
    const gone = await startRegistryStub();
    await gone.close();
    const ctx = createTestContext({
      capabilities: ['fetch', 'kv'],
      hosts: [gone.host],
      config: { apiUrl: gone.apiUrl },
    });
    await expect(callOperation(checkStatus, { registrationNumber: '314-15-92650' }, ctx)).rejects.toMatchObject({
      code: 'REGISTRY_UNAVAILABLE',
      message: expect.stringContaining('cannot be reached'),
    });
  });

  it('is refused without the fetch capability, or towards a host the manifest does not list', async () => {
    const before = registry.requests.length;
    const noFetch = createTestContext({
      capabilities: ['kv'],
      hosts: [registry.host],
      config: { apiUrl: registry.apiUrl },
    });
    await expect(callOperation(checkStatus, { registrationNumber: '314-15-92650' }, noFetch)).rejects.toThrow(
      /fetch capability was not granted/,
    );
    const otherHost = createTestContext({
      capabilities: ['fetch', 'kv'],
      hosts: ['bizreg.acme.example'],
      config: { apiUrl: registry.apiUrl },
    });
    await expect(callOperation(checkStatus, { registrationNumber: '314-15-92650' }, otherHost)).rejects.toThrow(
      /not allowed/,
    );
    expect(registry.requests.length).toBe(before);
  });
});
