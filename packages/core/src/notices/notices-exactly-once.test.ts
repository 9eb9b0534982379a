/**
 * Notices with three hubs on one store: three hubs publishing (and awarding) the same challenge at once record each
 * member's notice once; a hub recording the same event again (as one finishing a dead hub's transition does) adds
 * nothing; each external delivery attempt runs once across the hubs' schedulers, is retried, then FAILED and visible
 * to its member. On SQLite (one store shared) and on a MongoDB-wire server (FerretDB in CI: three clients).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeOnEachEngine } from '../testing/three-clients.js';
import { createHub, type Hub } from '../create-hub.js';
import { encodeGlobalId } from '../graphql/global-id.js';
import type { Store } from '../store/port.js';
import { createTestHub, type TestHub } from '../testing/test-hub.js';
import type { Notice, NoticeDelivery } from './model.js';

function describeNoticesOnce(engine: string, openStores: () => Promise<Store[]>, cleanup?: () => Promise<void>) {
  describe(`notices once with three hubs on ${engine}`, () => {
    let now = Date.parse('2031-01-01T00:00:00Z');
    const clock = () => now;
    let first: TestHub;
    let hubs: Hub[];
    const options = () => ({ graphiql: false, clock, notices: { maxAttempts: 3, retryBaseMs: 1_000 } });

    beforeAll(async () => {
      const stores = await openStores();
      first = await createTestHub({ ...options(), store: stores[0]! });
      hubs = [first];
      // One after another: FerretDB drops connections when several clients create the same indexes at once.
      for (const store of stores.slice(1)) hubs.push(await createHub({ ...options(), store }));
      const { keys, companyA, companyB } = first.fixtures;
      for (const [key, org] of [
        [keys.companyAAdmin, companyA],
        [keys.companyBAdmin, companyB],
      ] as const) {
        const res = await first.gql(
          `mutation($o: ID!) { setInterests(organizationId: $o, input: { tags: ["once"] }) { interests { version } } }`,
          { o: encodeGlobalId('Organization', org._id) },
          key,
        );
        expect(res.errors).toBeUndefined();
      }
      // Company A's developer has a webhook; nothing delivers it here (no notify plugin), so it is retried, then FAILED.
      const channel = await first.gql(
        `mutation { setNoticeChannels(input: { webhookUrl: "https://hooks.example.gov.kr/maru" }) { channels { webhookUrl } } }`,
        {},
        keys.companyADev,
      );
      expect(channel.errors).toBeUndefined();
    }, 120_000);
    afterAll(async () => {
      for (const hub of hubs.slice(1)) {
        await hub.services.plugins.stop();
        if (engine !== 'sqlite') await hub.store.close();
      }
      await first.close();
      await cleanup?.();
    });

    const notices = () => first.store.collection<Notice>('notices');
    const deliveries = () => first.store.collection<NoticeDelivery>('notice_deliveries');
    const gqlOn = (hub: Hub, query: string, variables: Record<string, unknown>, key: string) =>
      hub
        .fetch('http://hub.test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
          body: JSON.stringify({ query, variables }),
        })
        .then((r) => r.json() as Promise<{ data?: any; errors?: Array<{ extensions?: { code?: string } }> }>);

    it('ten challenges, each published by three hubs at once: one publication wins, each member gets each notice once', async () => {
      const { keys, bureau } = first.fixtures;
      const ids: string[] = [];
      for (let i = 0; i < 10; i++) {
        const res = await first.gql(
          `mutation($i: CreateChallengeInput!) { createChallenge(input: $i) { challenge { id } } }`,
          {
            i: {
              agencyId: encodeGlobalId('Organization', bureau._id),
              title: `Once ${i}`,
              summary: 'Told once whatever the number of hubs',
              type: 'IDEA',
              tags: ['once'],
              criteria: [{ key: 'impact', name: 'Impact', weight: 100 }],
              submissionDeadline: '2031-06-01T00:00:00Z',
              evaluationEnd: '2031-12-01T00:00:00Z',
            },
          },
          keys.bureauManager,
        );
        ids.push(res.data.createChallenge.challenge.id);
      }
      const results = await Promise.all(
        ids.flatMap((id) =>
          hubs.map((hub) =>
            gqlOn(
              hub,
              `mutation($id: ID!) { publishChallenge(id: $id) { challenge { status } } }`,
              { id },
              keys.bureauManager!,
            ),
          ),
        ),
      );
      expect(results.filter((r) => !r.errors).length).toBe(10);
      expect(new Set(results.flatMap((r) => r.errors?.map((e) => e.extensions?.code) ?? []))).toEqual(
        new Set(['CONFLICT']),
      );
      const published = await notices().find({ kind: 'CHALLENGE_PUBLISHED' });
      // Two companies of two members each, ten challenges: 40 notices, no two alike.
      expect(published.length).toBe(40);
      expect(new Set(published.map((n) => `${n.eventKey}|${n.memberId}`)).size).toBe(40);
      const inbox = await first.gql(`{ unreadNoticeCount }`, {}, keys.companyADev);
      expect(inbox.data.unreadNoticeCount).toBe(10);
    }, 120_000);

    it('a hub recording the same event again (taking over a dead hub) adds no notice and no delivery', async () => {
      const challenge = (
        await first.services.challenges.listVisibleTo(null, { statuses: ['OPEN'] }, 'NEWEST', { limit: 1 })
      ).items[0]!.doc;
      const [notes, sends] = [await notices().count({}), await deliveries().count({})];
      await Promise.all(
        hubs.map((hub) =>
          hub.services.notices.triggers.challengeEvent({
            id: `replayed:${challenge._id}`,
            kind: 'PUBLISHED',
            challenge: { ...challenge },
          }),
        ),
      );
      expect(await notices().count({})).toBe(notes);
      expect(await deliveries().count({})).toBe(sends);
    });

    it("each delivery attempt runs once across three hubs' schedulers; failures are retried, then FAILED and shown to the member", async () => {
      // Ten webhook deliveries (company A's developer, ten challenges), three attempts each.
      expect(await deliveries().count({ channel: 'WEBHOOK' })).toBe(10);
      for (let round = 0; round < 6; round++) {
        now += 10_000;
        await Promise.all(hubs.map((hub) => hub.services.notices.deliveries.deliverDue()));
      }
      const rows = await deliveries().find({});
      expect(rows.map((r) => [r.status, r.attempts])).toEqual(rows.map(() => ['FAILED', 3]));
      const seen = await first.gql(
        `{ notices(first: 1) { nodes { deliveries { channel status attempts lastError target } } } }`,
        {},
        first.fixtures.keys.companyADev,
      );
      expect(seen.data.notices.nodes[0].deliveries).toEqual([
        {
          channel: 'WEBHOOK',
          status: 'FAILED',
          attempts: 3,
          lastError: 'The service notifications is not running on this hub.',
          target: 'https://hooks.example.gov.kr/maru',
        },
      ]);
      // The other company sees none of it.
      const other = await first.gql(
        `{ notices(first: 50) { nodes { deliveries { status } } } }`,
        {},
        first.fixtures.keys.companyBDev,
      );
      expect(other.data.notices.nodes.flatMap((n: { deliveries: unknown[] }) => n.deliveries)).toEqual([]);
    }, 60_000);
  });
}

describeOnEachEngine('notices_once', describeNoticesOnce);
