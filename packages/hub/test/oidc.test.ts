import { existsSync, rmSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, startHub, type RunningHub } from '../src/index.js';
import { tempDir } from './helpers.js';
import { Browser, freePort } from './oidc-browser.js';
import { startTestProvider, type TestProvider } from '@maru/devtools/test-support/oidc';

/**
 * The identity tables, as `snapshotDomain` of @maru/core/testing reads the domain (imported here, it would load a
 * second graphql next to the hub's).
 */
async function snapshotDomain(hub: RunningHub['hub']): Promise<string> {
  const names = ['organizations', 'members', 'api_keys', 'sessions', 'member_invitations'];
  const all = await Promise.all(names.map((name) => hub.store.collection(name).find({}, { sort: [['_id', 1]] })));
  return JSON.stringify(all);
}

let provider: TestProvider;
let running: RunningHub;
let base: string;
let dataDir: string;
const isCallback = (url: string) => url.startsWith(`${base}/auth/callback`);

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  provider = await startTestProvider(`${base}/auth/callback`, {
    alice: { email: 'Alice@Agency.example', emailVerified: true },
    bob: { email: 'bob@agency.example', emailVerified: false },
    carol: { email: 'carol@agency.example', emailVerified: true },
    dave: { email: 'dave@nowhere.example', emailVerified: true },
  });
  dataDir = tempDir('maru-oidc-');
  running = await startHub(
    loadConfig({
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      MARU_DATA_DIR: dataDir,
      MARU_SCHEDULER_INTERVAL_MS: '0',
      MARU_PUBLIC_URL: base,
      MARU_OIDC_ISSUER: provider.issuer,
      MARU_OIDC_CLIENT_ID: 'maru-hub',
      MARU_OIDC_CLIENT_SECRET: 'a-test-client-secret-that-is-long-enough',
      MARU_OIDC_PROVIDER_NAME: '테스트 SSO',
      MARU_SESSION_COOKIE_SECURE: 'false',
    }),
  );
  const s = running.hub.services;
  const { organization } = await s.organizations.seed({ kind: 'AGENCY', slug: 'agency', name: 'Agency' });
  for (const [name, email] of [
    ['Alice', 'alice@agency.example'],
    ['Bob', 'bob@agency.example'],
    ['Carol', 'carol@agency.example'],
  ] as const)
    await s.members.seed({ organizationId: organization._id, name, email, roles: ['AGENCY_ADMIN'] });
  await running.hub.store
    .collection('members')
    .findOneAndUpdate({ email: 'carol@agency.example' }, { $set: { status: 'DISABLED' } });
});

