import { spawnProcess } from '@maru/devtools/test-support';
import { dropDatabase, mongoTestUri } from '@maru/core/testing';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gql, MAIN, spawnHub, tempDir } from './helpers.js';

/** Runs `maru-hub setup …` as the built bin, to its end. */
async function setup(args: string[], env: Record<string, string>) {
  const run = spawnProcess({
    name: 'maru-hub setup',
    args: [MAIN, 'setup', ...args],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
  });
  const code = await run.exited;
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

const ADMIN = ['--email', 'Ops@Maru.Example.go.kr', '--name', '운영 담당자', '--organization-name', '마루 운영팀'];
const KEY = /^ {2}(maru_\S+)$/m;

/** The whole first start on one store: setup, again, refused, added, and the printed key at work in the hub. */
async function firstStart(store: Record<string, string>) {
  const first = await setup(ADMIN, store);
  expect(first.stderr).toBe('');
  expect(first.code).toBe(0);
  expect(first.stdout).toContain('Maru is set up: "마루 운영팀", with ops@maru.example.go.kr');
  const key = KEY.exec(first.stdout)![1]!;

  const again = await setup(ADMIN, store);
  expect(again.code).toBe(0);
  expect(again.stdout).toMatch(/^Already set up: ops@maru\.example\.go\.kr .* Nothing changed\.$/m);
  expect(again.stdout).not.toMatch(KEY);

  const other = await setup(['--email', 'second@maru.example.go.kr', '--name', 'Second'], store);
  expect(other.code).toBe(1);
  expect(other.stderr).toMatch(/--add-admin .*\(PLATFORM_ALREADY_SET_UP\)\n$/);
  expect(other.stdout).toBe('');

  const added = await setup(['--email', 'second@maru.example.go.kr', '--name', 'Second', '--add-admin'], store);
  expect(added.code).toBe(0);
  expect(added.stdout).toContain('audited as platform.adminAdded');

  const hub = await spawnHub(store);
  try {
    expect(hub.output()).not.toContain('no platform admin yet');
    const viewer = await gql(hub.url, '{ viewer { email roles organization { kind name } } }', {}, key);
    expect(viewer.body.data.viewer).toEqual({
      email: 'ops@maru.example.go.kr',
      roles: ['PLATFORM_ADMIN'],
      organization: { kind: 'PLATFORM', name: '마루 운영팀' },
    });
    const trail = await gql(hub.url, '{ auditEvents { nodes { action outcome actorMemberId } } }', {}, key);
    expect(trail.body.data.auditEvents.nodes).toEqual([
      { action: 'platform.adminAdded', outcome: 'SUCCESS', actorMemberId: null },
      { action: 'platform.bootstrapped', outcome: 'PLATFORM_ALREADY_SET_UP', actorMemberId: null },
      { action: 'platform.bootstrapped', outcome: 'SUCCESS', actorMemberId: null },
    ]);
  } finally {
    expect(await hub.stop()).toBe(0);
  }
}

describe('maru-hub setup', () => {
  it('on a fresh data dir: the platform and its first admin once, with a LIVE ADMIN key printed once', async () => {
    await firstStart({ MARU_DATA_DIR: join(tempDir('maru-setup-'), 'data') });
  });

  it('a hub started on an empty store says how to make the first admin', async () => {
    const hub = await spawnHub({ MARU_DATA_DIR: join(tempDir('maru-setup-empty-'), 'data') });
    try {
      await hub.waitFor(/"msg":"no platform admin yet: run maru-hub setup/);
    } finally {
      expect(await hub.stop()).toBe(0);
    }
  });

  it('with OpenID Connect configured, prints an invitation link instead of a key', async () => {
    const env = {
      MARU_DATA_DIR: join(tempDir('maru-setup-oidc-'), 'data'),
      MARU_PUBLIC_URL: 'https://maru.example.go.kr',
      MARU_OIDC_ISSUER: 'https://sso.example.go.kr/realms/maru',
      MARU_OIDC_CLIENT_ID: 'maru',
      MARU_OIDC_CLIENT_SECRET: 'not-a-real-secret',
      MARU_OIDC_PROVIDER_NAME: '정부 통합인증',
    };
    const run = await setup(ADMIN, env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/through 정부 통합인증 with the address ops@maru\.example\.go\.kr/);
    expect(run.stdout).toMatch(/^ {2}https:\/\/maru\.example\.go\.kr\/auth\/login\?invitation=\w+$/m);
    expect(run.stdout).not.toMatch(KEY);
    const link = /^ {2}(https:\S+)$/m.exec(run.stdout)![1];
    // The link lost before the first sign-in: setup again gives a new one.
    const again = await setup(ADMIN, env);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Already set up: .* has not signed in yet\.$/m);
    expect(/^ {2}(https:\S+)$/m.exec(again.stdout)![1]).not.toBe(link);
  });

  it('refuses missing arguments and demo mode with exit 2', async () => {
    const dataDir = join(tempDir('maru-setup-bad-'), 'data');
    const missing = await setup(['--name', 'Nobody'], { MARU_DATA_DIR: dataDir });
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toContain('needs --email and --name');
    const demo = await setup([...ADMIN, '--demo'], { MARU_DATA_DIR: dataDir });
    expect(demo.code).toBe(2);
    const bad = await setup(['--email', 'not-an-address', '--name', 'X'], { MARU_DATA_DIR: dataDir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('(BAD_USER_INPUT)');
    const help = await setup(['--help'], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: maru-hub setup --email/);
  });
});

const uri = mongoTestUri('hub_setup');

describe.runIf(uri)('maru-hub setup on MongoDB', () => {
  afterAll(() => dropDatabase(uri!));

  it('the same first start against MONGODB_URI', async () => {
    await firstStart({ MONGODB_URI: uri!, MARU_DATA_DIR: tempDir('maru-unused-') });
  });
});
