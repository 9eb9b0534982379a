import { describe, expect, it } from 'vitest';
import { bundledFixture } from '../../core/src/plugins/fixtures/bundle-fixture.js';
import { gql, spawnHub, tempDir } from './helpers.js';

// A plugin of API 2 built outside the hub: the core's test fixture, bundled as `maru build` does.
const plugin = bundledFixture('test-plugin.mjs', { name: 'hub-plugins-test' });

describe('plugins configured for the hub process', () => {
  it('loads a plugin named in MARU_PLUGINS and answers its operation over HTTP', async () => {
    const hub = await spawnHub({ MARU_DATA_DIR: tempDir('maru-plugins-'), MARU_PLUGINS: plugin }, ['--demo']);
    try {
      const login = async (email: string) =>
        (await gql(hub.url, `mutation { demoLogin(email: "${email}") { secret } }`)).body.data.demoLogin
          .secret as string;
      // Demo mode grants the demo companies access to every service; the platform's own organization has none yet.
      const key = await login('admin@maru.example');
      const noGrant = await gql(
        hub.url,
        '{ serviceQuery(service: "misbehaving", operation: "echo", input: { text: "too early" }) }',
        {},
        key,
      );
      expect(noGrant.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const requested = await gql(
        hub.url,
        'mutation { requestServiceAccess(service: "misbehaving", purpose: "Operator checks") { grant { id } } }',
        {},
        key,
      );
      const approved = await gql(
        hub.url,
        'mutation($id: ID!) { approveServiceAccess(id: $id, dailyQuota: 100) { grant { status } } }',
        { id: requested.body.data.requestServiceAccess.grant.id },
        key,
      );
      expect(approved.body.data.approveServiceAccess.grant.status).toBe('ACTIVE');
      const company = await gql(
        hub.url,
        '{ call { misbehaving { echo(input: { text: "granted in demo" }) { text } } } }',
        {},
        await login('dev@hanbit.example'),
      );
      expect(company.body.data.call.misbehaving.echo).toEqual({ text: 'granted in demo' });
      const answer = await gql(
        hub.url,
        '{ serviceQuery(service: "misbehaving", operation: "echo", input: { text: "from HTTP" }) }',
        {},
        key,
      );
      expect(answer.body).toEqual({ data: { serviceQuery: { text: 'from HTTP' } } });
      const typed = await gql(hub.url, '{ call { misbehaving { echo(input: { text: "typed" }) { text } } } }', {}, key);
      expect(typed.body).toEqual({ data: { call: { misbehaving: { echo: { text: 'typed' } } } } });
      const catalogue = await gql(hub.url, '{ services { nodes { key status plugin { name } } } }');
      expect(catalogue.body.data.services.nodes).toEqual([
        { key: 'misbehaving', status: 'PILOT', plugin: { name: '@maru-test/misbehaving' } },
      ]);
      expect(hub.stdout()).toContain('"msg":"plugin enabled"');
    } finally {
      hub.child.kill('SIGTERM');
      expect(await hub.exited).toBe(0);
    }
  });

  it('refuses an unsigned plugin outside development, and starts anyway', async () => {
    const hub = await spawnHub({ MARU_DATA_DIR: tempDir('maru-plugins-'), MARU_PLUGINS: plugin });
    try {
      const catalogue = await gql(hub.url, '{ services { totalCount } }');
      expect(catalogue.body.data.services.totalCount).toBe(0);
      expect(hub.stdout()).toMatch(/"problems":\["signature: the package is not signed/);
    } finally {
      hub.child.kill('SIGTERM');
      await hub.exited;
    }
  });

  it('refuses to start with a plugin path that does not exist, naming it', async () => {
    await expect(
      spawnHub({ MARU_DATA_DIR: tempDir('maru-plugins-'), MARU_PLUGINS: './no/such/plugin.mjs' }),
    ).rejects.toThrow(/plugin \.\/no\/such\/plugin\.mjs: no file at/);
  });
});
