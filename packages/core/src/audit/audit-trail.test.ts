import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHub } from '../create-hub.js';
import { encodeGlobalId } from '../graphql/global-id.js';
import {
  createTestHub,
  snapshotDomain,
  storedTables,
  type GraphQLResponse,
  type TestHub,
} from '../testing/test-hub.js';
import { hashEvent } from './audit-trail.js';
import { GENESIS_HASH } from './model.js';
import { expectRefused as expectRefusedIn } from '../testing/expect-refused.js';

let hub: TestHub;
beforeEach(async () => {
  hub = await createTestHub();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await hub.close();
});

const gid = (type: string, doc: { _id: string }) => encodeGlobalId(type, doc._id);
const rawId = (globalId: string) => Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1]!;

const EVENT_FIELDS = `seq action outcome actorMemberId actorOrganizationId organizationId targetId prevHash hash`;
const TRAIL = `query($first: Int, $after: String, $f: AuditEventFilter) { auditEvents(first: $first, after: $after, filter: $f) { totalCount nodes { ${EVENT_FIELDS} } pageInfo { hasNextPage endCursor } } }`;

async function trail(filter: Record<string, unknown> = {}, key = hub.fixtures.keys.platformAdmin) {
  const res = await hub.gql(TRAIL, { first: 100, f: filter }, key);
  expect(res.errors).toBeUndefined();
  return res.data.auditEvents.nodes as Array<Record<string, any>>;
}

const expectRefused = (code: string, run: () => Promise<GraphQLResponse>) => expectRefusedIn(hub, code, run);

/** Runs `n` successful mutations as the company A admin: one audit event each. */
async function someMutations(n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const res = await hub.gql(
      `mutation($o: ID!, $d: String!) { updateOrganization(id: $o, input: { description: $d }) { organization { id } } }`,
      { o: gid('Organization', hub.fixtures.companyA), d: `v${i}` },
      hub.fixtures.keys.companyAAdmin,
    );
    expect(res.errors).toBeUndefined();
  }
}

