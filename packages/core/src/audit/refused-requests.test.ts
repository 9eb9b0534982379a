import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../graphql/global-id.js';
import { expectRefused as expectRefusedIn } from '../testing/expect-refused.js';
import { createTestHub, type GraphQLResponse, type TestHub } from '../testing/test-hub.js';
import { AnonymousRefusals, MAX_ADDRESSES } from './anonymous-refusals.js';

let now = Date.parse('2025-03-01T09:00:00Z');
let hub: TestHub;
beforeEach(async () => {
  hub = await createTestHub({ clock: () => now });
});
afterEach(async () => {
  await hub.close();
});

const expectRefused = (code: string, run: () => Promise<GraphQLResponse>) => expectRefusedIn(hub, code, run);
const events = () => hub.services.audit.eventsMatching();
const CREATE_KEY = `mutation CreateKey($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }`;

describe('a known caller’s mutation refused before any resolver is on the trail', () => {
  it.each<[string, string, string, Record<string, unknown>, string[]]>([
    [
      'a variable that does not coerce',
      'BAD_USER_INPUT',
      CREATE_KEY,
      { i: { name: 'k', scopes: ['READ'], expiresAt: 'hunter2-not-a-date' } },
      ['createApiKey'],
    ],
    [
      'a field the schema lacks',
      'GRAPHQL_VALIDATION_FAILED',
      `mutation CreateKey { createApiKey(input: { name: "hunter2" }) { secret } dropEverything }`,
      {},
      ['createApiKey', 'dropEverything'],
    ],
    [
      'an armor limit',
      'QUERY_TOO_COMPLEX',
      `mutation CreateKey { ${Array.from({ length: 16 }, (_, i) => `a${i}: signOutEverywhere`).join(' ')} }`,
      {},
      Array.from({ length: 16 }, () => 'signOutEverywhere'),
    ],
  ])(
    '%s → one request.refused event with the code, the name and the fields, no values',
    async (_n, code, query, vars, fields) => {
      const before = (await events()).length;
      await expectRefused(code, () => hub.gql(query, vars, hub.fixtures.keys.companyAAdmin));
      const added = (await events()).slice(before);
      const { members, companyA } = hub.fixtures;
      expect(added).toMatchObject([
        {
          action: 'request.refused',
          outcome: code,
          actorMemberId: members.companyAAdmin!._id,
          actorOrganizationId: companyA._id,
          organizationId: companyA._id,
          targetId: null,
          detail: { operationName: 'CreateKey', fields },
        },
      ]);
      expect(JSON.stringify(added)).not.toContain('hunter2');
      expect((await hub.services.audit.verify()).ok).toBe(true);
    },
  );

  it('every repetition is recorded (validation results are cached, refusals are not)', async () => {
    const query = `mutation { createApiKey(input: { name: "k" }) { nope } }`;
    for (let i = 0; i < 3; i++)
      await expectRefused('GRAPHQL_VALIDATION_FAILED', () => hub.gql(query, {}, hub.fixtures.keys.companyAAdmin));
    expect(await hub.services.audit.countEvents({ action: 'request.refused' })).toBe(3);
  });

  it('a refused query is not recorded, and a refused mutation is recorded once', async () => {
    await expectRefused('BAD_USER_INPUT', () =>
      hub.gql(
        `query($n: Int) { organizations(first: $n) { totalCount } }`,
        { n: 'ten' },
        hub.fixtures.keys.companyAAdmin,
      ),
    );
    await expectRefused('FORBIDDEN', () =>
      hub.gql(
        `mutation($o: ID!) { updateOrganization(id: $o, input: { name: "X" }) { organization { id } } }`,
        { o: encodeGlobalId('Organization', hub.fixtures.companyB._id) },
        hub.fixtures.keys.companyAAdmin,
      ),
    );
    expect((await events()).map((e) => [e.action, e.outcome])).toEqual([['organization.update', 'FORBIDDEN']]);
  });
});

