import { createPluginTestHub, type PluginTestHub } from '@maru/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRegistryStub } from './registry-stub.js';

// The package folder: the harness loads the bundle maru build wrote (maru-plugin.json names it) into an isolate, as a hub does.
const plugin = new URL('..', import.meta.url);

describe('in a hub (createPluginTestHub)', () => {
  let hub: PluginTestHub;
  let sandboxKey: string;
  beforeAll(async () => {
    hub = await createPluginTestHub({ plugin });
    const created = await hub.gql<{ createApiKey: { secret: string } }>(
      'mutation { createApiKey(input: { name: "sandbox", scopes: [READ], mode: TEST }) { secret } }',
    );
    sandboxKey = created.data!.createApiKey.secret;
  });
  afterAll(() => hub?.close());

  it('is granted what its manifest asks for, and answers a test key from the sandbox through GraphQL', async () => {
    expect([...hub.plugin.grantedCapabilities].sort()).toEqual(['fetch', 'kv']);
    const res = await hub.gql(
      '{ call { businessStatus { checkStatus(input: { registrationNumber: "220-81-12341" }) { status name source } } } }',
      {},
      { key: sandboxKey },
    );
    expect(res).toEqual({
      data: {
        call: {
          businessStatus: { checkStatus: { status: 'SUSPENDED', name: '한빛상사 Hanbit Trading', source: 'sandbox' } },
        },
      },
    });
    expect((await hub.usage('business-status')).calls).toBe(1);
  });

  it('runs as a bundle in an isolate', async () => {
    const listed = await hub.gql('{ plugins { name status problems isolation } }', {}, 'platform');
    expect(listed.data.plugins).toEqual([
      { name: '@acme/maru-business-status', status: 'ENABLED', problems: [], isolation: 'ISOLATE' },
    ]);
  });

  it('reaches clients with its own code, namespaced', async () => {
    await expect(
      hub.call('business-status', 'checkStatus', { registrationNumber: '220-81-12340' }, { key: sandboxKey }),
    ).rejects.toMatchObject({
      code: 'PLUGIN_ACME_MARU_BUSINESS_STATUS_INVALID_REGISTRATION_NUMBER',
    });
  });

  it('turns a registry it cannot reach through the hub into REGISTRY_UNAVAILABLE', async () => {
    // A live key goes to bizreg.acme.example, which does not exist; the hub's ctx.fetch fails as the network does.
    await expect(
      hub.call('business-status', 'checkStatus', { registrationNumber: '314-15-92650' }),
    ).rejects.toMatchObject({ code: 'PLUGIN_ACME_MARU_BUSINESS_STATUS_REGISTRY_UNAVAILABLE' });
  });
});

describe('refusals the hub enforces', () => {
  it('without capabilities: a live call is CAPABILITY_DENIED and audited, and nothing is stored', async () => {
    const hub = await createPluginTestHub({ plugin, capabilities: [] });
    try {
      await expect(
        hub.call('business-status', 'checkStatus', { registrationNumber: '314-15-92650' }),
      ).rejects.toMatchObject({ code: 'CAPABILITY_DENIED' });
      expect(await hub.auditEvents({ action: 'plugin.capabilityDenied' })).toHaveLength(1);
      expect(await hub.kv('status:314-15-92650')).toBeUndefined();
    } finally {
      await hub.close();
    }
  });

  it('keeps fetch to the manifest hosts even when the operator config points elsewhere', async () => {
    const registry = await startRegistryStub();
    const hub = await createPluginTestHub({ plugin, config: { apiUrl: registry.apiUrl } });
    try {
      await expect(
        hub.call('business-status', 'checkStatus', { registrationNumber: '314-15-92650' }),
      ).rejects.toMatchObject({
        code: 'CAPABILITY_DENIED',
        message: expect.stringContaining(`fetch to ${registry.host} is not allowed`),
      });
      expect(registry.requests).toEqual([]);
    } finally {
      await hub.close();
      await registry.close();
    }
  });
});