describe('what is recorded', () => {
  it('every successful mutation records actor, organization, action, target and SUCCESS', async () => {
    const { keys, members, companyA, platform } = hub.fixtures;
    const admin = members.companyAAdmin!;
    const orgA = gid('Organization', companyA);
    const as = async (key: string, query: string, variables: Record<string, unknown> = {}) => {
      const res = await hub.gql(query, variables, key);
      expect(res.errors).toBeUndefined();
      return res.data;
    };

    const created = await as(
      keys.platformAdmin!,
      `mutation { createOrganization(input: { kind: COMPANY, name: "C", slug: "company-c" }) { organization { id } } }`,
    );
    await as(
      keys.companyAAdmin!,
      `mutation($o: ID!) { updateOrganization(id: $o, input: { name: "A Ltd" }) { organization { id } } }`,
      { o: orgA },
    );
    const added = await as(
      keys.companyAAdmin!,
      `mutation($o: ID!) { addMember(input: { organizationId: $o, name: "New", email: "new@a.example", roles: [DEVELOPER] }) { member { id } } }`,
      { o: orgA },
    );
    const newMember = added.addMember.member.id;
    await as(
      keys.companyAAdmin!,
      `mutation($m: ID!) { updateMember(id: $m, input: { name: "Renamed" }) { member { id } } }`,
      { m: newMember },
    );
    await as(keys.companyAAdmin!, `mutation($m: ID!) { disableMember(id: $m) { member { id } } }`, { m: newMember });
    await as(keys.companyAAdmin!, `mutation($m: ID!) { enableMember(id: $m) { member { id } } }`, { m: newMember });
    const key = await as(
      keys.companyAAdmin!,
      `mutation($m: ID!) { createApiKey(input: { name: "k", scopes: [READ], memberId: $m }) { apiKey { id } } }`,
      { m: newMember },
    );
    await as(keys.companyAAdmin!, `mutation($k: ID!) { revokeApiKey(id: $k) { apiKey { id } } }`, {
      k: key.createApiKey.apiKey.id,
    });

    const byAdmin = {
      actorMemberId: gid('Member', admin),
      actorOrganizationId: orgA,
      organizationId: orgA,
      outcome: 'SUCCESS',
    };
    const events = (await trail()).reverse();
    expect(events.map(({ seq, prevHash, hash, ...rest }) => rest)).toEqual([
      {
        action: 'organization.create',
        actorMemberId: gid('Member', members.platformAdmin!),
        actorOrganizationId: gid('Organization', platform),
        organizationId: created.createOrganization.organization.id,
        targetId: rawId(created.createOrganization.organization.id),
        outcome: 'SUCCESS',
      },
      { action: 'organization.update', ...byAdmin, targetId: companyA._id },
      { action: 'member.add', ...byAdmin, targetId: rawId(newMember) },
      { action: 'member.update', ...byAdmin, targetId: rawId(newMember) },
      { action: 'member.disable', ...byAdmin, targetId: rawId(newMember) },
      { action: 'member.enable', ...byAdmin, targetId: rawId(newMember) },
      { action: 'apiKey.create', ...byAdmin, targetId: rawId(key.createApiKey.apiKey.id) },
      { action: 'apiKey.revoke', ...byAdmin, targetId: rawId(key.createApiKey.apiKey.id) },
    ]);
  });

  it('a refused mutation records the refusal code as its outcome, and changes nothing else', async () => {
    const { keys, members, companyA, companyB } = hub.fixtures;
    const refusals: Array<[code: string, key: string | null, query: string, variables: Record<string, unknown>]> = [
      [
        'UNAUTHENTICATED',
        null,
        `mutation($o: ID!) { updateOrganization(id: $o, input: { name: "X" }) { organization { id } } }`,
        { o: gid('Organization', companyA) },
      ],
      [
        'FORBIDDEN',
        keys.companyAAdmin!,
        `mutation($o: ID!) { updateOrganization(id: $o, input: { name: "X" }) { organization { id } } }`,
        { o: gid('Organization', companyB) },
      ],
      ['BAD_USER_INPUT', keys.companyAAdmin!, `mutation { disableMember(id: "not-an-id") { member { id } } }`, {}],
      [
        'NOT_FOUND',
        keys.companyAAdmin!,
        `mutation($m: ID!) { disableMember(id: $m) { member { id } } }`,
        { m: encodeGlobalId('Member', 'nosuchmember0') },
      ],
      [
        'CONFLICT',
        keys.platformAdmin!,
        `mutation { createOrganization(input: { kind: COMPANY, name: "Again", slug: "company-a" }) { organization { id } } }`,
        {},
      ],
    ];
    for (const [code, key, query, variables] of refusals)
      await expectRefused(code, () => hub.gql(query, variables, key));

    const events = (await trail()).reverse();
    // The anonymous one is counted, not appended (refused-requests.test.ts).
    expect(hub.services.audit.pendingAnonymousRefusals()).toBe(1);
    expect(events.map((e) => [e.action, e.outcome, e.actorMemberId])).toEqual([
      ['organization.update', 'FORBIDDEN', gid('Member', members.companyAAdmin!)],
      ['member.disable', 'BAD_USER_INPUT', gid('Member', members.companyAAdmin!)],
      ['member.disable', 'NOT_FOUND', gid('Member', members.companyAAdmin!)],
      ['organization.create', 'CONFLICT', gid('Member', members.platformAdmin!)],
    ]);
    expect(events[0]).toMatchObject({ organizationId: gid('Organization', companyB), targetId: companyB._id });
  });

  it('a mutation that fails unexpectedly records INTERNAL', async () => {
    vi.spyOn(hub.services.members, 'add').mockRejectedValue(new Error('disk full'));
    const res = await expectRefused('INTERNAL', () =>
      hub.gql(
        `mutation($o: ID!) { addMember(input: { organizationId: $o, name: "N", email: "n@a.example", roles: [DEVELOPER] }) { member { id } } }`,
        { o: gid('Organization', hub.fixtures.companyA) },
        hub.fixtures.keys.companyAAdmin,
      ),
    );
    expect(JSON.stringify(res)).not.toContain('disk full');
    expect((await trail()).map((e) => [e.action, e.outcome])).toEqual([['member.add', 'INTERNAL']]);
  });
});

