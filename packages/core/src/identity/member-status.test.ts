import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../graphql/global-id.js';
import { createTestHub, snapshotDomain, type TestHub } from '../testing/test-hub.js';

const DISABLE = `mutation($m: ID!) { disableMember(id: $m) { member { status } } }`;
const ENABLE = `mutation($m: ID!) { enableMember(id: $m) { member { status } } }`;
const gid = (type: string, doc: { _id: string }) => encodeGlobalId(type, doc._id);

describe('disabling and enabling members', () => {
  let hub: TestHub;
  beforeEach(async () => {
    hub = await createTestHub();
  });
  afterEach(async () => {
    await hub.close();
  });

  /** A request as a browser sends it: the session cookie and its CSRF header. */
  const asSession = async (memberId: string) => {
    const { session, token } = await hub.services.sessions.start(memberId);
    return () =>
      hub.fetch('http://hub.test/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: `maru_session=${token}`,
          'x-maru-csrf': session.csrfToken,
        },
        body: JSON.stringify({ query: '{ viewer { email } }' }),
      });
  };

  it("a disabled member's API keys and sessions stop working at once, and work again when enabled", async () => {
    const { members, keys } = hub.fixtures;
    const dev = members.companyADev!;
    const viewerOf = async (key: string) => (await hub.gql(`{ viewer { email } }`, {}, key)).errors?.[0]?.extensions;
    const browser = await asSession(dev._id);
    expect((await (await browser()).json()).data.viewer.email).toBe(dev.email);

    const off = await hub.gql(DISABLE, { m: gid('Member', dev) }, keys.companyAAdmin);
    expect(off.data.disableMember.member.status).toBe('DISABLED');
    expect(await viewerOf(keys.companyADev!)).toMatchObject({ code: 'UNAUTHENTICATED' });
    const refusedSession = await (await browser()).json();
    expect(refusedSession.errors[0].extensions.code).toBe('SESSION_EXPIRED');

    const on = await hub.gql(ENABLE, { m: gid('Member', dev) }, keys.companyAAdmin);
    expect(on.data.enableMember.member.status).toBe('ACTIVE');
    expect(await viewerOf(keys.companyADev!)).toBeUndefined();
    const events = await hub.services.audit.eventsMatching({ targetId: dev._id });
    expect(events.map((e) => [e.action, e.outcome])).toEqual([
      ['member.disable', 'SUCCESS'],
      ['member.enable', 'SUCCESS'],
    ]);
  });

  it.each([
    ['another organization’s admin', 'companyBAdmin', 'companyADev', DISABLE, 'FORBIDDEN'],
    ['a member without an admin role', 'companyADev', 'companyAAdmin', DISABLE, 'FORBIDDEN'],
    ['an agency admin, for the agency above', 'divisionAdmin', 'bureauManager', DISABLE, 'FORBIDDEN'],
    ['the last platform admin, themself', 'platformAdmin', 'platformAdmin', DISABLE, 'LAST_PLATFORM_ADMIN'],
    ['an admin, themself', 'companyAAdmin', 'companyAAdmin', DISABLE, 'BAD_USER_INPUT'],
  ])('refuses %s: %s', async (_what, caller, target, query, code) => {
    const member = hub.fixtures.members[target]!;
    const before = await snapshotDomain(hub);
    const res = await hub.gql(query, { m: gid('Member', member) }, hub.fixtures.keys[caller]);
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual([code]);
    expect(await snapshotDomain(hub)).toBe(before);
    const events = await hub.services.audit.eventsMatching({ action: 'member.disable' });
    expect(events.map((e) => [e.outcome, e.targetId])).toEqual([[code, member._id]]);
  });

  it('a TEST key cannot disable anyone', async () => {
    const { secret } = await hub.services.apiKeys.issue(
      hub.fixtures.members.companyAAdmin!,
      'sandbox',
      ['READ', 'WRITE', 'ADMIN'],
      null,
      'TEST',
    );
    const before = await snapshotDomain(hub);
    const res = await hub.gql(DISABLE, { m: gid('Member', hub.fixtures.members.companyADev!) }, secret);
    expect(res.errors?.[0]).toMatchObject({
      message: 'A TEST key cannot disable or enable members; use a LIVE key.',
      extensions: { code: 'FORBIDDEN' },
    });
    expect(await snapshotDomain(hub)).toBe(before);
    expect(await hub.services.audit.countEvents({ action: 'member.disable', outcome: 'FORBIDDEN' })).toBe(1);
  });

  it('with a second platform admin, one may be disabled; an INVITED member is not enabled by hand', async () => {
    const { platform, members, keys } = hub.fixtures;
    const second = (
      await hub.services.members.seed({
        organizationId: platform._id,
        name: 'Second',
        email: 'second@platform.example',
        roles: ['PLATFORM_ADMIN'],
      })
    ).member;
    const res = await hub.gql(DISABLE, { m: gid('Member', second) }, keys.platformAdmin);
    expect(res.data.disableMember.member.status).toBe('DISABLED');
    // Now the first is the last one again.
    const last = await hub.gql(DISABLE, { m: gid('Member', members.platformAdmin!) }, keys.platformAdmin);
    expect(last.errors?.[0]?.extensions?.code).toBe('LAST_PLATFORM_ADMIN');

    const invited = (
      await hub.services.members.seed({
        organizationId: platform._id,
        name: 'Invited',
        email: 'invited@platform.example',
        roles: ['DEVELOPER'],
        status: 'INVITED',
      })
    ).member;
    const enable = await hub.gql(ENABLE, { m: gid('Member', invited) }, keys.platformAdmin);
    expect(enable.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(enable.errors?.[0]?.message).toMatch(/first sign-in/);
  });
});
