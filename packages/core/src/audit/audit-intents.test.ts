import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHub } from '../create-hub.js';
import { encodeGlobalId } from '../graphql/global-id.js';
import type { Member } from '../identity/index.js';
import { createSqliteStore } from '../store/sqlite/sqlite-store.js';
import { createTestHub, type TestHub } from '../testing/test-hub.js';
import type { AuditIntent } from './model.js';

let hub: TestHub;
beforeEach(async () => {
  hub = await createTestHub();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await hub.close();
});

const intents = () => hub.store.collection<AuditIntent>('audit_intents');
const ADD = `mutation($o: ID!) { addMember(input: { organizationId: $o, name: "N", email: "n@a.example", roles: [DEVELOPER] }) { member { id } } }`;
const later = () => new Date(Date.now() + 1000).toISOString();

describe('the intent written before a mutation', () => {
  it('is there while the mutation runs, and replaced by the event (same id) when it ends', async () => {
    const add = hub.services.members.add.bind(hub.services.members);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let seen: AuditIntent[] = [];
    vi.spyOn(hub.services.members, 'add').mockImplementation(async (...args) => {
      seen = await intents().find({});
      await held;
      return add(...args);
    });
    const answer = hub.gql(
      ADD,
      { o: encodeGlobalId('Organization', hub.fixtures.companyA._id) },
      hub.fixtures.keys.companyAAdmin,
    );
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]).toMatchObject({ action: 'member.add', actorMemberId: hub.fixtures.members.companyAAdmin!._id });
    release();
    expect((await answer).errors).toBeUndefined();
    expect(await intents().count({})).toBe(0);
    const [event] = await hub.services.audit.eventsMatching({ action: 'member.add' });
    expect(event).toMatchObject({ _id: seen[0]!._id, outcome: 'SUCCESS' });
  });

  it('a refused anonymous mutation leaves no intent and no event', async () => {
    await hub.gql(ADD, { o: encodeGlobalId('Organization', hub.fixtures.companyA._id) });
    expect(await intents().count({})).toBe(0);
    expect(await hub.services.audit.countEvents()).toBe(0);
  });
});

describe('intents left by a hub that stopped', () => {
  const intent = (member: Member) => ({
    action: 'member.add',
    actorMemberId: member._id,
    actorOrganizationId: member.organizationId,
    targetId: null,
    organizationId: member.organizationId,
    requestId: 'req-1',
  });

  it('become INTERRUPTED events at the next start; the chain still verifies', async () => {
    await hub.services.audit.begin(intent(hub.fixtures.members.companyAAdmin!));
    expect(await hub.services.audit.reconcileIntents(later())).toBe(1);
    const events = await hub.services.audit.eventsMatching();
    expect(events).toMatchObject([
      {
        action: 'member.add',
        outcome: 'INTERRUPTED',
        requestId: 'req-1',
        actorMemberId: hub.fixtures.members.companyAAdmin!._id,
      },
    ]);
    expect(events[0]!.detail).toHaveProperty('intentAt');
    expect(await intents().count({})).toBe(0);
    expect((await hub.services.audit.verify()).ok).toBe(true);
    expect(await hub.services.audit.reconcileIntents(later())).toBe(0);
  });

  it('whose event was written (only the removal was lost) are removed, not recorded twice', async () => {
    const admin = hub.fixtures.members.companyAAdmin!;
    const id = await hub.services.audit.begin(intent(admin));
    await hub.services.audit.complete(id, { ...intent(admin), outcome: 'SUCCESS' });
    // The process died after the append, before the intent's removal.
    await intents().insertOne({ _id: id, at: new Date(0).toISOString(), ...intent(admin) });
    expect(await hub.services.audit.reconcileIntents(later())).toBe(0);
    expect(await intents().count({})).toBe(0);
    expect((await hub.services.audit.eventsMatching()).map((e) => e.outcome)).toEqual(['SUCCESS']);
  });

  it('are reconciled by createHub before it serves', async () => {
    const store = createSqliteStore({ dataDir: ':memory:' });
    const first = await createHub({ store, graphiql: false });
    await first.services.audit.begin({ ...intent({ _id: 'm1', organizationId: 'o1' } as Member) });
    // A new hub on the same store, as after a restart (the first one is never closed: it was killed).
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await createHub({ store, graphiql: false });
    expect(await second.services.audit.eventsMatching()).toMatchObject([
      { action: 'member.add', outcome: 'INTERRUPTED' },
    ]);
    await second.close();
  });
});