describe('the hash chain', () => {
  it('links every event to the previous one, numbered 1..n without gaps', async () => {
    await someMutations(6);
    const events = await hub.services.audit.eventsMatching();
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(events[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < events.length; i++) expect(events[i]!.prevHash).toBe(events[i - 1]!.hash);
    for (const { _id, hash, ...content } of events) expect(hash).toBe(hashEvent(content));
    expect(new Set(events.map((e) => e.hash)).size).toBe(6);
  });

  it('verifyAuditChain is ok on an intact chain and names the one event altered in the store', async () => {
    await someMutations(5);
    const verify = `{ verifyAuditChain { ok checked firstBrokenSeq reason } }`;
    expect((await hub.gql(verify, {}, hub.fixtures.keys.platformAdmin)).data.verifyAuditChain).toEqual({
      ok: true,
      checked: 5,
      firstBrokenSeq: null,
      reason: null,
    });

    await storedTables(hub).auditEvents.findOneAndUpdate({ seq: 3 }, { $set: { action: 'organization.read' } });
    const broken = (await hub.gql(verify, {}, hub.fixtures.keys.platformAdmin)).data.verifyAuditChain;
    expect(broken).toMatchObject({ ok: false, firstBrokenSeq: 3 });
    expect(broken.reason).toMatch(/altered/);
  });

  it('an alteration that recomputes the event’s own hash is caught at the next link', async () => {
    await someMutations(5);
    const third = (await storedTables(hub).auditEvents.findOne({ seq: 3 }))!;
    const { _id, hash, ...content } = { ...third, outcome: 'FORBIDDEN' };
    await storedTables(hub).auditEvents.findOneAndUpdate(
      { seq: 3 },
      { $set: { outcome: 'FORBIDDEN', hash: hashEvent(content) } },
    );
    expect(await hub.services.audit.verify()).toMatchObject({ ok: false, firstBrokenSeq: 4 });
  });

  it('deleting a middle event is detected', async () => {
    await someMutations(5);
    expect(await storedTables(hub).auditEvents.deleteOne({ seq: 2 })).toBe(true);
    const res = await hub.gql(`{ verifyAuditChain { ok firstBrokenSeq reason } }`, {}, hub.fixtures.keys.platformAdmin);
    expect(res.data.verifyAuditChain).toEqual({ ok: false, firstBrokenSeq: 2, reason: 'event 2 is missing' });
  });

  it('only platform admins may verify the chain', async () => {
    await expectRefused('FORBIDDEN', () => hub.gql(`{ verifyAuditChain { ok } }`, {}, hub.fixtures.keys.companyAAdmin));
    await expectRefused('UNAUTHENTICATED', () => hub.gql(`{ verifyAuditChain { ok } }`));
  });

  it('20 concurrent mutations still make a gapless, valid chain', async () => {
    const { companyA, keys } = hub.fixtures;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2 === 0
          ? hub.gql(
              `mutation($o: ID!, $e: String!) { addMember(input: { organizationId: $o, name: "N", email: $e, roles: [DEVELOPER] }) { member { id } } }`,
              { o: gid('Organization', companyA), e: `n${i}@a.example` },
              keys.companyAAdmin,
            )
          : hub.gql(
              `mutation($o: ID!, $d: String!) { updateOrganization(id: $o, input: { description: $d }) { organization { id } } }`,
              { o: gid('Organization', companyA), d: `d${i}` },
              keys.companyAAdmin,
            ),
      ),
    );
    const events = await hub.services.audit.eventsMatching();
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(events.filter((e) => e.action === 'member.add' && e.outcome === 'SUCCESS')).toHaveLength(10);
    // Concurrent renames may lose the optimistic race; each is still recorded with its outcome.
    const updates = events.filter((e) => e.action === 'organization.update');
    expect(updates.filter((e) => e.outcome === 'SUCCESS')).toHaveLength(
      results.filter((r) => r.data?.updateOrganization).length,
    );
    expect(await hub.services.audit.verify()).toMatchObject({
      ok: true,
      checked: 20,
      firstBrokenSeq: null,
      reason: null,
    });
  });

  it('two hub instances writing to one store at once still make one gapless chain', async () => {
    const other = await createHub({ store: hub.store, graphiql: false });
    const { companyA, keys } = hub.fixtures;
    const add = (target: { fetch: TestHub['fetch'] }, i: number) =>
      target.fetch('http://hub.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${keys.companyAAdmin}` },
        body: JSON.stringify({
          query: `mutation($o: ID!, $e: String!) { addMember(input: { organizationId: $o, name: "N", email: $e, roles: [DEVELOPER] }) { member { id } } }`,
          variables: { o: gid('Organization', companyA), e: `m${i}@a.example` },
        }),
      });
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => add(i % 2 === 0 ? hub : other, i)));
    for (const response of responses) expect(((await response.json()) as GraphQLResponse).errors).toBeUndefined();
    const events = await hub.services.audit.eventsMatching();
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await hub.services.audit.verify()).toMatchObject({ ok: true, checked: 20 });
  });

  it('a head hint left behind or missing costs another instance a retry, never a gap or a fork', async () => {
    await someMutations(4);
    const heads = hub.store.collection<{ _id: string; seq: number; hash: string }>('chain_heads');
    expect(await heads.findOne({ _id: 'audit_events' })).toMatchObject({ seq: 4 });
    // As a writer that stopped between its insert and the hint's advance leaves it: behind the log.
    const first = (await hub.services.audit.eventsMatching())[0]!;
    await heads.findOneAndUpdate({ _id: 'audit_events' }, { $set: { seq: 1, hash: first.hash } });
    const behind = await createHub({ store: hub.store, graphiql: false });
    await behind.services.audit.append(entryOf('behind'));
    expect(behind.services.audit.appendStats()).toEqual({ appended: 1, retries: 1, mostAttempts: 2 });
    await heads.deleteOne({ _id: 'audit_events' });
    const without = await createHub({ store: hub.store, graphiql: false });
    await without.services.audit.append(entryOf('without'));
    expect(without.services.audit.appendStats()).toEqual({ appended: 1, retries: 0, mostAttempts: 1 });
    // The hub that wrote the first four still has seq 4 in mind: it loses that position, then finds the head.
    await hub.services.audit.append(entryOf('stale'));
    expect((await hub.services.audit.eventsMatching()).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(await hub.services.audit.verify()).toMatchObject({ ok: true, checked: 7 });
    expect(await heads.findOne({ _id: 'audit_events' })).toMatchObject({ seq: 7 });
  });
});

