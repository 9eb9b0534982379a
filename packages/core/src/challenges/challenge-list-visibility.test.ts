import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../graphql/global-id.js';
import { newId } from '../ids.js';
import type { Organization } from '../identity/index.js';
import { createTestHub, type TestHub } from '../testing/test-hub.js';
import { CHALLENGE_STATUSES, type Challenge, type ChallengeStatus } from './model.js';

// `challengeListFilter` shapes its status clause for the indexes (see challenge-list.ts);
// whatever the shape, the list must show exactly what `canSeeChallenge` allows.
describe('challenge list: drafts stay with their agency, whatever the status filter', () => {
  let hub: TestHub;
  const all: Array<Pick<Challenge, '_id' | 'status' | 'agencyPath' | 'publishedAt'>> = [];

  beforeAll(async () => {
    hub = await createTestHub();
    const { bureau, division } = hub.fixtures;
    for (const agency of [bureau, division] as Organization[]) {
      // Every status, plus a draft cancelled before it was ever published.
      for (const [status, published] of [
        ...CHALLENGE_STATUSES.map((s) => [s, s !== 'DRAFT'] as const),
        ['CANCELLED', false] as const,
      ]) {
        const at = new Date(Date.parse('2027-01-01T00:00:00Z') + all.length * 1000).toISOString();
        const doc: Challenge = {
          _id: newId(),
          agencyId: agency._id,
          agencyPath: [...agency.ancestorIds, agency._id],
          status,
          title: `${agency.slug} ${status}`,
          summary: '',
          problemStatement: '',
          tags: [],
          type: 'IDEA',
          dataConnectionIds: [],
          serviceIds: [],
          criteria: [],
          prize: null,
          eligibility: { organizationKinds: ['COMPANY'], minTeamSize: 1, maxTeamSize: null },
          terms: '',
          submissionDeadline: at,
          evaluationEnd: at,
          phases: [],
          currentPhase: 0,
          cancelReason: null,
          reviewerIds: [],
          searchText: '',
          createdById: 'test',
          createdAt: at,
          updatedAt: at,
          publishedAt: published ? at : null,
          closedAt: null,
          awardedAt: null,
          awardNote: null,
          winnerSubmissionIds: [],
          version: 1,
        };
        await hub.store.collection<Challenge>('challenges').insertOne(doc);
        all.push(doc);
      }
    }
  });
  afterAll(() => hub.close());

  const viewers: Array<[string, string | null, (f: TestHub['fixtures']) => string | 'ALL' | null]> = [
    ['anonymous', null, () => null],
    ['another organization', 'companyADev', (f) => f.companyA._id],
    ['the division (owns one set of drafts)', 'divisionReviewer', (f) => f.division._id],
    ['the bureau (above the division)', 'bureauManager', (f) => f.bureau._id],
    ['the ministry (above both)', 'ministryAdmin', (f) => f.ministry._id],
    ['a platform admin', 'platformAdmin', () => 'ALL'],
  ];
  const filters: Array<ChallengeStatus[] | null> = [
    null,
    ['DRAFT'],
    ['OPEN'],
    ['DRAFT', 'OPEN'],
    ['CLOSED', 'AWARDED'],
    [...CHALLENGE_STATUSES],
  ];

  for (const [who, key, orgOf] of viewers) {
    it(`shows ${who} exactly the challenges it may see`, async () => {
      const org = orgOf(hub.fixtures);
      for (const statuses of filters) {
        const res = await hub.gql<{ challenges: { nodes: Array<{ id: string }> } }>(
          `query($s: [ChallengeStatus!]) { challenges(first: 100, filter: { statuses: $s }) { nodes { id } } }`,
          { s: statuses },
          key && hub.fixtures.keys[key],
        );
        expect(res.errors).toBeUndefined();
        const expected = all
          .filter((c) => !statuses || statuses.includes(c.status))
          .filter(
            (c) =>
              (c.status !== 'DRAFT' && c.publishedAt !== null) ||
              org === 'ALL' ||
              (org !== null && c.agencyPath.includes(org)),
          )
          .map((c) => encodeGlobalId('Challenge', c._id));
        expect(
          res.data!.challenges.nodes.map((n) => n.id).sort(),
          `${who}, statuses ${JSON.stringify(statuses)}`,
        ).toEqual(expected.sort());
      }
    });
  }
});
