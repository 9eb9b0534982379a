import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHub, type TestHub } from '../../testing/test-hub.js';
import { linkOutside } from './package-links.js';
import { PluginFence } from './plugin-fence.js';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
// Inside the repository (git ignores .test-plugins), so the packages find @maru/sdk as installed plugins do.
const testPlugins = fileURLToPath(new URL('../../../.test-plugins/', import.meta.url));
mkdirSync(testPlugins, { recursive: true });
const work = mkdtempSync(join(testPlugins, 'fence-'));
// What the hub must keep: outside every folder the plugin host may read.
const outside = mkdtempSync(join(tmpdir(), 'maru-fence-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

/** A plugin package of its own: the misbehaving test plugin, copied, with whatever else a test puts in. */
function packageWith(name: string, extra: (dir: string) => void): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: `@maru-test/${name}`, version: '1.0.0', type: 'module' }),
  );
  cpSync(join(fixtures, 'test-plugin.mjs'), join(dir, 'index.mjs'));
  extra(dir);
  return join(dir, 'index.mjs');
}

describe('a plugin host that stalls its pipe', () => {
  it(
    'cannot keep the hub from starting: a half-sent frame ends its host, and the plugin is refused',
    { timeout: 40_000 },
    async () => {
      // At import, before the plugin host could answer "started", a frame header announcing bytes that never come.
      const stalling = packageWith('stalling', (dir) =>
        writeFileSync(
          join(dir, 'index.mjs'),
          "import { writeSync } from 'node:fs';\nwriteSync(3, Buffer.from([0, 0, 3, 232]));\nawait new Promise(() => {});\n",
        ),
      );
      const started = Date.now();
      const stalled = await createTestHub({
        plugins: [{ entry: stalling }],
        pluginOptions: { allowUnsigned: true, legacyWorkers: true },
      });
      try {
        expect(Date.now() - started).toBeLessThan(30_000);
        const res = await stalled.gql('{ plugins { name status problems } }', {}, stalled.fixtures.keys.platformAdmin);
        expect(res.data.plugins).toEqual([
          {
            name: stalling,
            status: 'FAILED',
            problems: [expect.stringMatching(/protocol|did not answer|did not start/)],
          },
        ]);
      } finally {
        await stalled.close();
      }
    },
  );
});