afterAll(async () => {
  await running?.stop();
  await provider?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Signs in at the provider as `account` and stops at the hub's callback URL, not yet visited. */
async function toCallback(account: string, returnTo = '/challenges') {
  provider.signInAs(account);
  const browser = new Browser();
  const { url } = await browser.follow(`${base}/auth/login?returnTo=${encodeURIComponent(returnTo)}`, isCallback);
  expect(url).toMatch(isCallback(url) ? /code=/ : /never/);
  return { browser, callback: url };
}

async function graphql(browser: Browser, query: string, csrf: string | null = browser.jar.get('maru_csrf') ?? null) {
  const response = await browser.get(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(csrf ? { 'x-maru-csrf': csrf } : {}) },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
}

/** Runs a refusal: its page has `code`; the domain is unchanged; one more `auth.signInRefused` with that outcome. */
async function expectSignInRefused(code: string, run: () => Promise<Response>) {
  const before = await snapshotDomain(running.hub);
  const refusals = await running.hub.services.audit.countEvents({ action: 'auth.signInRefused', outcome: code });
  const response = await run();
  expect(response.headers.get('x-maru-error-code')).toBe(code);
  expect(response.headers.get('content-type')).toMatch(/text\/html/);
  const page = await response.text();
  expect(page).toContain(code);
  expect(page).not.toMatch(/at .*\.js:\d+/);
  expect(response.headers.getSetCookie().some((c) => c.startsWith('maru_session=') && !/Max-Age=0/.test(c))).toBe(
    false,
  );
  expect(await snapshotDomain(running.hub)).toBe(before);
  expect(await running.hub.services.audit.countEvents({ action: 'auth.signInRefused', outcome: code })).toBe(
    refusals + 1,
  );
  return response;
}

describe('OpenID Connect sign-in with a real provider', () => {
  it('signs a member in: PKCE, state and nonce, a session in HttpOnly and CSRF cookies, back to returnTo', async () => {
    const login = await new Browser().get(`${base}/auth/login?returnTo=/challenges`);
    const target = new URL(login.headers.get('location')!);
    expect(target.origin).toBe(provider.issuer);
    expect(target.searchParams.get('code_challenge_method')).toBe('S256');
    expect(target.searchParams.get('state')).toBeTruthy();
    expect(target.searchParams.get('nonce')).toBeTruthy();
    expect(target.searchParams.get('redirect_uri')).toBe(`${base}/auth/callback`);
    expect(login.headers.getSetCookie()[0]).toMatch(/^maru_oidc=.+; Path=\/auth; Max-Age=600; SameSite=Lax; HttpOnly$/);

    const { browser, callback } = await toCallback('alice');
    const landed = await browser.get(callback);
    expect(landed.status).toBe(302);
    expect(landed.headers.get('location')).toBe('/challenges');
    const cookies = landed.headers.getSetCookie();
    expect(cookies.find((c) => c.startsWith('maru_session='))).toMatch(
      /; Path=\/; Max-Age=604800; SameSite=Lax; HttpOnly$/,
    );
    expect(cookies.find((c) => c.startsWith('maru_csrf='))).not.toMatch(/HttpOnly/);

    const me = await graphql(browser, '{ viewer { email } mySessions { current } }');
    expect(me.body.data.viewer.email).toBe('alice@agency.example');
    expect(me.body.data.mySessions).toEqual([{ current: true }]);
    expect(await running.hub.services.audit.countEvents({ action: 'auth.signIn', outcome: 'SUCCESS' })).toBeGreaterThan(
      0,
    );

    // Without the CSRF header the same cookie does nothing.
    const forged = await graphql(browser, 'mutation { signOutEverywhere }', null);
    expect(forged.status).toBe(403);
    expect(forged.body.errors?.[0]?.extensions?.code).toBe('CSRF_TOKEN_INVALID');

    // Signing out needs the header too; then the cookies are cleared and the session is over.
    const refusedLogout = await browser.clone().get(`${base}/auth/logout`, { method: 'POST' });
    expect(refusedLogout.status).toBe(403);
    const token = browser.jar.get('maru_session')!;
    const logout = await browser.get(`${base}/auth/logout`, {
      method: 'POST',
      headers: { 'x-maru-csrf': browser.jar.get('maru_csrf')! },
    });
    expect(logout.status).toBe(204);
    expect(browser.jar.has('maru_session')).toBe(false);
    browser.jar.set('maru_session', token);
    expect((await graphql(browser, '{ viewer { email } }', 'x')).body.errors?.[0]?.extensions?.code).toBe(
      'SESSION_EXPIRED',
    );
  });

  it('keeps returnTo on this hub', async () => {
    for (const evil of ['https://evil.example/', '//evil.example/x', '/\\evil.example']) {
      const { browser, callback } = await toCallback('alice', evil);
      expect((await browser.get(callback)).headers.get('location')).toBe('/');
    }
  });

  it('refuses a forged state', async () => {
    const { browser, callback } = await toCallback('alice');
    const forged = new URL(callback);
    forged.searchParams.set('state', 'forged-state');
    await expectSignInRefused('SIGN_IN_FAILED', () => browser.get(forged.href));
  });

  it('refuses a callback without the sign-in cookie', async () => {
    const { callback } = await toCallback('alice');
    await expectSignInRefused('SIGN_IN_FAILED', () => new Browser().get(callback));
  });

  it('refuses a replayed code', async () => {
    const { browser, callback } = await toCallback('alice');
    const copy = browser.clone();
    expect((await browser.get(callback)).status).toBe(302);
    await expectSignInRefused('SIGN_IN_FAILED', () => copy.get(callback));
  });

  it('refuses an expired ID token', async () => {
    const { browser, callback } = await toCallback('alice');
    // Issued an hour ago with a 10-minute lifetime: expired well beyond openid-client's 30 s clock tolerance.
    provider.tokenClockSkew(3600);
    try {
      await expectSignInRefused('SIGN_IN_FAILED', () => browser.get(callback));
    } finally {
      provider.tokenClockSkew(0);
    }
  });

  it.each([
    ['an unverified e-mail', 'bob', 'SIGN_IN_EMAIL_UNVERIFIED'],
    ['a disabled member', 'carol', 'MEMBER_DISABLED'],
    ['an unknown person (no account is created)', 'dave', 'SIGN_IN_UNKNOWN_PERSON'],
  ])('refuses %s', async (_name, account, code) => {
    const { browser, callback } = await toCallback(account);
    const page = await expectSignInRefused(code, () => browser.get(callback));
    expect(page.status).toBe(403);
  });

  it('refuses a session cookie from another hub', async () => {
    const browser = new Browser();
    browser.jar.set('maru_session', 'A'.repeat(43));
    const res = await graphql(browser, 'mutation { signOutEverywhere }', 'whatever');
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('SESSION_EXPIRED');
  });

  it('tells the portal how people sign in, and refuses demo sign-in outside demo mode', async () => {
    const res = await graphql(new Browser(), '{ signInOptions { demo oidc { providerName loginPath } } }');
    expect(res.body.data.signInOptions).toEqual({
      demo: false,
      oidc: { providerName: '테스트 SSO', loginPath: '/auth/login' },
    });
    await expectSignInRefused('FORBIDDEN', () =>
      fetch(`${base}/auth/demo`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'alice@agency.example' }),
      }),
    );
  });
});

