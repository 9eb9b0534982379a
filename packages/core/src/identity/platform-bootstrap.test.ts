import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../create-hub.js';
import { createSqliteStore } from '../store/sqlite/sqlite-store.js';
import { snapshotDomain } from '../testing/test-hub.js';

describe('bootstrapping the platform (maru-hub setup)', () => {
  let hub: Hub;
  beforeEach(async () => {
    hub = await createHub({
      store: createSqliteStore({ dataDir: ':memory:' }),
      graphiql: false,
      publicUrl: 'https://maru.example.go.kr/',
    });
  });
  afterEach(async () => {
    await hub.close();
  });

  const admin = { email: 'Ops@Maru.Example.go.kr', name: 'Operator', organizationName: '마루 운영팀' };

  it('makes the platform organization and an ACTIVE admin with a LIVE ADMIN key, once', async () => {
    const first = await hub.services.bootstrap({ ...admin, signIn: 'API_KEY' });
    expect(first.outcome).toBe('BOOTSTRAPPED');
    expect(first.organization).toMatchObject({ kind: 'PLATFORM', name: '마루 운영팀', slug: 'platform' });
    expect(first.member).toMatchObject({
      email: 'ops@maru.example.go.kr',
      status: 'ACTIVE',
      roles: ['PLATFORM_ADMIN'],
    });
    expect(first.signIn).toMatchObject({ kind: 'API_KEY', secret: expect.stringMatching(/^maru_/) });
    const secret = first.signIn!.kind === 'API_KEY' ? first.signIn!.secret : '';
    const viewer = await hub.services.authenticate({
      authorization: `Bearer ${secret}`,
      sessionCookie: null,
      csrfHeader: null,
    });
    expect(viewer.viewer!.apiKey).toMatchObject({ mode: 'LIVE', scopes: ['READ', 'WRITE', 'ADMIN'] });
    const events = await hub.services.audit.eventsMatching({ action: 'platform.bootstrapped' });
    expect(events.map((e) => [e.outcome, e.actorMemberId, e.targetId])).toEqual([['SUCCESS', null, first.member._id]]);

    // Again with the same address: already set up, nothing new, no second key.
    const before = await snapshotDomain(hub);
    const again = await hub.services.bootstrap({ ...admin, email: 'ops@maru.example.go.kr', signIn: 'API_KEY' });
    expect(again).toMatchObject({ outcome: 'ALREADY_SET_UP', signIn: null, member: { _id: first.member._id } });
    expect(await snapshotDomain(hub)).toBe(before);
  });

  it('with OIDC, the admin is INVITED and gets a sign-in link that activates them', async () => {
    const result = await hub.services.bootstrap({ ...admin, signIn: 'INVITATION' });
    expect(result.member.status).toBe('INVITED');
    expect(result.signIn).toMatchObject({
      kind: 'INVITATION',
      link: expect.stringMatching(/^https:\/\/maru\.example\.go\.kr\/auth\/login\?invitation=\w+$/),
    });
    // Run again before the first sign-in (the link lost): a new link, the old invitation revoked.
    const again = await hub.services.bootstrap({ ...admin, signIn: 'INVITATION' });
    expect(again.outcome).toBe('ALREADY_SET_UP');
    expect(again.signIn).toMatchObject({ kind: 'INVITATION' });
    expect(again.signIn).not.toEqual(result.signIn);
    expect(await hub.services.audit.countEvents({ action: 'platform.invitationRenewed' })).toBe(1);
    const active = await hub.services.invitations.acceptAtSignIn('ops@maru.example.go.kr');
    expect(active).toMatchObject({ _id: result.member._id, status: 'ACTIVE' });
  });

  it('refuses another address while a platform admin exists, unless told to add one (audited)', async () => {
    await hub.services.bootstrap({ ...admin, signIn: 'INVITATION' });
    const before = await snapshotDomain(hub);
    await expect(
      hub.services.bootstrap({ ...admin, email: 'second@maru.example.go.kr', signIn: 'API_KEY' }),
    ).rejects.toMatchObject({ code: 'PLATFORM_ALREADY_SET_UP' });
    expect(await snapshotDomain(hub)).toBe(before);
    expect(await hub.services.audit.countEvents({ outcome: 'PLATFORM_ALREADY_SET_UP' })).toBe(1);

    const added = await hub.services.bootstrap({
      ...admin,
      email: 'second@maru.example.go.kr',
      addAdmin: true,
      signIn: 'API_KEY',
    });
    expect(added.outcome).toBe('ADMIN_ADDED');
    expect(added.organization.name).toBe('마루 운영팀');
    expect(await hub.services.audit.countEvents({ action: 'platform.adminAdded', outcome: 'SUCCESS' })).toBe(1);
  });

  it('refuses an address that belongs to a member of another organization', async () => {
    const { organization } = await hub.services.organizations.seed({ kind: 'COMPANY', name: 'A', slug: 'a' });
    await hub.services.members.seed({
      organizationId: organization._id,
      name: 'Dev',
      email: 'dev@a.example',
      roles: ['DEVELOPER'],
    });
    const before = await snapshotDomain(hub);
    await expect(hub.services.bootstrap({ ...admin, email: 'dev@a.example', signIn: 'API_KEY' })).rejects.toMatchObject(
      { code: 'MEMBER_EXISTS_ELSEWHERE' },
    );
    expect(await snapshotDomain(hub)).toBe(before);
  });

  it('makes one first admin when setup runs several times at once (a race): the others are refused, nothing of theirs stays', async () => {
    const results = await Promise.allSettled([
      hub.services.bootstrap({ email: 'a@maru.example', name: 'A', signIn: 'API_KEY' }),
      hub.services.bootstrap({ email: 'b@maru.example', name: 'B', signIn: 'API_KEY' }),
      hub.services.bootstrap({ email: 'b@maru.example', name: 'B', signIn: 'API_KEY' }),
      hub.services.bootstrap({ email: 'c@maru.example', name: 'C', signIn: 'INVITATION' }),
    ]);
    const made = results.flatMap((r) => (r.status === 'fulfilled' && r.value.signIn ? [r.value] : []));
    expect(made).toHaveLength(1);
    expect(made[0]!.outcome).toBe('BOOTSTRAPPED');
    for (const r of results)
      if (r.status === 'rejected') expect((r.reason as { code: string }).code).toBe('PLATFORM_ALREADY_SET_UP');
      else if (!r.value.signIn) expect(r.value.outcome).toBe('ALREADY_SET_UP');
    expect(await hub.services.members.countPlatformAdmins()).toBe(1);
    const keys = await hub.store.collection('api_keys').count({});
    const invitations = await hub.store.collection('member_invitations').count({});
    expect(keys + invitations).toBe(1);
    expect(await hub.services.audit.countEvents({ action: 'platform.bootstrapped', outcome: 'SUCCESS' })).toBe(1);
    const refused = results.filter((r) => r.status === 'rejected').length;
    expect(
      await hub.services.audit.countEvents({ action: 'platform.bootstrapped', outcome: 'PLATFORM_ALREADY_SET_UP' }),
    ).toBe(refused);
  });
});
