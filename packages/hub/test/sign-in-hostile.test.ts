/**
 * People's sign-in over real HTTP, as an intruder would try it (issue #17): an invited member through the real
 * OpenID Connect provider and the mail hook, session rotation and fixation, open redirects, CSRF tokens of another
 * session, replayed sign-in cookies, roles changed under a live session, sign-out everywhere, TEST keys, and the
 * demo sign-in with cross-site forms.
 */
import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, startHub, type RunningHub } from '../src/index.js';
import { tempDir } from './helpers.js';
import { Browser, freePort } from './oidc-browser.js';
import { startTestProvider, type TestProvider } from '@maru/devtools/test-support/oidc';

type Hub = RunningHub['hub'];

/** The identity tables (see oidc.test.ts: @maru/core/testing would load a second graphql). */
async function snapshotDomain(hub: Hub): Promise<string> {
  const names = ['organizations', 'members', 'api_keys', 'sessions', 'member_invitations'];
  const all = await Promise.all(names.map((name) => hub.store.collection(name).find({}, { sort: [['_id', 1]] })));
  return JSON.stringify(all);
}

interface Answer {
  status: number;
  body: { data?: any; errors?: Array<{ message: string; extensions?: Record<string, any> }> };
}

async function graphqlAt(
  base: string,
  browser: Browser,
  query: string,
  variables: Record<string, unknown> = {},
  csrf: string | null = browser.jar.get('maru_csrf') ?? null,
): Promise<Answer> {
  const response = await browser.get(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(csrf ? { 'x-maru-csrf': csrf } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

async function withKey(base: string, key: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

const codeOf = (answer: Answer) => answer.body.errors?.[0]?.extensions?.code;

/** A mail hook on 127.0.0.1 that keeps what the hub posts. */
async function startMailHook(): Promise<{ url: string; messages: any[]; close(): Promise<void> }> {
  const messages: any[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      messages.push(JSON.parse(body));
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/mail`,
    messages,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('sign-in through OpenID Connect, attacked', () => {
  let provider: TestProvider;
  let running: RunningHub;
  let mail: Awaited<ReturnType<typeof startMailHook>>;
  let base: string;
  let dataDir: string;
  const isCallback = (url: string) => url.startsWith(`${base}/auth/callback`);
  const graphql = (browser: Browser, query: string, variables?: Record<string, unknown>, csrf?: string | null) =>
    graphqlAt(base, browser, query, variables, csrf === undefined ? (browser.jar.get('maru_csrf') ?? null) : csrf);

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    mail = await startMailHook();
    const account = (email: string) => ({ email, emailVerified: true });
    provider = await startTestProvider(`${base}/auth/callback`, {
      alice: account('alice@agency.example'),
      harry: account('harry@agency.example'),
      ivy: account('ivy@agency.example'),
      erin: account('Erin@Agency.example'),
      frank: account('frank@agency.example'),
    });
    dataDir = tempDir('maru-sign-in-hostile-');
    running = await startHub(
      loadConfig({
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: process.env.HOSTILE_LOG ?? 'silent',
        MARU_DATA_DIR: dataDir,
        MARU_SCHEDULER_INTERVAL_MS: '0',
        MARU_PUBLIC_URL: base,
        MARU_MAIL_WEBHOOK_URL: mail.url,
        MARU_OIDC_ISSUER: provider.issuer,
        MARU_OIDC_CLIENT_ID: 'maru-hub',
        MARU_OIDC_CLIENT_SECRET: 'a-test-client-secret-that-is-long-enough',
        MARU_OIDC_PROVIDER_NAME: 'Agency SSO',
        MARU_SESSION_COOKIE_SECURE: 'false',
      }),
    );
    const s = running.hub.services;
    const { organization } = await s.organizations.seed({ kind: 'AGENCY', slug: 'agency', name: 'Agency' });
    for (const name of ['alice', 'harry', 'ivy'])
      await s.members.seed({
        organizationId: organization._id,
        name,
        email: `${name}@agency.example`,
        roles: ['AGENCY_ADMIN'],
      });
  });

  afterAll(async () => {
    await running?.stop();
    await provider?.close();
    await mail?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** Signs `account` in at the provider from `browser` (a new one by default), stopping at the hub's callback. */
  async function toCallback(account: string, browser = new Browser(), login = '/auth/login?returnTo=/challenges') {
    provider.signInAs(account);
    const { url } = await browser.follow(`${base}${login}`, isCallback);
    expect(isCallback(url)).toBe(true);
    return { browser, callback: url };
  }

  async function signIn(account: string, browser = new Browser()): Promise<Browser> {
    const { callback } = await toCallback(account, browser);
    expect((await browser.get(callback)).status).toBe(302);
    return browser;
  }

  async function expectSignInRefused(code: string, run: () => Promise<Response>) {
    const before = await snapshotDomain(running.hub);
    const refusals = await running.hub.services.audit.countEvents({ action: 'auth.signInRefused', outcome: code });
    const response = await run();
    expect(response.headers.get('x-maru-error-code')).toBe(code);
    expect(await response.text()).toContain(code);
    expect(response.headers.getSetCookie().some((c) => /^maru_session=[^;]+;/.test(c) && !/Max-Age=0/.test(c))).toBe(
      false,
    );
    expect(await snapshotDomain(running.hub)).toBe(before);
    expect(await running.hub.services.audit.countEvents({ action: 'auth.signInRefused', outcome: code })).toBe(
      refusals + 1,
    );
  }

  const INVITE = `mutation($input: InviteMemberInput!) {
    inviteMember(input: $input) { delivery member { id status } invitation { id email status } }
  }`;

  async function invite(admin: Browser, email: string) {
    const me = await graphql(admin, '{ viewer { organization { id } } }');
    const answer = await graphql(admin, INVITE, {
      input: { organizationId: me.body.data.viewer.organization.id, email, name: email, roles: ['DEVELOPER'] },
    });
    expect(answer.body.errors).toBeUndefined();
    return answer.body.data.inviteMember;
  }

  it('an invited member follows the mailed link, signs in at the provider and is ACTIVE', async () => {
    const alice = await signIn('alice');
    const invited = await invite(alice, 'erin@agency.example');
    expect(invited).toMatchObject({
      delivery: 'SENT',
      member: { status: 'INVITED' },
      invitation: { status: 'PENDING' },
    });
    const message = mail.messages.find((m) => m.to === 'erin@agency.example');
    expect(message).toMatchObject({ kind: 'member.invitation', organization: 'Agency' });
    expect(message.link).toMatch(new RegExp(`^${base}/auth/login\\?invitation=`));

    // Erin's provider account spells the address in capitals: the match ignores case.
    provider.signInAs('erin');
    const erin = new Browser();
    const { url } = await erin.follow(message.link, (at) => at === `${base}/`);
    expect(url).toBe(`${base}/`);
    const me = await graphql(erin, '{ viewer { email status } }');
    expect(me.body.data.viewer).toEqual({ email: 'erin@agency.example', status: 'ACTIVE' });
    const member = await running.hub.services.members.byEmail('erin@agency.example');
    expect(
      await running.hub.services.audit.countEvents({
        action: 'member.invitationAccepted',
        outcome: 'SUCCESS',
        targetId: member!._id,
      }),
    ).toBe(1);
    const invitation = await running.hub.store.collection('member_invitations').findOne({ memberId: member!._id });
    expect(invitation).toMatchObject({ status: 'ACCEPTED' });
  });

  it('an expired invitation: the INVITATION_EXPIRED page, the member stays INVITED', async () => {
    const alice = await signIn('alice');
    const invited = await invite(alice, 'frank@agency.example');
    const link = mail.messages.find((m) => m.to === 'frank@agency.example').link as string;
    await running.hub.store
      .collection('member_invitations')
      .findOneAndUpdate(
        { memberId: (await running.hub.services.members.byEmail('frank@agency.example'))!._id },
        { $set: { expiresAt: new Date(Date.now() - 1000).toISOString() } },
      );
    const { browser, callback } = await toCallback('frank', new Browser(), link.slice(base.length));
    await expectSignInRefused('INVITATION_EXPIRED', () => browser.get(callback));
    expect((await running.hub.services.members.byEmail('frank@agency.example'))!.status).toBe('INVITED');
    expect(invited.member.status).toBe('INVITED');
    expect(browser.jar.has('maru_session')).toBe(false);
  });

  it('rotates the session at sign-in: the session the browser had before ends', async () => {
    const browser = await signIn('alice');
    const before = { token: browser.jar.get('maru_session')!, csrf: browser.jar.get('maru_csrf')! };
    await signIn('alice', browser);
    expect(browser.jar.get('maru_session')).not.toBe(before.token);
    expect((await graphql(browser, '{ viewer { email } }')).body.data.viewer.email).toBe('alice@agency.example');
    const old = new Browser();
    old.jar.set('maru_session', before.token);
    expect(codeOf(await graphql(old, '{ viewer { email } }', {}, before.csrf))).toBe('SESSION_EXPIRED');
  });

  it('a session cookie planted before sign-in does not become the victim’s session (no fixation)', async () => {
    const attacker = await signIn('harry');
    const planted = attacker.jar.get('maru_session')!;
    const victim = new Browser();
    victim.jar.set('maru_session', planted);
    victim.jar.set('maru_csrf', attacker.jar.get('maru_csrf')!);
    await signIn('alice', victim);
    expect(victim.jar.get('maru_session')).not.toBe(planted);
    expect((await graphql(victim, '{ viewer { email } }')).body.data.viewer.email).toBe('alice@agency.example');
    // Whatever the planted token still is, it never names the victim.
    const answer = await graphql(attacker, '{ viewer { email } }');
    expect(answer.body.data?.viewer?.email ?? codeOf(answer)).not.toBe('alice@agency.example');
  });

  it('keeps returnTo on this hub, encoded or not, and survives any character', async () => {
    for (const returnTo of [
      '//evil.example',
      '/\\evil.example',
      '/\t/evil.example',
      '\\\\evil.example',
      'https:evil.example',
      '/%2F%2Fevil.example',
      '/%5Cevil.example',
      '/한국어?q=가나',
      '/a\u007fb',
      '/a\u0085b',
    ]) {
      const { browser, callback } = await toCallback(
        'alice',
        new Browser(),
        `/auth/login?returnTo=${encodeURIComponent(returnTo)}`,
      );
      const landed = await browser.get(callback);
      expect(landed.status, returnTo).toBe(302);
      const location = landed.headers.get('location')!;
      expect(new URL(location, base).origin, `${returnTo} → ${location}`).toBe(base);
      expect(location.startsWith('/') && !location.startsWith('//') && !location.startsWith('/\\')).toBe(true);
    }
  });

  it('refuses the CSRF token of another session', async () => {
    const alice = await signIn('alice');
    const harry = await signIn('harry');
    const before = await snapshotDomain(running.hub);
    const answer = await graphql(alice, 'mutation { signOutEverywhere }', {}, harry.jar.get('maru_csrf')!);
    expect(answer.status).toBe(403);
    expect(codeOf(answer)).toBe('CSRF_TOKEN_INVALID');
    expect(await snapshotDomain(running.hub)).toBe(before);
  });

  it('a sign-in cookie works once, for its own login only', async () => {
    const browser = new Browser();
    const first = await toCallback('alice', browser);
    const firstCookie = browser.jar.get('maru_oidc')!;
    const second = await toCallback('alice', browser);
    const secondCookie = browser.jar.get('maru_oidc')!;
    expect(secondCookie).not.toBe(firstCookie);
    expect((await browser.get(second.callback)).status).toBe(302);
    // The first login's cookie (kept by an intruder), replayed with the second login's code: another state.
    const replay = new Browser();
    replay.jar.set('maru_oidc', firstCookie);
    await expectSignInRefused('SIGN_IN_FAILED', () => replay.get(second.callback));
    // Its own login's code with the second login's cookie (cleared by now, replayed): refused too.
    replay.jar.set('maru_oidc', secondCookie);
    await expectSignInRefused('SIGN_IN_FAILED', () => replay.get(first.callback));
  });

  it('takes a role away from a live session at once, also after it was answered from the viewer cache', async () => {
    const harry = await signIn('harry');
    const alice = await signIn('alice');
    const harryId = (await graphql(harry, '{ viewer { id } }')).body.data.viewer.id as string;
    // Another admin of the agency changes harry's roles, through the hub (a write behind its back would be seen only
    // when the cached viewer expires).
    const setRoles = async (roles: string[]) => {
      const changed = await graphql(
        alice,
        'mutation($m: ID!, $r: [Role!]!) { updateMember(id: $m, input: { roles: $r }) { member { roles } } }',
        { m: harryId, r: roles },
      );
      expect(changed.body.data.updateMember.member.roles).toEqual(roles);
    };
    expect((await invite(harry, 'gina@agency.example')).member.status).toBe('INVITED');
    await setRoles(['DEVELOPER']);
    try {
      const me = await graphql(harry, '{ viewer { organization { id } } }');
      const before = await snapshotDomain(running.hub);
      const refused = await graphql(harry, INVITE, {
        input: {
          organizationId: me.body.data.viewer.organization.id,
          email: 'x@agency.example',
          name: 'X',
          roles: ['DEVELOPER'],
        },
      });
      expect(codeOf(refused)).toBe('FORBIDDEN');
      expect(await snapshotDomain(running.hub)).toBe(before);
    } finally {
      await setRoles(['AGENCY_ADMIN']);
    }
  });

  it('signs out everywhere: every other browser of the member is signed out at once', async () => {
    const one = await signIn('ivy');
    const two = await signIn('ivy');
    const other = await signIn('alice');
    const ended = await graphql(one, 'mutation { signOutEverywhere }');
    expect(ended.body.data.signOutEverywhere).toBeGreaterThanOrEqual(2);
    expect(codeOf(await graphql(two, '{ viewer { email } }'))).toBe('SESSION_EXPIRED');
    expect(codeOf(await graphql(one, '{ viewer { email } }'))).toBe('SESSION_EXPIRED');
    expect((await graphql(other, '{ viewer { email } }')).body.data.viewer.email).toBe('alice@agency.example');
    expect(
      await running.hub.services.audit.countEvents({ action: 'session.signOutEverywhere', outcome: 'SUCCESS' }),
    ).toBeGreaterThan(0);
  });

  it('a TEST key cannot end sessions (revokeSession, signOutEverywhere)', async () => {
    const alice = await signIn('alice');
    const created = await graphql(
      alice,
      'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }',
      { input: { name: 'sandbox', scopes: ['READ', 'WRITE', 'ADMIN'], mode: 'TEST' } },
    );
    const key = created.body.data.createApiKey.secret as string;
    // Its first use records lastUsedAt: before the snapshots.
    expect((await withKey(base, key, '{ viewer { email } }')).body.data.viewer.email).toBe('alice@agency.example');
    const sessions = await graphql(alice, '{ mySessions { id current } }');
    const current = sessions.body.data.mySessions.find((s: { current: boolean }) => s.current).id;
    for (const [action, query] of [
      ['session.revoke', `mutation { revokeSession(id: "${current}") }`],
      ['session.signOutEverywhere', 'mutation { signOutEverywhere }'],
    ] as const) {
      const before = await snapshotDomain(running.hub);
      const refusals = await running.hub.services.audit.countEvents({ action, outcome: 'FORBIDDEN' });
      const answer = await withKey(base, key, query);
      expect(codeOf(answer), action).toBe('FORBIDDEN');
      expect(await snapshotDomain(running.hub)).toBe(before);
      expect(await running.hub.services.audit.countEvents({ action, outcome: 'FORBIDDEN' })).toBe(refusals + 1);
    }
    expect((await graphql(alice, '{ viewer { email } }')).body.data.viewer.email).toBe('alice@agency.example');
  });

  it('signInOptions tells the provider’s name and nothing of its configuration', async () => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ signInOptions { demo oidc { providerName loginPath } } }' }),
    });
    const text = await response.text();
    expect(JSON.parse(text).data.signInOptions).toEqual({
      demo: false,
      oidc: { providerName: 'Agency SSO', loginPath: '/auth/login' },
    });
    for (const secret of [provider.issuer, 'maru-hub', 'a-test-client-secret', 'callback'])
      expect(text).not.toContain(secret);
  });
});

describe('demo sign-in', () => {
  let running: RunningHub;
  let base: string;
  let dataDir: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    dataDir = tempDir('maru-demo-sign-in-');
    running = await startHub(
      loadConfig({
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        MARU_DATA_DIR: dataDir,
        MARU_SCHEDULER_INTERVAL_MS: '0',
        MARU_DEMO: 'true',
      }),
    );
  }, 60_000);

  afterAll(async () => {
    await running?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function demoSignIn(email = 'admin@maru.example'): Promise<{ browser: Browser; response: Response }> {
    const browser = new Browser();
    const response = await browser.get(`${base}/auth/demo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email }),
    });
    return { browser, response };
  }

  it('signs a seeded member in: Secure HttpOnly session cookie, readable CSRF cookie, GraphQL with the header', async () => {
    const { browser, response } = await demoSignIn();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ member: { email: 'admin@maru.example' } });
    const cookies = response.headers.getSetCookie();
    expect(cookies.find((c) => c.startsWith('maru_session='))).toMatch(
      /^maru_session=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=\d+; SameSite=Lax; HttpOnly; Secure$/,
    );
    expect(cookies.find((c) => c.startsWith('maru_csrf='))).toMatch(
      /^maru_csrf=[A-Za-z0-9_-]+; Path=\/; Max-Age=\d+; SameSite=Lax; Secure$/,
    );
    const me = await graphqlAt(base, browser, '{ viewer { email } mySessions { current } }');
    expect(me.body.data.viewer.email).toBe('admin@maru.example');
    expect(me.body.data.mySessions).toContainEqual({ current: true });
    expect(codeOf(await graphqlAt(base, browser, '{ viewer { email } }', {}, null))).toBe('CSRF_TOKEN_INVALID');
    expect(await running.hub.services.audit.countEvents({ action: 'auth.signIn', outcome: 'SUCCESS' })).toBeGreaterThan(
      0,
    );
  });

  it('refuses a cross-site form: a form-urlencoded or multipart mutation with the session cookie', async () => {
    const { browser } = await demoSignIn();
    const mutation = 'mutation { signOutEverywhere }';
    const form = new URLSearchParams({ query: mutation });
    const multipart = new FormData();
    multipart.set('operations', JSON.stringify({ query: mutation, variables: {} }));
    multipart.set('map', '{}');
    for (const [kind, body] of [
      ['form-urlencoded', form],
      ['multipart', multipart],
      ['text/plain', new Blob([JSON.stringify({ query: mutation })], { type: 'text/plain' })],
    ] as const) {
      const before = await snapshotDomain(running.hub);
      // What a form on another site sends: the cookie (SameSite=Lax leaves it off cross-site POSTs in browsers, but
      // not every browser enforces it), never the x-maru-csrf header.
      const response = await browser.get(`${base}/graphql`, { method: 'POST', body });
      expect(response.status, kind).toBeGreaterThanOrEqual(400);
      expect(await snapshotDomain(running.hub), kind).toBe(before);
    }
    expect((await graphqlAt(base, browser, '{ viewer { email } }')).body.data.viewer.email).toBe('admin@maru.example');
  });
});
