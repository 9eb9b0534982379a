import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateManifest } from '../src/index.js';

const root = join(import.meta.dirname, '..');

describe('README', () => {
  it('shows exactly the example plugin that this package typechecks', () => {
    const example = readFileSync(join(root, 'test/readme-example.ts'), 'utf8');
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(example.trim());
  });

  it('its plugin has a valid manifest and answers', async () => {
    const plugin = (await import('./readme-example.js')).default;
    expect(validateManifest(plugin.manifest)).toEqual([]);
    const greet = plugin.services[0]!.operations.greet!;
    const log = { debug() {}, info() {}, warn() {}, error() {} };
    expect(await greet.handler({ name: '민지' }, { log } as never)).toEqual({ greeting: '안녕하세요, 민지! Hello, 민지!' });
  });
});
