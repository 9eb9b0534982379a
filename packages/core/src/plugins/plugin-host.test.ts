import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHub, type TestHub } from '../testing/test-hub.js';
import { bundledFixture } from './fixtures/bundle-fixture.js';

// Plugins of API 2: each fixture built into a bundle, run in an isolate of the plugin host.
const fixture = (name: string) => bundledFixture(name);
const CODE_PREFIX = 'PLUGIN_MARU_TEST_MISBEHAVING_';

describe('plugins in a running hub', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await createTestHub({
      plugins: [
        { entry: fixture('test-plugin.mjs'), capabilities: ['kv'] },
        { entry: fixture('incompatible-plugin.mjs') },
        { entry: fixture('test-plugin.mjs') },
        { entry: fixture('not-a-plugin.mjs') },
        { entry: fixture('connector-plugin.mjs') },
      ],
      // Long enough for a fresh isolate's first call on a busy 2-core CI machine (after the TIMEOUT test recreates
      // it), short enough that the spinning handler's TIMEOUT comes quickly.
      pluginOptions: { deadlineMs: 1500, maxHeapMb: 32, allowUnsigned: true },
    });
    // Company A's admin asks for access; a platform admin approves it without a quota.
    const requested = await hub.gql(
      'mutation { requestServiceAccess(service: "misbehaving", purpose: "Testing the hub") { grant { id status } } }',
      {},
      hub.fixtures.keys.companyAAdmin,
    );
    expect(requested.data.requestServiceAccess.grant.status).toBe('REQUESTED');
    const approved = await hub.gql(
      'mutation($id: ID!) { approveServiceAccess(id: $id) { grant { status dailyQuota } } }',
      { id: requested.data.requestServiceAccess.grant.id },
      hub.fixtures.keys.platformAdmin,
    );
    expect(approved.data.approveServiceAccess.grant).toEqual({ status: 'ACTIVE', dailyQuota: null });
  });
  afterAll(() => hub.close());
  // The metering table as evidence (a refused call must leave no trace), read from the hub's own store.
  const meteredCalls = () => hub.store.collection('service_calls');

  const query = (operation: string, input: unknown, key?: string | null) =>
    hub.gql(
      `query($o: String!, $i: JSON) { serviceQuery(service: "misbehaving", operation: $o, input: $i) }`,
      { o: operation, i: input },
      key === undefined ? hub.fixtures.keys.companyADev : key,
    );

  it("lists the plugin's service in the public catalogue, in PILOT, with its operations and schemas", async () => {
    const res = await hub.gql(
      '{ services { nodes { key name status source operations { name kind inputSchema } plugin { name version status } } } }',
    );
    expect(res.errors).toBeUndefined();
    const [service] = res.data.services.nodes;
    expect(service).toMatchObject({
      key: 'misbehaving',
      status: 'PILOT',
      source: 'PLUGIN',
      plugin: { name: '@maru-test/misbehaving', version: '1.0.0', status: 'ENABLED' },
    });
    expect(service.operations.find((o: { name: string }) => o.name === 'echo')).toMatchObject({
      kind: 'query',
      inputSchema: { type: 'object', required: ['text'] },
    });
  });

  it('refuses incompatible, duplicate and broken plugins with named problems, and starts with the rest', async () => {
    const res = await hub.gql(
      '{ plugins { name status problems grantedCapabilities } }',
      {},
      hub.fixtures.keys.platformAdmin,
    );
    const byName = Object.fromEntries(res.data.plugins.map((p: { name: string }) => [p.name, p]));
    expect(byName['@maru-test/misbehaving']).toMatchObject({
      status: 'ENABLED',
      problems: [],
      grantedCapabilities: ['kv'],
    });
    expect(byName['@maru-test/from-the-future'].status).toBe('FAILED');
    expect(byName['@maru-test/from-the-future'].problems.join()).toMatch(
      /compatibility: "\^3\.0\.0" does not accept this hub's plugin API 2\.0\.0/,
    );
    const broken = res.data.plugins.find((p: { name: string }) => p.name.endsWith('not-a-plugin/dist/plugin.js'));
    expect(broken.problems.join()).toMatch(/definePlugin/);
    const catalogue = await hub.gql('{ services { totalCount } }');
    expect(catalogue.data.services.totalCount).toBe(1);
  });

  it("lists a plugin's data connectors with their config schemas", async () => {
    const res = await hub.gql(
      '{ plugins { name connectors { key name description configSchema } } }',
      {},
      hub.fixtures.keys.platformAdmin,
    );
    const byName = Object.fromEntries(
      res.data.plugins.map((p: { name: string; connectors: unknown[] }) => [p.name, p.connectors]),
    );
    expect(byName['@maru-test/misbehaving']).toEqual([]);
    expect(byName['@maru-test/connectors'].find((c: { key: string }) => c.key === 'numbers')).toEqual({
      key: 'numbers',
      name: 'numbers',
      description: null,
      configSchema: expect.objectContaining({ type: 'object', required: ['count'] }),
    });
  });

  it('calls an operation through GraphQL with a key, and meters it', async () => {
    const res = await query('echo', { text: '안녕하세요' });
    expect(res.errors).toBeUndefined();
    expect(res.data.serviceQuery).toEqual({ text: '안녕하세요' });
    const calls = await meteredCalls().find({ serviceKey: 'misbehaving', operation: 'echo' });
    expect(calls.at(-1)).toMatchObject({
      consumerOrganizationId: hub.fixtures.companyA._id,
      outcome: 'SUCCESS',
      mode: 'live',
    });
  });

  it('refuses anonymous calls, unknown operations, the wrong kind and bad input, each with its code', async () => {
    expect((await query('echo', { text: 'x' }, null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await query('nope', {})).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'operation',
    });
    const mutation = await hub.gql(
      'mutation { serviceMutation(service: "misbehaving", operation: "echo", input: { text: "x" }) }',
      {},
      hub.fixtures.keys.companyADev,
    );
    expect(mutation.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'operation' });
    expect((await query('echo', { text: '' })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input',
    });
  });

  it("namespaces a plugin's own error code and masks a crash", async () => {
    const coded = await query('coded', {});
    expect(coded.errors?.[0]?.extensions?.code).toBe(`${CODE_PREFIX}ADDRESS_NOT_FOUND`);
    expect(coded.errors?.[0]?.message).toBe('No address matches; check the spelling.');
    const boom = await query('boom', {});
    expect(boom.errors?.[0]?.extensions?.code).toBe('PLUGIN_FAILED');
    expect(JSON.stringify(boom)).not.toContain('/srv/secret');
  });

  it('answers TIMEOUT for a hung or spinning handler while the rest of the hub keeps answering', async () => {
    const spinning = query('spin', {});
    const unrelated = await hub.gql('{ organizations(first: 1) { totalCount } }');
    expect(unrelated.data.organizations.totalCount).toBe(6);
    expect((await spinning).errors?.[0]?.extensions?.code).toBe('TIMEOUT');
    expect((await query('echo', { text: 'back' })).data.serviceQuery).toEqual({ text: 'back' });
  });

  it('refuses an ungranted capability and an undeclared host with CAPABILITY_DENIED, on the audit trail', async () => {
    const fetched = await query('fetchUrl', { url: 'http://127.0.0.2:9/' });
    expect(fetched.errors?.[0]?.extensions?.code).toBe('CAPABILITY_DENIED');
    const denied = await hub.services.audit.eventsMatching({ action: 'plugin.capabilityDenied' });
    expect(denied.at(-1)).toMatchObject({
      targetId: '@maru-test/misbehaving',
      actorMemberId: hub.fixtures.members.companyADev!._id,
    });
    // kv was granted: it works, and is stored per plugin.
    const remembered = await query('remember', { key: 'k', value: 7 });
    expect(remembered.errors).toBeUndefined();
    expect(remembered.data.serviceQuery).toEqual({ stored: 7 });
  });

  it('refuses every call to a suspended service, changing nothing', async () => {
    const suspend = (status: string, key = hub.fixtures.keys.platformAdmin) =>
      hub.gql(
        'mutation($s: String!) { setServiceStatus(service: "misbehaving", status: $s) { status } }',
        { s: status },
        key,
      );
    expect((await suspend('SUSPENDED', hub.fixtures.keys.companyAAdmin)).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await suspend('SUSPENDED')).data.setServiceStatus.status).toBe('SUSPENDED');
    const before = await meteredCalls().count({});
    const res = await query('echo', { text: 'x' });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(res.errors?.[0]?.message).toMatch(/suspended/);
    expect(await meteredCalls().count({})).toBe(before);
    expect((await suspend('PILOT')).data.setServiceStatus.status).toBe('PILOT');
  });

  it('refuses a live call without a grant, changing nothing, and lets a TEST key reach the sandbox', async () => {
    const before = await meteredCalls().count({});
    const refused = await query('echo', { text: 'x' }, hub.fixtures.keys.companyBDev);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.errors?.[0]?.message).toMatch(/requestServiceAccess/);
    expect(await meteredCalls().count({})).toBe(before);
    const created = await hub.gql(
      'mutation { createApiKey(input: { name: "sandbox", scopes: [READ], mode: TEST }) { secret apiKey { mode } } }',
      {},
      hub.fixtures.keys.companyBAdmin,
    );
    expect(created.data.createApiKey.apiKey.mode).toBe('TEST');
    const sandbox = await query('mode', {}, created.data.createApiKey.secret);
    expect(sandbox.data.serviceQuery.mode).toBe('test');
  });

  it('holds the daily quota under concurrent calls', async () => {
    const grant = (await hub.services.catalogue.accessOf(hub.fixtures.companyA._id, 'misbehaving'))!;
    const id = Buffer.from(`ServiceGrant:${grant._id}`).toString('base64url');
    const used = await hub.services.catalogue.usedToday(grant);
    await hub.gql(
      'mutation($id: ID!, $q: Int) { approveServiceAccess(id: $id, dailyQuota: $q) { grant { dailyQuota } } }',
      { id, q: used + 2 },
      hub.fixtures.keys.platformAdmin,
    );
    const results = await Promise.all(Array.from({ length: 6 }, () => query('nap', { ms: 100 })));
    const succeeded = results.filter((r) => !r.errors).length;
    expect(succeeded).toBeLessThanOrEqual(2);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'RATE_LIMITED').length).toBe(6 - succeeded);
    await hub.gql(
      'mutation($id: ID!) { approveServiceAccess(id: $id) { grant { dailyQuota } } }',
      { id },
      hub.fixtures.keys.platformAdmin,
    );
  });

  it('refuses calls over the daily quota with RATE_LIMITED and when to retry, and stops at once on revocation', async () => {
    const grant = (await hub.services.catalogue.accessOf(hub.fixtures.companyA._id, 'misbehaving'))!;
    const id = Buffer.from(`ServiceGrant:${grant._id}`).toString('base64url');
    const used = await hub.services.catalogue.usedToday(grant);
    await hub.gql(
      'mutation($id: ID!, $q: Int) { approveServiceAccess(id: $id, dailyQuota: $q) { grant { dailyQuota } } }',
      { id, q: used + 1 },
      hub.fixtures.keys.platformAdmin,
    );
    expect((await query('echo', { text: 'last one' })).data.serviceQuery).toEqual({ text: 'last one' });
    const over = await query('echo', { text: 'one too many' });
    expect(over.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(over.errors?.[0]?.extensions?.retryAfter).toBeGreaterThan(0);
    const mine = await hub.gql(
      '{ serviceGrants { nodes { status dailyQuota usedToday } } }',
      {},
      hub.fixtures.keys.companyAAdmin,
    );
    expect(mine.data.serviceGrants.nodes).toEqual([{ status: 'ACTIVE', dailyQuota: used + 1, usedToday: used + 1 }]);
    await hub.gql(
      'mutation($id: ID!) { approveServiceAccess(id: $id) { grant { dailyQuota } } }',
      { id },
      hub.fixtures.keys.platformAdmin,
    );
    const revoked = await hub.gql(
      'mutation($id: ID!) { revokeServiceAccess(id: $id) { grant { status } } }',
      { id },
      hub.fixtures.keys.platformAdmin,
    );
    expect(revoked.data.revokeServiceAccess.grant.status).toBe('REVOKED');
    expect((await query('echo', { text: 'after revoke' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("shows daily usage: every consumer's calls to platform admins, a consumer its own calls only", async () => {
    const usage = (key?: string) =>
      hub.gql('{ service(key: "misbehaving") { name dailyUsage { calls failures } } }', {}, key);
    const all = await usage(hub.fixtures.keys.platformAdmin);
    expect(all.data.service.dailyUsage[0].calls).toBeGreaterThan(5);
    expect(all.data.service.dailyUsage[0].failures).toBeGreaterThan(2);
    // Company A sees its own calls, as the metering table holds them; the division made none and sees none.
    const own = await meteredCalls().count({
      serviceKey: 'misbehaving',
      consumerOrganizationId: hub.fixtures.companyA._id,
    });
    expect(own).toBeLessThan(all.data.service.dailyUsage[0].calls);
    expect((await usage(hub.fixtures.keys.companyAAdmin)).data.service.dailyUsage[0].calls).toBe(own);
    const other = await usage(hub.fixtures.keys.divisionAdmin);
    expect(other.errors).toBeUndefined();
    expect(other.data.service.dailyUsage).toEqual([]);
    expect((await usage()).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
