import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { badInput, forbidden, notFound } from '../errors.js';
import { encodeGlobalId } from '../graphql/global-id.js';
import { silentLogger, type HubLogger } from '../logger.js';
import { createTestHub, type TestHub } from '../testing/test-hub.js';
import type { PluginDataReader, PluginDataRequest } from './plugin-host.js';

const fixture = fileURLToPath(new URL('./fixtures/data-reader-plugin.mjs', import.meta.url));
const NAME = '@maru-test/data-reader';
const CONNECTION = encodeGlobalId('DataConnection', 'conn-1');

describe('ctx.data.read through the hub', () => {
  let hub: TestHub;
  let sandbox: string;
  // The reader is the data module's injection point; a small real one stands in for it here.
  const requests: PluginDataRequest[] = [];
  let answer: PluginDataReader = async () => [];
  const errors: string[] = [];
  const logger: HubLogger = {
    ...silentLogger,
    error: (fields) => void errors.push(JSON.stringify(fields)),
    child: () => logger,
  };

  beforeAll(async () => {
    hub = await createTestHub({
      plugins: [{ entry: fixture, capabilities: ['data:read'] }],
      pluginOptions: { allowUnsigned: true, legacyWorkers: true, deadlineMs: 2_000 },
      logger,
    });
    hub.services.plugins.setDataReader(async (request) => {
      requests.push(request);
      return answer(request);
    });
    sandbox = (await hub.services.apiKeys.issue(hub.fixtures.members.companyADev!, 'sandbox', ['READ'], null, 'TEST'))
      .secret;
  });
  afterAll(() => hub.close());
  beforeEach(() => {
    requests.length = 0;
    answer = async () => [];
  });

  const call = (operation: string, input: Record<string, unknown> = {}) =>
    hub.gql(
      'query($o: String!, $i: JSON) { serviceQuery(service: "data-reader", operation: $o, input: $i) }',
      { o: operation, i: { id: CONNECTION, ...input } },
      sandbox,
    );
  const setCapabilities = (capabilities: string[]) =>
    hub.gql(
      'mutation($n: String!, $c: [String!]!) { setPluginCapabilities(name: $n, capabilities: $c) { grantedCapabilities } }',
      { n: NAME, c: capabilities },
      hub.fixtures.keys.platformAdmin,
    );

  it("hands the read to the reader with the call's caller, and returns its rows to the operation", async () => {
    answer = async () => [{ name: '김민지', region: 'Seoul' }];
    const res = await call('read', { fields: ['name', 'region'], purpose: 'regional statistics' });
    expect(res.errors).toBeUndefined();
    expect(res.data.serviceQuery).toEqual({ rows: [{ name: '김민지', region: 'Seoul' }] });
    expect(requests).toEqual([
      {
        pluginName: NAME,
        caller: {
          organizationId: encodeGlobalId('Organization', hub.fixtures.companyA._id),
          memberId: encodeGlobalId('Member', hub.fixtures.members.companyADev!._id),
        },
        connectionId: CONNECTION,
        fields: ['name', 'region'],
        limit: 100,
        purpose: 'regional statistics',
        requestId: expect.any(String),
      },
    ]);
  });

  it('clamps the limit to 1–1000 before the reader sees it', async () => {
    for (const limit of [5_000, 0, 20.7]) await call('read', { limit });
    expect(requests.map((r) => r.limit)).toEqual([1_000, 1, 20]);
  });

  it('turns a FORBIDDEN or NOT_FOUND from the reader into CAPABILITY_DENIED for the client, on the audit trail', async () => {
    answer = async () => {
      throw forbidden('This connection is RESTRICTED; the plugin has no approved access request.');
    };
    const res = await call('read');
    expect(res.errors?.[0]?.extensions?.code).toBe('CAPABILITY_DENIED');
    const denied = await hub.services.audit.eventsMatching({ action: 'plugin.capabilityDenied', targetId: NAME });
    expect(denied.at(-1)).toMatchObject({
      actorMemberId: hub.fixtures.members.companyADev!._id,
      outcome: 'CAPABILITY_DENIED',
    });
    answer = async () => {
      throw notFound('data connection', 'conn-1');
    };
    expect((await call('read')).errors?.[0]?.extensions?.code).toBe('CAPABILITY_DENIED');
    expect((await call('readCaught')).data.serviceQuery).toEqual({
      error: 'No data connection with id "conn-1" exists or it is not visible to you.',
    });
  });

  it('hands BAD_USER_INPUT to the plugin as an Error with its message, and masks any other failure', async () => {
    answer = async () => {
      throw badInput('fields', 'There is no field "salary" in this connection.');
    };
    expect((await call('readCaught')).data.serviceQuery).toEqual({
      error: 'There is no field "salary" in this connection.',
    });
    expect((await call('read')).errors?.[0]?.extensions?.code).toBe('PLUGIN_FAILED');
    answer = async () => {
      throw new Error('store at /var/lib/maru is read-only');
    };
    expect((await call('readCaught')).data.serviceQuery).toEqual({ error: 'the data read failed' });
    expect(errors.join()).toContain('/var/lib/maru');
  });

  it("takes the caller from the hub's record of the call, never from the plugin's message", async () => {
    expect((await call('forge')).data.serviceQuery).toEqual({ forged: true });
    // Of the 100 call ids guessed, only the plugin's own call was in flight.
    expect(requests).toHaveLength(1);
    expect(requests[0]!.caller.organizationId).toBe(encodeGlobalId('Organization', hub.fixtures.companyA._id));
  });

  it('refuses every read without the data:read capability, in the worker and again in the hub, never calling the reader', async () => {
    expect((await setCapabilities([])).data.setPluginCapabilities.grantedCapabilities).toEqual([]);
    expect((await call('read')).errors?.[0]?.extensions?.code).toBe('CAPABILITY_DENIED');
    const before = await hub.services.audit.countEvents({ action: 'plugin.capabilityDenied', targetId: NAME });
    expect((await call('forge')).data.serviceQuery).toEqual({ forged: true });
    expect(requests).toHaveLength(0);
    // The forged read that named the plugin's own call reached the hub, which refused it and wrote it down.
    expect(await hub.services.audit.countEvents({ action: 'plugin.capabilityDenied', targetId: NAME })).toBeGreaterThan(
      before,
    );
    await setCapabilities(['data:read']);
  });
});
