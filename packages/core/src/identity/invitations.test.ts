import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../graphql/global-id.js';
import { silentLogger, type HubLogger } from '../logger.js';
import { createTestHub, snapshotDomain, type TestHub } from '../testing/test-hub.js';
import type { InvitationMessage } from './invitation-mail.js';
import { INVITATION_VALIDITY_MS } from './invitation-service.js';

/** A mail service as an operator would run one: an HTTP server on 127.0.0.1 that takes the hub's JSON messages. */
async function startMailHook(): Promise<{ url: string; messages: InvitationMessage[]; server: Server }> {
  const messages: InvitationMessage[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      expect(req.method).toBe('POST');
      expect(req.headers['content-type']).toBe('application/json');
      messages.push(JSON.parse(body) as InvitationMessage);
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/mail`, messages, server };
}

const INVITE = `mutation($o: ID!, $e: String!, $r: [Role!]!) {
  inviteMember(input: { organizationId: $o, name: "Kim Jiwoo", email: $e, roles: $r }) {
    member { id email status roles }
    invitation { id email status expiresAt }
    delivery
  }
}`;

const gid = (type: string, doc: { _id: string }) => encodeGlobalId(type, doc._id);

describe('inviting members', () => {
  let hook: Awaited<ReturnType<typeof startMailHook>>;
  let hub: TestHub;
  let now: number;

  beforeAll(async () => {
    hook = await startMailHook();
  });
  afterAll(async () => {
    await new Promise((resolve) => hook.server.close(resolve));
  });
  beforeEach(async () => {
    hook.messages.length = 0;
    now = Date.parse('2025-03-01T09:00:00.000Z');
    hub = await createTestHub({
      mail: { webhookUrl: hook.url },
      publicUrl: 'https://maru.example.go.kr',
      clock: () => now,
    });
  });
  afterEach(async () => {
    await hub.close();
  });

  const invite = (email: string, key: string | undefined, org = hub.fixtures.companyA, roles = ['DEVELOPER']) =>
    hub.gql(INVITE, { o: gid('Organization', org), e: email, r: roles }, key);

  it('makes an INVITED member and a 7-day invitation, and posts the link to the mail hook', async () => {
    const res = await invite('  Kim.Jiwoo@Company-A.Example ', hub.fixtures.keys.companyAAdmin);
    expect(res.errors).toBeUndefined();
    const { member, invitation, delivery } = res.data.inviteMember;
    expect(member).toMatchObject({ email: 'kim.jiwoo@company-a.example', status: 'INVITED', roles: ['DEVELOPER'] });
    expect(invitation).toMatchObject({ email: 'kim.jiwoo@company-a.example', status: 'PENDING' });
    expect(Date.parse(invitation.expiresAt)).toBe(now + INVITATION_VALIDITY_MS);
    expect(delivery).toBe('SENT');

    const stored = (
      await hub.services.invitations.listOfOrganization(hub.fixtures.companyA._id, { limit: 10 })
    ).items.map((item) => item.doc);
    expect(hook.messages).toEqual([
      {
        kind: 'member.invitation',
        to: 'kim.jiwoo@company-a.example',
        organization: 'Company A',
        link: `https://maru.example.go.kr/auth/login?invitation=${stored[0]!._id}`,
        expiresAt: invitation.expiresAt,
      },
    ]);
    // The link goes to the person only: nothing the inviter can read holds it.
    expect(JSON.stringify(res)).not.toContain('auth/login');
    const events = await hub.services.audit.eventsMatching({ action: 'member.invite' });
    expect(events.map((e) => [e.outcome, e.targetId, e.organizationId])).toEqual([
      ['SUCCESS', stored[0]!.memberId, hub.fixtures.companyA._id],
    ]);
  });

  it('lists invitations to the organization’s admins only', async () => {
    await invite('a@company-a.example', hub.fixtures.keys.companyAAdmin);
    const query = `query($o: ID!) { organization(id: $o) { invitations { totalCount nodes { email status } } } }`;
    const own = await hub.gql(
      query,
      { o: gid('Organization', hub.fixtures.companyA) },
      hub.fixtures.keys.companyAAdmin,
    );
    expect(own.data.organization.invitations).toEqual({
      totalCount: 1,
      nodes: [{ email: 'a@company-a.example', status: 'PENDING' }],
    });
    const dev = await hub.gql(query, { o: gid('Organization', hub.fixtures.companyA) }, hub.fixtures.keys.companyADev);
    expect(dev.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('an INVITED member cannot authenticate; the first sign-in with the address activates them, audited', async () => {
    await invite('new@company-a.example', hub.fixtures.keys.companyAAdmin);
    const member = (await hub.services.members.byEmail('new@company-a.example'))!;
    const { secret } = await hub.services.apiKeys.issue(member, 'early', ['READ'], null);
    const early = await hub.gql(`{ viewer { email } }`, {}, secret);
    expect(early.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const active = await hub.services.invitations.acceptAtSignIn('NEW@company-a.example');
    expect(active).toMatchObject({ _id: member._id, status: 'ACTIVE' });
    const accepted = await hub.services.audit.eventsMatching({ action: 'member.invitationAccepted' });
    expect(accepted.map((e) => [e.outcome, e.targetId])).toEqual([['SUCCESS', member._id]]);
    expect((await hub.gql(`{ viewer { email } }`, {}, secret)).data.viewer.email).toBe('new@company-a.example');
    // Nothing pending any more: the sign-in treats the member as ACTIVE from now on.
    expect(await hub.services.invitations.acceptAtSignIn('new@company-a.example')).toBeNull();
    expect(await hub.services.invitations.acceptAtSignIn('nobody@company-a.example')).toBeNull();
  });

  it('an expired invitation is refused at sign-in with INVITATION_EXPIRED, nothing changed, audited', async () => {
    await invite('late@company-a.example', hub.fixtures.keys.companyAAdmin);
    now += INVITATION_VALIDITY_MS + 1;
    const before = await snapshotDomain(hub);
    await expect(hub.services.invitations.acceptAtSignIn('late@company-a.example')).rejects.toMatchObject({
      code: 'INVITATION_EXPIRED',
    });
    expect(await snapshotDomain(hub)).toBe(before);
    const events = await hub.services.audit.eventsMatching({ action: 'member.invitationAccepted' });
    expect(events.map((e) => e.outcome)).toEqual(['INVITATION_EXPIRED']);
    const listed = await hub.gql(
      `query($o: ID!) { organization(id: $o) { invitations { nodes { status } } } }`,
      { o: gid('Organization', hub.fixtures.companyA) },
      hub.fixtures.keys.companyAAdmin,
    );
    expect(listed.data.organization.invitations.nodes).toEqual([{ status: 'EXPIRED' }]);

    // Invited again: a new link, the old invitation revoked, and the sign-in works.
    const again = await invite('late@company-a.example', hub.fixtures.keys.companyAAdmin);
    expect(again.data.inviteMember.invitation.status).toBe('PENDING');
    expect(hook.messages).toHaveLength(2);
    expect(hook.messages[1]!.link).not.toBe(hook.messages[0]!.link);
    expect(await hub.services.invitations.acceptAtSignIn('late@company-a.example')).toMatchObject({ status: 'ACTIVE' });
  });

  it('a revoked invitation cannot be accepted; the member stays INVITED', async () => {
    const res = await invite('revoked@company-a.example', hub.fixtures.keys.companyAAdmin);
    const revoked = await hub.gql(
      `mutation($i: ID!) { revokeInvitation(id: $i) { invitation { status revokedAt } } }`,
      { i: res.data.inviteMember.invitation.id },
      hub.fixtures.keys.companyAAdmin,
    );
    expect(revoked.data.revokeInvitation.invitation.status).toBe('REVOKED');
    expect(await hub.services.invitations.acceptAtSignIn('revoked@company-a.example')).toBeNull();
    expect((await hub.services.members.byEmail('revoked@company-a.example'))!.status).toBe('INVITED');
    expect(await hub.services.audit.countEvents({ action: 'member.invitationRevoke', outcome: 'SUCCESS' })).toBe(1);
  });

  it.each([
    [
      'another organization’s admin',
      'companyBAdmin',
      'a@company-a.example',
      'DEVELOPER',
      'FORBIDDEN',
      /Only an admin of "Company A"/,
    ],
    ['a member without an admin role', 'companyADev', 'a@company-a.example', 'DEVELOPER', 'FORBIDDEN', /Only an admin/],
    [
      'a TEST key of the admin',
      'TEST',
      'a@company-a.example',
      'DEVELOPER',
      'FORBIDDEN',
      /^A TEST key cannot invite members; use a LIVE key\.$/,
    ],
    [
      'an address of another organization',
      'companyAAdmin',
      'CompanyBDev@test.example',
      'DEVELOPER',
      'MEMBER_EXISTS_ELSEWHERE',
      /another organization/,
    ],
    [
      'an address already a member here',
      'companyAAdmin',
      'companyadev@test.example',
      'DEVELOPER',
      'CONFLICT',
      /already a member of "Company A"/,
    ],
    [
      'a role not held in a company',
      'companyAAdmin',
      'a@company-a.example',
      'AGENCY_ADMIN',
      'BAD_USER_INPUT',
      /not a role in a company/,
    ],
  ])('refuses %s: %s', async (_what, caller, email, role, code, message) => {
    const key =
      caller === 'TEST'
        ? (await hub.services.apiKeys.issue(hub.fixtures.members.companyAAdmin!, 't', ['READ', 'ADMIN'], null, 'TEST'))
            .secret
        : hub.fixtures.keys[caller]!;
    const before = await snapshotDomain(hub);
    const res = await invite(email, key, hub.fixtures.companyA, [role]);
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual([code]);
    expect(res.errors![0]!.message).toMatch(message);
    expect(await snapshotDomain(hub)).toBe(before);
    expect(hook.messages).toEqual([]);
    const events = await hub.services.audit.eventsMatching({ action: 'member.invite' });
    expect(events.map((e) => [e.outcome, e.organizationId])).toEqual([[code, hub.fixtures.companyA._id]]);
  });
});

describe('inviting without a mail hook', () => {
  it('still makes the invitation, says NOT_CONFIGURED, and logs the link for the operator', async () => {
    const warnings: Array<{ fields: object; message?: string }> = [];
    const logger: HubLogger = { ...silentLogger, warn: (fields, message) => warnings.push({ fields, message }) };
    logger.child = () => logger;
    const hub = await createTestHub({ logger });
    try {
      const res = await hub.gql(
        INVITE,
        { o: gid('Organization', hub.fixtures.companyB), e: 'solo@company-b.example', r: ['DEVELOPER'] },
        hub.fixtures.keys.companyBAdmin,
      );
      expect(res.data.inviteMember.delivery).toBe('NOT_CONFIGURED');
      expect(res.data.inviteMember.invitation.status).toBe('PENDING');
      const warning = warnings.find((w) => w.message?.includes('MARU_MAIL_WEBHOOK_URL'))!;
      expect(warning.message).toMatch(/Send this link to the person yourself/);
      expect(warning.fields).toMatchObject({
        to: 'solo@company-b.example',
        link: expect.stringMatching(/^\/auth\/login\?invitation=/),
      });
    } finally {
      await hub.close();
    }
  });
});
