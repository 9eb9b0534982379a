import { createPluginTestHub, type PluginTestHub } from '@maru/testing';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL('..', import.meta.url));

// Black-box: what `maru build` made, run as the hub runs it — the bundle in an
// isolate without Node APIs, the dataset handed over as an asset.
describe('the built package in a hub', () => {
  let hub: PluginTestHub;
  beforeAll(async () => (hub = await createPluginTestHub({ plugin: packageDir })));
  afterAll(() => hub?.close());

  it('runs in an isolate and finds its dataset through ctx.assets', async () => {
    const listed = await hub.gql('{ plugins { name status problems isolation } }', {}, 'platform');
    expect(listed.data.plugins).toEqual([
      { name: '@maru/plugin-address', status: 'ENABLED', problems: [], isolation: 'ISOLATE' },
    ]);
    const res = await hub.gql(
      '{ call { addressLookup { search(input: { query: "Teheran-ro", limit: 3 }) { total addresses { roadNameEn } } } } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.call.addressLookup.search.total).toBeGreaterThan(0);
    expect(res.data.call.addressLookup.search.addresses[0].roadNameEn).toBe('Teheran-ro');
    expect(await hub.call('address-lookup', 'byPostcode', { postcode: '03171' })).toMatchObject({
      addresses: [{ roadAddress: '서울특별시 종로구 세종대로 209' }],
    });
  });

  it('answers ADDRESS_NOT_FOUND with its namespaced code', async () => {
    await expect(hub.call('address-lookup', 'byPostcode', { postcode: '99999' })).rejects.toMatchObject({
      code: 'PLUGIN_MARU_PLUGIN_ADDRESS_ADDRESS_NOT_FOUND',
    });
  });
});

describe('the published package', () => {
  it('lists the dataset as an asset in maru-plugin.json', async () => {
    const described = JSON.parse(await readFile(new URL('../maru-plugin.json', import.meta.url), 'utf8')) as {
      api: number;
      bundle: string;
      manifest: { assets: string[] };
    };
    expect(described).toMatchObject({
      api: 2,
      bundle: 'dist/plugin.js',
      manifest: { assets: ['data/addresses.json'] },
    });
  });

  it('publishes the bundle, maru-plugin.json and the dataset, not the sources', async () => {
    const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: packageDir });
    const files = (JSON.parse(stdout) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path);
    expect(files).toEqual(
      expect.arrayContaining([
        'data/addresses.json',
        'dist/plugin.js',
        'maru-plugin.json',
        'package.json',
        'README.md',
      ]),
    );
    expect(files.some((f) => f.startsWith('src/') || f.startsWith('test/'))).toBe(false);
  });
});
