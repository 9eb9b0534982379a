/**
 * What must happen once happens once with three hubs on one store: each deadline closing (one CLOSED event, one audit
 * event) and each plugin `on` handler run, also when a hub dies mid-claim; a failing handler is retried, then FAILED
 * and visible to platform admins. On SQLite (one store shared) and on a MongoDB-wire server (FerretDB in CI: three
 * clients, where a version guard alone let two hubs close the same challenge).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeOnEachEngine } from '../testing/three-clients.js';
import { createHub, type Hub } from '../create-hub.js';
import type { ChallengeEvent } from '../events/index.js';
import { encodeGlobalId, parseId } from '../graphql/global-id.js';
import { bundledFixture } from '../plugins/fixtures/bundle-fixture.js';
import type { ClaimRecord } from '../store/claims.js';
import type { Store } from '../store/port.js';
import { createTestHub, type TestHub } from '../testing/test-hub.js';
import type { Challenge } from './model.js';

const COUNTER = '@maru-test/event-counter';

/** Polls `check` until it returns something truthy; fails with `what` after a generous deadline. */
async function eventually<T>(check: () => Promise<T>, what: string, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function describeExactlyOnce(engine: string, openStores: () => Promise<Store[]>, cleanup?: () => Promise<void>) {
  describe(`exactly once with three hubs on ${engine}`, () => {
    let now = Date.parse('2031-01-01T00:00:00Z');
    const clock = () => now;
    let first: TestHub;
    let hubs: Hub[];
    const closedEvents: ChallengeEvent[] = [];
    const options = () => ({
      graphiql: false,
      clock,
      plugins: [
        { entry: bundledFixture('event-counter.mjs'), capabilities: ['kv' as const, 'events:receive' as const] },
      ],
      pluginOptions: { allowUnsigned: true, deadlineMs: 3_000, deliveries: { maxAttempts: 3, retryBaseMs: 1_000 } },
    });

    beforeAll(async () => {
      const stores = await openStores();
      // One after another: FerretDB drops connections when several clients create the same indexes at once.
      first = await createTestHub({ ...options(), store: stores[0]! });
      hubs = [first];
      for (const store of stores.slice(1)) hubs.push(await createHub({ ...options(), store }));
      for (const hub of hubs)
        void (async () => {
          for await (const event of hub.services.events.subscribe('challenge'))
            if (event.kind === 'CLOSED') closedEvents.push(event);
        })();
    }, 120_000);
    afterAll(async () => {
      for (const hub of hubs.slice(1)) {
        await hub.services.plugins.stop();
        if (engine !== 'sqlite') await hub.store.close();
      }
      await first.close();
      await cleanup?.();
    });

    const ok = async (query: string, variables: Record<string, unknown>, key?: string | null) => {
      const res = await first.gql(query, variables, key === undefined ? first.fixtures.keys.bureauManager : key);
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      return res.data;
    };
    const publishOne = async (title: string, deadline: string): Promise<string> => {
      const created = await ok(
        `mutation($i: CreateChallengeInput!) { createChallenge(input: $i) { challenge { id } } }`,
        {
          i: {
            agencyId: encodeGlobalId('Organization', first.fixtures.bureau._id),
            title,
            summary: 'Closed once whatever the number of hubs',
            type: 'IDEA',
            tags: ['once'],
            criteria: [{ key: 'impact', name: 'Impact', weight: 100 }],
            submissionDeadline: deadline,
            evaluationEnd: '2031-12-01T00:00:00Z',
          },
        },
      );
      const id = created.createChallenge.challenge.id as string;
      await ok(`mutation($id: ID!) { publishChallenge(id: $id) { challenge { status } } }`, { id });
      return id;
    };
    const deliveries = () =>
      first.store.collection<{ _id: string; status: string; event: string; attempts: number }>(
        'plugin_event_deliveries',
      );
    const claims = () => first.store.collection<ClaimRecord>('challenge_claims');
    const rawId = (id: string) => parseId(id, 'Challenge');
    const challengeOf = (id: string) => first.store.collection<Challenge>('challenges').findOne({ _id: rawId(id) });
    const closings = async (id: string) =>
      first.services.audit.countEvents({ action: 'challenge.close', targetId: id });
    const deliverEverywhere = () => Promise.all(hubs.map((h) => h.services.plugins.deliverDue()));
    /** Every closing delivered (prompt deliveries run in the background). */
    const settled = () =>
      eventually(async () => {
        await deliverEverywhere();
        return (await deliveries().count({ event: 'challenge.closed', status: { $ne: 'DELIVERED' } })) === 0;
      }, 'every closing delivered');

    it('three hubs closing 30 due challenges at once close each exactly once, with one event, one audit event and one handler run each', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 30; i++) ids.push(await publishOne(`Due challenge ${i}`, '2031-02-01T00:00:00Z'));
      now = Date.parse('2031-02-01T00:00:01Z');
      const closed = await Promise.all(hubs.map((h) => h.services.challenges.closeDue()));
      expect(closed.reduce((a, b) => a + b, 0)).toBe(30);
      await eventually(async () => closedEvents.length >= 30, '30 CLOSED events');
      expect(new Set(closedEvents.map((e) => e.challengeId)).size).toBe(30);
      expect(closedEvents).toHaveLength(30);
      // The event carries the challenge as it left it: subscribers need no read.
      expect(closedEvents.every((e) => e.challenge?.status === 'CLOSED')).toBe(true);
      for (const id of ids) expect(await closings(rawId(id))).toBe(1);
      // Every hub's scheduler polls as well as the recording hub's prompt delivery.
      await eventually(async () => {
        await deliverEverywhere();
        return (await deliveries().count({ event: 'challenge.closed', status: 'DELIVERED' })) === 30;
      }, '30 deliveries');
      await deliverEverywhere();
      expect(await deliveries().count({ event: 'challenge.closed' })).toBe(30);
      expect(await first.services.plugins.kvCount(COUNTER)).toBe(30);
      // A second round finds nothing to do.
      expect(await Promise.all(hubs.map((h) => h.services.challenges.closeDue()))).toEqual([0, 0, 0]);
    }, 180_000);

    it("a dead hub's claim holds the closing until it expires; then one hub closes it, once", async () => {
      const id = await publishOne('Claimed by a hub that died', '2031-03-01T00:00:00Z');
      const before = (await challengeOf(id))!;
      now = Date.parse('2031-03-01T00:00:01Z');
      const at = new Date(now).toISOString();
      // What a hub killed right after its claim leaves behind.
      await claims().insertOne({
        _id: `transition:${before._id}:v${before.version}#1`,
        key: `transition:${before._id}:v${before.version}`,
        attempt: 1,
        owner: 'dead-hub:1',
        claimedAt: at,
        expiresAt: new Date(now + 60_000).toISOString(),
        open: true,
        doneAt: null,
        stage: null,
        dataJson: JSON.stringify({
          challengeId: before._id,
          action: 'close',
          version: before.version,
          scheduled: true,
        }),
      });
      expect(await Promise.all(hubs.map((h) => h.services.challenges.closeDue()))).toEqual([0, 0, 0]);
      expect((await challengeOf(id))!.status).toBe('OPEN');
      now += 61_000;
      const closed = await Promise.all(hubs.map((h) => h.services.challenges.closeDue()));
      expect(closed.reduce((a, b) => a + b, 0)).toBe(1);
      expect((await challengeOf(id))!.status).toBe('CLOSED');
      expect(await closings(before._id)).toBe(1);
      const attempts = await claims().find({ key: `transition:${before._id}:v${before.version}` });
      // The dead attempt stays as it was; one later attempt finished the closing.
      expect(attempts.find((a) => a.attempt === 1)).toMatchObject({ owner: 'dead-hub:1', open: false, doneAt: null });
      expect(attempts.filter((a) => a.doneAt !== null)).toHaveLength(1);
      await settled();
    }, 60_000);

    it('a hub killed after closing but before its events is taken over: the audit event and the delivery are written once', async () => {
      const id = await publishOne('Closed by a hub that then died', '2031-04-01T00:00:00Z');
      const before = (await challengeOf(id))!;
      now = Date.parse('2031-04-01T00:00:01Z');
      const key = `transition:${before._id}:v${before.version}`;
      await claims().insertOne({
        _id: `${key}#1`,
        key,
        attempt: 1,
        owner: 'dead-hub:1',
        claimedAt: new Date(now).toISOString(),
        expiresAt: new Date(now + 60_000).toISOString(),
        open: true,
        doneAt: null,
        stage: null,
        dataJson: JSON.stringify({
          challengeId: before._id,
          action: 'close',
          version: before.version,
          scheduled: true,
        }),
      });
      // The dead hub's write went through; it died before recording the stage, the audit event or the outbox rows.
      await first.store
        .collection<Challenge>('challenges')
        .findOneAndUpdate(
          { _id: before._id },
          { $set: { status: 'CLOSED', closedAt: new Date(now).toISOString() }, $inc: { version: 1 } },
        );
      await settled();
      const kvBefore = await first.services.plugins.kvCount(COUNTER);
      now += 61_000;
      await Promise.all(hubs.map((h) => h.services.challenges.closeDue()));
      await Promise.all(hubs.map((h) => h.services.challenges.closeDue()));
      expect(await closings(before._id)).toBe(1);
      await eventually(async () => {
        await deliverEverywhere();
        return (await first.services.plugins.kvCount(COUNTER)) === kvBefore + 1;
      }, 'the taken-over delivery');
      await deliverEverywhere();
      expect(await first.services.plugins.kvCount(COUNTER)).toBe(kvBefore + 1);
      expect(await deliveries().count({ _id: { $regex: `^${key}>` } })).toBe(1);
    }, 60_000);

    it('a failing handler is retried with a backoff, then FAILED, and platform admins (only) see it', async () => {
      const id = await publishOne('Cancelled while the receiver is down', '2031-06-01T00:00:00Z');
      await ok(`mutation($id: ID!) { cancelChallenge(id: $id, reason: "Budget withdrawn") { challenge { status } } }`, {
        id,
      });
      const row = () => deliveries().findOne({ event: 'challenge.cancelled' });
      await eventually(async () => (await row())?.attempts === 1, 'the first attempt');
      expect(await deliverEverywhere()).toEqual([0, 0, 0]); // not due before the backoff
      for (const attempts of [2, 3]) {
        now += 60_000;
        await deliverEverywhere();
        expect((await row())!.attempts).toBe(attempts);
      }
      expect((await row())!.status).toBe('FAILED');
      now += 3_600_000;
      expect(await deliverEverywhere()).toEqual([0, 0, 0]);
      const query = `{ pluginEventDeliveries(status: FAILED, first: 5) { totalCount nodes { plugin event status attempts lastError payload } } }`;
      const seen = await first.gql(query, {}, first.fixtures.keys.platformAdmin);
      expect(seen.errors).toBeUndefined();
      expect(seen.data.pluginEventDeliveries.totalCount).toBe(1);
      expect(seen.data.pluginEventDeliveries.nodes[0]).toMatchObject({
        plugin: COUNTER,
        event: 'challenge.cancelled',
        status: 'FAILED',
        attempts: 3,
        payload: { challengeId: id },
      });
      expect(seen.data.pluginEventDeliveries.nodes[0].lastError).toContain('the receiver is down');
      for (const key of [first.fixtures.keys.bureauAdmin, first.fixtures.keys.companyAAdmin, null]) {
        const refused = await first.gql(query, {}, key);
        expect(refused.data?.pluginEventDeliveries ?? null).toBeNull();
        expect(['FORBIDDEN', 'UNAUTHENTICATED']).toContain(refused.errors?.[0]?.extensions?.code);
      }
    }, 60_000);
  });
}

describeOnEachEngine('exactly_once', describeExactlyOnce);