describe('the fenced plugin host', () => {
  let hub: TestHub;
  const secretFile = join(outside, 'hub-secret.txt');
  let linked: string;
  let clean: string;

  beforeAll(async () => {
    writeFileSync(secretFile, "the hub's secret");
    linked = packageWith('linked', (dir) => symlinkSync(secretFile, join(dir, 'notes.txt')));
    clean = packageWith('clean', () => undefined);
    hub = await createTestHub({
      plugins: [{ entry: linked }, { entry: clean, capabilities: ['kv'] }],
      pluginOptions: { deadlineMs: 2_000, allowUnsigned: true, legacyWorkers: true },
    });
    const requested = await hub.gql(
      'mutation { requestServiceAccess(service: "misbehaving", purpose: "Testing the fence") { grant { id } } }',
      {},
      hub.fixtures.keys.companyAAdmin,
    );
    await hub.gql(
      'mutation($id: ID!) { approveServiceAccess(id: $id) { grant { status } } }',
      { id: requested.data.requestServiceAccess.grant.id },
      hub.fixtures.keys.platformAdmin,
    );
  });
  afterAll(() => hub.close());

  // The plugin host of one loaded plugin (each has its own).
  const fenceOf = (name: string) => (hub.services.plugins.runnerOf(name) as unknown as { fence: PluginFence }).fence;

  const query = (operation: string, input: unknown = {}) =>
    hub.gql(
      'query($o: String!, $i: JSON) { serviceQuery(service: "misbehaving", operation: $o, input: $i) }',
      { o: operation, i: input },
      hub.fixtures.keys.companyADev,
    );

  it('refuses a package holding a link out of itself before any of its code runs, and lets the host read none of it', async () => {
    const res = await hub.gql('{ plugins { name status problems } }', {}, hub.fixtures.keys.platformAdmin);
    const refused = res.data.plugins.find((p: { name: string }) => p.name === linked);
    expect(refused).toMatchObject({
      status: 'FAILED',
      problems: [expect.stringContaining('notes.txt is a symbolic link to')],
    });
    // The clean copy (same plugin name) is the one that runs.
    expect(res.data.plugins.find((p: { name: string }) => p.name === '@maru-test/misbehaving')).toMatchObject({
      status: 'ENABLED',
    });
    expect(linkOutside(join(work, 'linked'), [join(work, 'linked')])).toMatchObject({ link: 'notes.txt' });
    expect(linkOutside(join(work, 'clean'), [join(work, 'clean')])).toBeNull();
    // A link to a folder inside the package still lets `up/../..` climb out of it (the kernel follows the link first).
    mkdirSync(join(work, 'climbing', 'd'), { recursive: true });
    symlinkSync('..', join(work, 'climbing', 'd', 'up'));
    expect(linkOutside(join(work, 'climbing'), [join(work, 'climbing')])).toMatchObject({
      link: join('d', 'up'),
      target: expect.stringContaining('a link to a folder'),
    });
    // A link hidden deeper than any real package is not left unchecked.
    const deep = join(work, 'deep', ...Array.from({ length: 42 }, () => 'd'));
    mkdirSync(deep, { recursive: true });
    expect(linkOutside(join(work, 'deep'), [join(work, 'deep')])).toMatchObject({
      target: expect.stringContaining('nested more than 40 deep'),
    });
  });

  it('fails only the calls in flight when the host dies, starts again, and the hub keeps answering', async () => {
    expect((await query('echo', { text: 'before' })).data.serviceQuery).toEqual({ text: 'before' });
    const fence = fenceOf('@maru-test/misbehaving');
    const pid = fence.pid!;
    const inFlight = query('nap', { ms: 1_500 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    process.kill(pid, 'SIGKILL');
    const failed = await inFlight;
    expect(failed.errors?.[0]?.extensions?.code).toBe('PLUGIN_FAILED');
    // Unrelated queries never depended on it; the next plugin call starts a new host.
    expect((await hub.gql('{ services { totalCount } }')).data.services.totalCount).toBeGreaterThan(0);
    expect((await query('echo', { text: 'after' })).data.serviceQuery).toEqual({ text: 'after' });
    expect(fence.pid).not.toBe(pid);
    expect(fence.restarts).toBeGreaterThanOrEqual(1);
  });

  it('stops a host that answers nothing, not even TIMEOUT, and the next call gets a new one', async () => {
    const fence = fenceOf('@maru-test/misbehaving');
    await query('echo', { text: 'warm' });
    const pid = fence.pid!;
    const call = query('nap', { ms: 100 });
    // A host whose event loop is stuck: it cannot even answer TIMEOUT at the deadline.
    process.kill(pid, 'SIGSTOP');
    const res = await call;
    expect(res.errors?.[0]?.extensions?.code).toBe('TIMEOUT');
    expect((await query('echo', { text: 'again' })).data.serviceQuery).toEqual({ text: 'again' });
    expect(fence.pid).not.toBe(pid);
  });

  it("starts the host under the permission model, without sqlite, reading only its plugin's folders", () => {
    const flags = fenceOf('@maru-test/misbehaving').flags();
    expect(flags.slice(0, 3)).toEqual(['--permission', '--allow-worker', '--no-experimental-sqlite']);
    expect(flags).not.toContain('--allow-child-process');
    expect(
      flags.some(
        (f) => f.startsWith('--allow-fs-write') || f.startsWith('--allow-addons') || f.startsWith('--allow-net'),
      ),
    ).toBe(false);
    expect(flags).toContain(`--allow-fs-read=${join(work, 'clean')}`);
    expect(flags.some((f) => f.includes(join(work, 'linked')))).toBe(false);
    expect(flags.some((f) => f === `--allow-fs-read=${work}`)).toBe(false);
  });
});