function entryOf(action: string) {
  return {
    action,
    actorMemberId: null,
    actorOrganizationId: null,
    targetId: null,
    organizationId: null,
    outcome: 'SUCCESS',
    requestId: null,
  };
}

describe('reading the trail', () => {
  it('platform admins filter by action, outcome and organization, newest first', async () => {
    const { keys, companyA, companyB } = hub.fixtures;
    await someMutations(3);
    await hub.gql(
      `mutation($o: ID!) { updateOrganization(id: $o, input: { name: "X" }) { organization { id } } }`,
      { o: gid('Organization', companyB) },
      keys.companyAAdmin,
    );
    await hub.gql(
      `mutation($o: ID!) { updateOrganization(id: $o, input: { name: "B Ltd" }) { organization { id } } }`,
      { o: gid('Organization', companyB) },
      keys.companyBAdmin,
    );
    await hub.gql(`mutation { createApiKey(input: { name: "k", scopes: [READ] }) { secret } }`, {}, keys.companyBDev);

    expect((await trail()).map((e) => e.seq)).toEqual([6, 5, 4, 3, 2, 1]);
    expect((await trail({ action: 'apiKey.create' })).map((e) => e.seq)).toEqual([6]);
    expect((await trail({ outcome: 'FORBIDDEN' })).map((e) => [e.seq, e.actorMemberId])).toEqual([
      [4, gid('Member', hub.fixtures.members.companyAAdmin!)],
    ]);
    expect((await trail({ organizationId: gid('Organization', companyA) })).map((e) => e.seq)).toEqual([3, 2, 1]);
    expect((await trail({ organizationId: gid('Organization', companyB) })).map((e) => e.seq)).toEqual([6, 5, 4]);
    expect(
      (await trail({ organizationId: gid('Organization', companyB), outcome: 'SUCCESS' })).map((e) => e.seq),
    ).toEqual([6, 5]);
  });

  it('pages with first/after and pageInfo, newest first, without gaps or repeats', async () => {
    await someMutations(7);
    const seen: number[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const res: GraphQLResponse = await hub.gql(TRAIL, { first: 3, after }, hub.fixtures.keys.platformAdmin);
      const { nodes, pageInfo, totalCount } = res.data.auditEvents;
      expect(totalCount).toBe(7);
      seen.push(...nodes.map((e: { seq: number }) => e.seq));
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(seen).toEqual([7, 6, 5, 4, 3, 2, 1]);
  });

  it('an organization admin reads their own organization’s trail, and an agency admin the trail of agencies below', async () => {
    const { keys, companyA, division } = hub.fixtures;
    await someMutations(2);
    await hub.gql(
      `mutation($o: ID!) { updateOrganization(id: $o, input: { description: "d" }) { organization { id } } }`,
      { o: gid('Organization', division) },
      keys.divisionAdmin,
    );
    expect(
      (await trail({ organizationId: gid('Organization', companyA) }, keys.companyAAdmin)).map((e) => e.seq),
    ).toEqual([2, 1]);
    expect(
      (await trail({ organizationId: gid('Organization', division) }, keys.ministryAdmin)).map((e) => e.seq),
    ).toEqual([3]);
  });

  it('refuses an organization admin another organization’s trail, the unfiltered trail, and a non-admin their own', async () => {
    const { keys, companyA, companyB, bureau } = hub.fixtures;
    await someMutations(2);
    const read = (filter: Record<string, unknown> | null, key: string | null) => () =>
      hub.gql(TRAIL, { first: 10, f: filter }, key);
    const refusals: Array<[string, Record<string, unknown> | null, string | null]> = [
      ['FORBIDDEN', { organizationId: gid('Organization', companyB) }, keys.companyAAdmin!],
      ['FORBIDDEN', null, keys.companyAAdmin!],
      ['FORBIDDEN', { action: 'organization.update' }, keys.companyAAdmin!],
      ['FORBIDDEN', { organizationId: gid('Organization', companyA) }, keys.companyADev!],
      ['FORBIDDEN', { organizationId: gid('Organization', bureau) }, keys.divisionAdmin!],
      ['UNAUTHENTICATED', { organizationId: gid('Organization', companyA) }, null],
    ];
    for (const [code, filter, key] of refusals) {
      const res = await expectRefused(code, read(filter, key));
      expect(res.data).toBeNull();
    }
    expect(await hub.services.audit.countEvents()).toBe(2);
  });
});
