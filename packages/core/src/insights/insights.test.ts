import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeGlobalId, encodeGlobalId } from '../graphql/global-id.js';
import { bundledFixture } from '../plugins/fixtures/bundle-fixture.js';
import { expectRefused } from '../testing/expect-refused.js';
import { createTestHub, storedTables, type TestHub } from '../testing/test-hub.js';

const DAY = 86_400_000;
const INSIGHTS = `query($o: ID, $days: Int) { insights(organizationId: $o, days: $days) {
  organization { slug } since
  participation { challenges { title entries byStatus { status count } } phases { phase entries drafts }
    weeks { week submitted } sizeBands { sizeBand entries organizations } regions { region entries organizations } }
  timeToAward { agency { slug } awarded medianDays minDays maxDays }
  serviceUsage { perDay { serviceKey day calls failures } perConsumer { serviceKey consumer { slug } calls failures } }
} }`;
const USAGE = `query($o: ID) { insights(organizationId: $o) { serviceUsage { perConsumer { consumer { slug } calls } } } }`;

describe('insights', () => {
  let hub: TestHub;
  let now = Date.parse('2027-01-04T09:00:00Z'); // a Monday
  const org = (o: { _id: string }) => encodeGlobalId('Organization', o._id);
  const ok = async (query: string, variables: Record<string, unknown>, key?: string | null) => {
    const res = await hub.gql(query, variables, key);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data;
  };

  /** A bureau challenge published now, entered by `submitters` (and drafted by `drafters`), awarded after `days`. */
  const awardedChallenge = async (title: string, submitters: string[], drafters: string[], days: number) => {
    const { keys, bureau } = hub.fixtures;
    const start = now;
    const created = await ok(
      `mutation($i: CreateChallengeInput!) { createChallenge(input: $i) { challenge { id } } }`,
      {
        i: {
          agencyId: org(bureau),
          title,
          summary: 'For insights',
          type: 'IDEA',
          criteria: [{ key: 'impact', name: 'Impact', weight: 100 }],
          submissionDeadline: new Date(start + 5 * DAY).toISOString(),
          evaluationEnd: new Date(start + 60 * DAY).toISOString(),
        },
      },
      keys.bureauManager,
    );
    const id = created.createChallenge.challenge.id;
    await ok(`mutation($id: ID!) { publishChallenge(id: $id) { challenge { status } } }`, { id }, keys.bureauManager);
    const entries: string[] = [];
    for (const key of [...submitters, ...drafters]) {
      const s = await ok(
        `mutation($c: ID!) { createSubmission(input: { challengeId: $c, title: "Entry", proposal: "We build it." }) { submission { id } } }`,
        { c: id },
        key,
      );
      if (submitters.includes(key)) {
        await ok(
          `mutation($id: ID!) { submitSubmission(id: $id, acknowledgeTerms: true) { submission { status } } }`,
          { id: s.createSubmission.submission.id },
          key,
        );
        entries.push(s.createSubmission.submission.id);
      }
    }
    now = start + 6 * DAY;
    await hub.services.challenges.closeDue();
    await ok(
      `mutation($id: ID!) { startChallengeEvaluation(id: $id) { challenge { status } } }`,
      { id },
      keys.bureauManager,
    );
    now = start + days * DAY;
    await ok(
      `mutation($id: ID!, $w: [WinnerInput!]!) { awardChallenge(id: $id, winners: $w) { challenge { status } } }`,
      { id, w: [{ submissionId: entries[0] }] },
      keys.bureauManager,
    );
    now = start;
    return id as string;
  };

  beforeAll(async () => {
    hub = await createTestHub({
      clock: () => now,
      plugins: [{ entry: bundledFixture('test-plugin.mjs'), capabilities: ['kv'] }],
      // A deadline no busy CI machine reaches (a call timed out at 300 ms once, with every suite running at once):
      // these tests count calls, they do not time them.
      pluginOptions: { deadlineMs: 3_000, maxHeapMb: 32, allowUnsigned: true },
    });
    const { keys, companyA, companyB } = hub.fixtures;
    // The companies' admins set their profiles.
    for (const [o, key, input] of [
      [companyA, keys.companyAAdmin, { sizeBand: 'SMALL', region: 'SEOUL', industry: 'J' }],
      [companyB, keys.companyBAdmin, { sizeBand: 'MICRO', region: 'BUSAN' }],
    ] as const)
      await ok(
        `mutation($id: ID!, $i: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $i) { organization { sizeBand region industry } } }`,
        { id: org(o), i: input },
        key,
      );
    // Two awarded challenges of the bureau: 14 and 20 days from publication to award.
    const first = await awardedChallenge('Shelter finder', [keys.companyAAdmin!, keys.companyBAdmin!], [], 14);
    now += 7 * DAY;
    await awardedChallenge('Bus stop signs', [keys.companyAAdmin!], [keys.companyBAdmin!], 20);
    // Both companies call the test plugin's service, launched as the first challenge's pilot: the bureau owns it.
    await hub.services.catalogue.launchAsPilot('misbehaving', decodeGlobalId(first).id);
    for (const [key, admin, calls] of [
      [keys.companyADev!, keys.companyAAdmin!, 3],
      [keys.companyBDev!, keys.companyBAdmin!, 2],
    ] as const) {
      const requested = await ok(
        'mutation { requestServiceAccess(service: "misbehaving", purpose: "Insights test") { grant { id } } }',
        {},
        admin,
      );
      await ok(
        'mutation($id: ID!) { approveServiceAccess(id: $id) { grant { status } } }',
        { id: requested.requestServiceAccess.grant.id },
        keys.platformAdmin,
      );
      for (let i = 0; i < calls; i++)
        await ok('query { serviceQuery(service: "misbehaving", operation: "echo", input: { text: "hi" }) }', {}, key);
    }
  }, 60_000);
  afterAll(() => hub.close());

  it('edits the organization profile by its admins only, with coded refusals that change nothing', async () => {
    const { keys, companyA } = hub.fixtures;
    const UPDATE = `mutation($id: ID!, $i: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $i) { organization { sizeBand } } }`;
    await expectRefused(hub, 'FORBIDDEN', () =>
      hub.gql(UPDATE, { id: org(companyA), i: { sizeBand: 'LARGE' } }, keys.companyBAdmin),
    );
    await expectRefused(hub, 'FORBIDDEN', () =>
      hub.gql(UPDATE, { id: org(companyA), i: { sizeBand: 'LARGE' } }, keys.companyADev),
    );
    await expectRefused(hub, 'BAD_USER_INPUT', () =>
      hub.gql(UPDATE, { id: org(companyA), i: { region: 'ATLANTIS' } }, keys.companyAAdmin),
    );
    const read = await ok(`query($id: ID!) { organization(id: $id) { sizeBand region industry } }`, {
      id: org(companyA),
    });
    expect(read.organization).toEqual({ sizeBand: 'SMALL', region: 'SEOUL', industry: 'J' });
  });

  it("gives an agency its participation, time to award and its services' usage, counted per challenge, phase, week, band and region", async () => {
    const { keys, bureau } = hub.fixtures;
    const data = await ok(INSIGHTS, { o: org(bureau), days: 90 }, keys.bureauManager);
    const { participation, timeToAward, serviceUsage } = data.insights;
    expect(data.insights.organization).toEqual({ slug: 'bureau' });
    expect(participation.challenges).toEqual([
      {
        title: 'Shelter finder',
        entries: 2,
        byStatus: [
          { status: 'REJECTED', count: 1 },
          { status: 'WINNER', count: 1 },
        ],
      },
      {
        title: 'Bus stop signs',
        entries: 1,
        byStatus: [
          { status: 'DRAFT', count: 1 },
          { status: 'WINNER', count: 1 },
        ],
      },
    ]);
    expect(participation.phases).toEqual([{ phase: 0, entries: 3, drafts: 1 }]);
    expect(participation.weeks).toEqual([
      { week: '2027-01-04', submitted: 2 },
      { week: '2027-01-11', submitted: 1 },
    ]);
    expect(participation.sizeBands).toEqual([
      { sizeBand: 'SMALL', entries: 2, organizations: 1 },
      { sizeBand: 'MICRO', entries: 1, organizations: 1 },
    ]);
    expect(participation.regions).toEqual([
      { region: 'SEOUL', entries: 2, organizations: 1 },
      { region: 'BUSAN', entries: 1, organizations: 1 },
    ]);
    expect(timeToAward).toEqual([{ agency: { slug: 'bureau' }, awarded: 2, medianDays: 17, minDays: 14, maxDays: 20 }]);
    // The bureau owns the pilot: every consumer's calls.
    expect(serviceUsage.perConsumer).toEqual([
      { serviceKey: 'misbehaving', consumer: { slug: 'company-a' }, calls: 3, failures: 0 },
      { serviceKey: 'misbehaving', consumer: { slug: 'company-b' }, calls: 2, failures: 0 },
    ]);
    expect(serviceUsage.perDay).toEqual([{ serviceKey: 'misbehaving', day: '2027-01-11', calls: 5, failures: 0 }]);
    // The ministry above sees the bureau's figures, also within its own.
    const above = await ok(INSIGHTS, { o: org(hub.fixtures.ministry) }, keys.ministryAdmin);
    expect(above.insights.timeToAward).toEqual(timeToAward);
    expect(above.insights.participation.challenges).toEqual(participation.challenges);
  });

  it('shows a consumer its own usage only, in insights and in Service.dailyUsage', async () => {
    const { keys, companyB, bureau } = hub.fixtures;
    const mine = await ok(USAGE, { o: org(companyB) }, keys.companyBDev);
    expect(mine.insights.serviceUsage.perConsumer).toEqual([{ consumer: { slug: 'company-b' }, calls: 2 }]);
    const daily = (key: string) => hub.gql('{ service(key: "misbehaving") { dailyUsage { day calls } } }', {}, key);
    expect((await daily(keys.companyBDev!)).data.service.dailyUsage).toEqual([{ day: '2027-01-11', calls: 2 }]);
    expect((await daily(keys.bureauManager!)).data.service.dailyUsage).toEqual([{ day: '2027-01-11', calls: 5 }]);
    expect((await daily(keys.platformAdmin!)).data.service.dailyUsage).toEqual([{ day: '2027-01-11', calls: 5 }]);
    // The division below the bureau neither owns the pilot nor called it.
    expect((await daily(keys.divisionAdmin!)).data.service.dailyUsage).toEqual([]);
    const platform = await ok(USAGE, { o: null }, keys.platformAdmin);
    expect(platform.insights.serviceUsage.perConsumer).toHaveLength(2);
    expect((await ok(USAGE, { o: org(bureau) }, keys.platformAdmin)).insights.serviceUsage.perConsumer).toHaveLength(2);
  });

  it("refuses another organization's insights with FORBIDDEN, changes nothing and audits the refusal", async () => {
    const { keys, companyA, bureau, members } = hub.fixtures;
    const events = storedTables(hub).auditEvents;
    const cases: Array<[string, string | null, string]> = [
      [keys.companyBAdmin!, org(companyA), members.companyBAdmin!._id],
      [keys.companyADev!, org(bureau), members.companyADev!._id],
      // Below does not see above.
      [keys.divisionAdmin!, org(bureau), members.divisionAdmin!._id],
      // Only platform admins see the whole platform.
      [keys.bureauManager!, null, members.bureauManager!._id],
    ];
    for (const [key, target, memberId] of cases) {
      const before = await events.count({ action: 'insights.read', actorMemberId: memberId });
      const res = await expectRefused(hub, 'FORBIDDEN', () => hub.gql(USAGE, { o: target }, key));
      expect(res.data?.insights ?? null).toBeNull();
      const trail = await events.find({ action: 'insights.read', actorMemberId: memberId }, { sort: [['seq', -1]] });
      expect(trail).toHaveLength(before + 1);
      expect(trail[0]).toMatchObject({ outcome: 'FORBIDDEN', targetId: target ? expect.any(String) : null });
    }
  });

  it('refuses anonymous callers and bad windows with codes', async () => {
    const { keys, bureau } = hub.fixtures;
    await expectRefused(hub, 'UNAUTHENTICATED', () => hub.gql(USAGE, { o: org(bureau) }, null));
    await expectRefused(hub, 'BAD_USER_INPUT', () =>
      hub.gql(
        `query($o: ID) { insights(organizationId: $o, days: 0) { since } }`,
        { o: org(bureau) },
        keys.bureauManager,
      ),
    );
  });
});
