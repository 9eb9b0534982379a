import { readFile } from 'node:fs/promises';
import { isCompatible, isPluginDefinition, validateManifest } from '@maru/sdk';
import { describe, expect, it } from 'vitest';
import { notifyErrors } from './errors.js';
import plugin from './index.js';

const packageFile = async (name: string) => readFile(new URL(`../${name}`, import.meta.url), 'utf8');

describe('the notify plugin', () => {
  it('has a manifest the hub accepts, that survives JSON', () => {
    expect(isPluginDefinition(plugin)).toBe(true);
    expect(validateManifest(plugin.manifest)).toEqual([]);
    expect(isCompatible(plugin.manifest.compatibility)).toBe(true);
    expect(JSON.parse(JSON.stringify(plugin.manifest))).toEqual(plugin.manifest);
  });

  it('declares its package name and version, asks for kv and fetch to its declared host, and offers send and status', async () => {
    const pkg = JSON.parse(await packageFile('package.json')) as { name: string; version: string };
    expect(plugin.manifest).toMatchObject({
      name: pkg.name,
      version: pkg.version,
      capabilities: ['kv', 'fetch'],
      hosts: ['hooks.example.gov.kr'],
    });
    expect(plugin.manifest.services?.[0]?.operations.map((o) => [o.name, o.kind])).toEqual([
      ['send', 'mutation'],
      ['status', 'query'],
    ]);
  });

  it('documents every error code it throws in its README, and no other', async () => {
    const section = (await packageFile('README.md')).split(/^## /m).find((part) => part.startsWith('Errors'));
    const documented = [...(section ?? '').matchAll(/^\| `([A-Z][A-Z0-9_]+)` \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(Object.keys(notifyErrors).sort());
  });
});
