import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateManifest } from '../src/index.js';

const root = join(import.meta.dirname, '..');
const log = { debug() {}, info() {}, warn() {}, error() {} };

describe('README', () => {
  it.each(['readme-example.ts', 'readme-connector-example.ts'])(
    'shows exactly the example %s that this package typechecks',
    (file) => {
      const example = readFileSync(join(root, 'test', file), 'utf8');
      expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(example.trim());
    },
  );

  it('its plugin has a valid manifest and answers', async () => {
    const plugin = (await import('./readme-example.js')).default;
    expect(validateManifest(plugin.manifest)).toEqual([]);
    const greet = plugin.services[0]!.operations.greet!;
    expect(await greet.handler({ name: '민지' }, { log } as never)).toEqual({
      greeting: '안녕하세요, 민지! Hello, 민지!',
    });
  });

  it("its connector plugin has a valid manifest and streams the ERP's pages until an empty one", async () => {
    const plugin = (await import('./readme-connector-example.js')).default;
    expect(validateManifest(plugin.manifest)).toEqual([]);
    const pages = [[{ id: 1 }, { id: 2 }], [{ id: 3 }], []];
    const fetch = async (url: string) => Response.json(pages[Number(new URL(url).searchParams.get('page')) - 1]);
    const records = [];
    for await (const record of plugin.connectors[0]!.read({ year: 2026 }, {
      log,
      fetch,
      signal: new AbortController().signal,
    } as never))
      records.push(record);
    expect(records).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
  });
});
