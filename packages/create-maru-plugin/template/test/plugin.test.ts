import { callOperation, createPluginTestHub, createTestContext, type PluginTestHub } from '@maru/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

// The harness loads the built plugin (`npm test` builds first) into a real hub, in-process.
const pluginFolder = new URL('..', import.meta.url);

describe('{{serviceKey}} in a hub', () => {
  let hub: PluginTestHub;
  beforeAll(async () => {
    hub = await createPluginTestHub({ plugin: pluginFolder });
  });
  afterAll(() => hub?.close());

  it('greets through GraphQL', async () => {
    const res = await hub.gql('{ call { {{namespace}} { greet(input: { name: "Ada" }) { greeting } } } }');
    expect(res).toEqual({ data: { call: { {{namespace}}: { greet: { greeting: 'Hello, Ada!' } } } } });
  });

  it('counts visits in its key/value storage, metered', async () => {
    const before = await hub.usage('{{serviceKey}}');
    expect(await hub.call('{{serviceKey}}', 'countVisit', { visitor: 'Ada' })).toEqual({ visitor: 'Ada', visits: 1 });
    expect(await hub.call('{{serviceKey}}', 'countVisit', { visitor: 'Ada' })).toEqual({ visitor: 'Ada', visits: 2 });
    expect(await hub.kv('visits:Ada')).toBe(2);
    expect((await hub.usage('{{serviceKey}}')).calls).toBe(before.calls + 2);
  });

  it('refuses bad input with BAD_USER_INPUT', async () => {
    await expect(hub.call('{{serviceKey}}', 'greet', { name: '' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('{{serviceKey}} without the kv capability', () => {
  it('is refused, and the refusal is audited', async () => {
    const hub = await createPluginTestHub({ plugin: pluginFolder, capabilities: [] });
    try {
      await expect(hub.call('{{serviceKey}}', 'countVisit', { visitor: 'Ada' })).rejects.toMatchObject({ code: 'CAPABILITY_DENIED' });
      expect(await hub.auditEvents({ action: 'plugin.capabilityDenied' })).toHaveLength(1);
    } finally {
      await hub.close();
    }
  });
});

describe('greet, as a unit', () => {
  it('answers without a hub', async () => {
    const greet = plugin.services[0]!.operations.greet!;
    expect(await callOperation(greet, { name: 'Ada' }, createTestContext())).toEqual({ greeting: 'Hello, Ada!' });
  });
});
