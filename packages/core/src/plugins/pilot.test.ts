import { describe, expect, it } from 'vitest';
import type { Viewer } from '../identity/index.js';
import { encodeGlobalId } from '../graphql/global-id.js';
import { createTestHub, snapshotDomain, storedTables, type TestHub } from '../testing/test-hub.js';
import { bundledFixture } from './fixtures/bundle-fixture.js';

const fixture = bundledFixture('test-plugin.mjs');

async function viewer(hub: TestHub, handle: string): Promise<Viewer> {
  const member = hub.fixtures.members[handle]!;
  const organization = (await hub.services.organizations.get(member.organizationId))!;
  const apiKey = (await storedTables(hub).apiKeys.findOne({ memberId: member._id }))!;
  return { member, organization, apiKey };
}

/** A challenge walked to AWARDED through the services, its winner offering `pluginPackage`. */
async function awardedChallenge(hub: TestHub, pluginPackage: { name: string; version: string }) {
  const s = hub.services;
  const manager = await viewer(hub, 'bureauManager');
  const company = await viewer(hub, 'companyAAdmin');
  const reviewer = await viewer(hub, 'divisionReviewer');
  const deadline = new Date(Date.now() + 86_400_000).toISOString();
  const challenge = await s.challenges.create(manager, hub.fixtures.bureau._id, {
    title: 'Address lookup for shelters',
    summary: 'Find addresses fast',
    type: 'PROTOTYPE',
    criteria: [{ key: 'impact', name: 'Impact', weight: 100 }],
    submissionDeadline: deadline,
    evaluationEnd: new Date(Date.now() + 2 * 86_400_000).toISOString(),
  });
  await s.challenges.transition(manager, challenge._id, 'publish');
  const draft = await s.submissions.create(company, challenge._id, {
    title: 'Our plugin',
    proposal: 'It looks addresses up.',
    pluginPackage,
  });
  await s.submissions.submit(company, draft._id, true);
  await s.challenges.assignReviewers(manager, challenge._id, [reviewer.member._id]);
  await s.challenges.transition(manager, challenge._id, 'close');
  await s.challenges.transition(manager, challenge._id, 'startEvaluation');
  // Reviewers declare no conflict of interest before scoring, where the hub asks for it (issue #20 item 5).
  const declare = (s.reviews as { declareNoConflict?: (v: Viewer, id: string) => Promise<unknown> }).declareNoConflict;
  if (declare) await declare.call(s.reviews, reviewer, challenge._id);
  await s.reviews.score(reviewer, draft._id, { scores: [{ criterionKey: 'impact', score: 9, comment: '' }] });
  await s.reviews.award(manager, challenge._id, { winners: [{ submissionId: draft._id }] });
  return encodeGlobalId('Challenge', challenge._id);
}

const serviceCount = async (hub: TestHub) => (await hub.services.catalogue.list({ limit: 100 })).items.length;

const launch = `mutation($c: ID!) { launchPilotService(challengeId: $c, approvedCapabilities: ["fetch", "kv", "events:emit", "events:receive", "data:read"]) { plugin { name version status } services { key status challenge { title status } } } }`;

describe('challenge → pilot service', () => {
  it('installs the winning plugin as a PILOT service linked to the challenge, in one mutation', async () => {
    const hub = await createTestHub({
      pluginOptions: { allowUnsigned: true },
      resolvePluginPackage: async (name, version) =>
        name === '@maru-test/misbehaving' && version === '1.0.0' ? fixture : Promise.reject(new Error('not installed')),
    });
    const challengeId = await awardedChallenge(hub, { name: '@maru-test/misbehaving', version: '1.0.0' });
    const before = await snapshotDomain(hub);
    const refused = await hub.gql(launch, { c: challengeId }, hub.fixtures.keys.bureauAdmin);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await snapshotDomain(hub)).toBe(before);
    expect(await serviceCount(hub)).toBe(0);

    const res = await hub.gql(launch, { c: challengeId }, hub.fixtures.keys.platformAdmin);
    expect(res.errors).toBeUndefined();
    expect(res.data.launchPilotService).toEqual({
      plugin: { name: '@maru-test/misbehaving', version: '1.0.0', status: 'ENABLED' },
      services: [
        { key: 'misbehaving', status: 'PILOT', challenge: { title: 'Address lookup for shelters', status: 'AWARDED' } },
      ],
    });
    const shown = await hub.gql('query($c: ID!) { challenge(id: $c) { pilotServices { key status } } }', {
      c: challengeId,
    });
    expect(shown.data.challenge.pilotServices).toEqual([{ key: 'misbehaving', status: 'PILOT' }]);
    await hub.close();
  });

  it('refuses a plugin that is not installed at the exact version, changing nothing', async () => {
    const hub = await createTestHub({
      resolvePluginPackage: async () => Promise.reject(new Error('version 0.9.0 is installed; install exactly 1.0.0')),
    });
    const challengeId = await awardedChallenge(hub, { name: '@maru-test/misbehaving', version: '1.0.0' });
    const res = await hub.gql(launch, { c: challengeId }, hub.fixtures.keys.platformAdmin);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'submissionId' });
    expect(res.errors?.[0]?.message).toMatch(/install exactly 1\.0\.0/);
    expect(await serviceCount(hub)).toBe(0);
    await hub.close();
  });

  it('refuses a resolved package that is not the one the submission names, recording nothing', async () => {
    const hub = await createTestHub({
      pluginOptions: { allowUnsigned: true },
      resolvePluginPackage: async () => fixture,
    });
    const challengeId = await awardedChallenge(hub, { name: '@acme/address', version: '1.0.0' });
    const res = await hub.gql(launch, { c: challengeId }, hub.fixtures.keys.platformAdmin);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'submissionId' });
    expect(res.errors?.[0]?.message).toMatch(/not the expected @acme\/address@1\.0\.0/);
    expect((await hub.services.plugins.installed()).length).toBe(0);
    expect(await serviceCount(hub)).toBe(0);
    await hub.close();
  });
});
