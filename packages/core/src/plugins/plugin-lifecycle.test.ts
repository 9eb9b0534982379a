import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHub, type TestHub } from '../testing/test-hub.js';

const fixture = fileURLToPath(new URL('./fixtures/test-plugin.mjs', import.meta.url));
const NAME = '@maru-test/misbehaving';

describe('plugin lifecycle through GraphQL', () => {
  let hub: TestHub;
  let sandbox: string;
  beforeAll(async () => {
    hub = await createTestHub({ plugins: [{ entry: fixture, capabilities: [] }], pluginOptions: { allowUnsigned: true, deadlineMs: 2_000 } });
    sandbox = (await hub.services.apiKeys.issue(hub.fixtures.members.companyADev!, 'sandbox', ['READ', 'WRITE'], null, 'TEST')).secret;
  });
  afterAll(() => hub.close());

  const call = (operation: string, input: unknown) => hub.gql('query($o: String!, $i: JSON) { serviceQuery(service: "misbehaving", operation: $o, input: $i) }', { o: operation, i: input }, sandbox);
  const admin = (mutation: string, variables: Record<string, unknown> = {}, key = hub.fixtures.keys.platformAdmin) => hub.gql(mutation, { n: NAME, ...variables }, key);

  it('lets only platform admins manage plugins', async () => {
    const res = await admin('mutation($n: String!) { disablePlugin(name: $n) { status } }', {}, hub.fixtures.keys.companyAAdmin);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await call('echo', { text: 'still on' })).data.serviceQuery).toEqual({ text: 'still on' });
  });

  it('grants and revokes requested capabilities, effective on the next call', async () => {
    expect((await call('remember', { key: 'a', value: 1 })).errors?.[0]?.extensions?.code).toBe('CAPABILITY_DENIED');
    const granted = await admin('mutation($n: String!) { setPluginCapabilities(name: $n, capabilities: ["kv"]) { grantedCapabilities } }');
    expect(granted.data.setPluginCapabilities.grantedCapabilities).toEqual(['kv']);
    expect((await call('remember', { key: 'a', value: 1 })).data.serviceQuery).toEqual({ stored: 1 });
    const unknown = await admin('mutation($n: String!) { setPluginCapabilities(name: $n, capabilities: ["data:read"]) { grantedCapabilities } }');
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'capabilities' });
    await admin('mutation($n: String!) { setPluginCapabilities(name: $n, capabilities: []) { grantedCapabilities } }');
    expect((await call('remember', { key: 'b', value: 2 })).errors?.[0]?.extensions?.code).toBe('CAPABILITY_DENIED');
  });

  it('disables with calls in flight finishing, refuses new ones, and enables again', async () => {
    const inFlight = call('nap', { ms: 300 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const disabled = await admin('mutation($n: String!) { disablePlugin(name: $n) { status } }');
    expect(disabled.data.disablePlugin.status).toBe('DISABLED');
    expect((await inFlight).data.serviceQuery).toEqual({ slept: 300 });
    expect((await call('echo', { text: 'x' })).errors?.[0]?.extensions?.code).toBe('PLUGIN_UNAVAILABLE');
    const again = await admin('mutation($n: String!) { disablePlugin(name: $n) { status } }');
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const enabled = await admin('mutation($n: String!) { enablePlugin(name: $n) { status grantedCapabilities } }');
    expect(enabled.data.enablePlugin).toEqual({ status: 'ENABLED', grantedCapabilities: [] });
    expect((await call('echo', { text: 'back' })).data.serviceQuery).toEqual({ text: 'back' });
  });
});