describe('anonymous refused mutations are counted per address and window, not appended one by one', () => {
  const UPDATE = `mutation($o: ID!) { updateOrganization(id: $o, input: { name: "X" }) { organization { id } } }`;

  it('refused by a resolver, a bad variable, validation or a wrong key: no event each; one summary per window', async () => {
    const o = encodeGlobalId('Organization', hub.fixtures.companyA._id);
    for (let i = 0; i < 5; i++) await expectRefused('UNAUTHENTICATED', () => hub.gql(UPDATE, { o }));
    await expectRefused('BAD_USER_INPUT', () => hub.gql(CREATE_KEY, { i: { name: 'k', scopes: ['ROOT'] } }));
    await expectRefused('GRAPHQL_VALIDATION_FAILED', () => hub.gql(`mutation { nope }`));
    await expectRefused('UNAUTHENTICATED', () => hub.gql(UPDATE, { o }, 'mk_wrong'));
    // A query refused anonymously is not a mutation: not counted.
    await expectRefused('UNAUTHENTICATED', () => hub.gql(`{ verifyAuditChain { ok } }`));

    expect(await events()).toEqual([]);
    expect(hub.services.audit.pendingAnonymousRefusals()).toBe(8);

    // The window has not ended: nothing yet.
    expect(await hub.services.audit.summariseAnonymousRefusals()).toBeNull();
    now += 60_000;
    const summary = await hub.services.audit.summariseAnonymousRefusals();
    expect(summary).toMatchObject({
      action: 'request.refusedAnonymous',
      outcome: 'UNAUTHENTICATED',
      actorMemberId: null,
      detail: {
        count: 8,
        codes: { UNAUTHENTICATED: 6, BAD_USER_INPUT: 1, GRAPHQL_VALIDATION_FAILED: 1 },
        addresses: 1,
        top: [{ address: 'in-process', count: 8 }],
      },
    });
    expect(hub.services.audit.pendingAnonymousRefusals()).toBe(0);
    expect(await hub.services.audit.summariseAnonymousRefusals(true)).toBeNull();
    expect((await hub.services.audit.verify()).ok).toBe(true);
  });

  it('the open window goes on the trail when the hub closes', async () => {
    const o = encodeGlobalId('Organization', hub.fixtures.companyA._id);
    await expectRefused('UNAUTHENTICATED', () => hub.gql(UPDATE, { o }));
    const store = hub.store;
    const events = store.collection('audit_events');
    // close() summarises before it closes the store; read the event through a spy on append instead of the store.
    const appended: unknown[] = [];
    const original = hub.services.audit.summariseAnonymousRefusals.bind(hub.services.audit);
    hub.services.audit.summariseAnonymousRefusals = async (force) => {
      const event = await original(force);
      appended.push(event);
      expect(await events.count({ action: 'request.refusedAnonymous' })).toBe(1);
      return event;
    };
    await hub.close();
    expect(appended).toMatchObject([{ detail: { count: 1 } }]);
    hub = await createTestHub();
  });

  it('the counter stays bounded whatever addresses arrive', () => {
    const counter = new AnonymousRefusals(60_000, () => now);
    for (let i = 0; i < 30_000; i++) counter.count(`10.0.${i >> 8}.${i & 255}-${'x'.repeat(100)}`, `CODE_${i}`);
    const summary = counter.close(true)!;
    expect(summary.count).toBe(30_000);
    expect(summary.addresses).toBe(MAX_ADDRESSES + 1);
    expect(Object.keys(summary.codes).length).toBeLessThanOrEqual(50);
    expect(summary.top.length).toBe(20);
    expect(summary.top[0]).toEqual({ address: '(other addresses)', count: 30_000 - MAX_ADDRESSES });
    expect(summary.top.every((t) => t.address.length <= 64)).toBe(true);
  });
});