/** Debian's Chromium, as the portal's browser tests use it; without it (outside CI) the browser journey is skipped. */
const CHROMIUM = process.env.MARU_CHROMIUM ?? '/usr/bin/chromium';

describe.skipIf(!existsSync(CHROMIUM) && !process.env.CI)('OpenID Connect sign-in in Chromium', () => {
  it('signs a person in through the provider, keeps the session HttpOnly and sends the CSRF header', async () => {
    provider.signInAs('alice');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage();
      await page.goto(`${base}/auth/login?returnTo=/healthz`);
      await page.waitForURL(`${base}/healthz`);
      const cookies = await page.context().cookies(base);
      expect(cookies.find((c) => c.name === 'maru_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
      expect(cookies.find((c) => c.name === 'maru_csrf')).toMatchObject({ httpOnly: false });
      const answers = await page.evaluate(async () => {
        const csrf = /(?:^|; )maru_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '';
        const ask = async (headers: Record<string, string>) => {
          const response = await fetch('/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...headers },
            body: JSON.stringify({ query: '{ viewer { email } }' }),
          });
          return { status: response.status, body: await response.json() };
        };
        return {
          readable: document.cookie.includes('maru_session'),
          withHeader: await ask({ 'x-maru-csrf': csrf }),
          without: await ask({}),
        };
      });
      expect(answers.readable).toBe(false);
      expect(answers.withHeader.body.data.viewer.email).toBe('alice@agency.example');
      expect(answers.without.status).toBe(403);
      expect(answers.without.body.errors[0].extensions.code).toBe('CSRF_TOKEN_INVALID');
    } finally {
      await browser.close();
    }
  });
});
