import { readFile } from 'node:fs/promises';
import { isCompatible, isPluginDefinition, validateManifest } from '@maru/sdk';
import { describe, expect, it } from 'vitest';
import { documentErrors } from './errors.js';
import plugin from './index.js';

const packageFile = async (name: string) => readFile(new URL(`../${name}`, import.meta.url), 'utf8');

describe('the documents plugin', () => {
  it('has a manifest the hub accepts, that survives JSON', () => {
    expect(isPluginDefinition(plugin)).toBe(true);
    expect(validateManifest(plugin.manifest)).toEqual([]);
    expect(isCompatible(plugin.manifest.compatibility)).toBe(true);
    expect(JSON.parse(JSON.stringify(plugin.manifest))).toEqual(plugin.manifest);
  });

  it('declares its package name and version, asks for kv only, and offers issue, verify and revoke', async () => {
    const pkg = JSON.parse(await packageFile('package.json')) as { name: string; version: string };
    expect(plugin.manifest).toMatchObject({ name: pkg.name, version: pkg.version, capabilities: ['kv'], hosts: [] });
    expect(plugin.manifest.services?.[0]?.operations.map((o) => [o.name, o.kind])).toEqual([
      ['issue', 'mutation'],
      ['verify', 'query'],
      ['revoke', 'mutation'],
    ]);
  });

  it('declares the documents it issues, so the hub holds them for their holders', () => {
    expect(plugin.manifest.issues?.map((d) => [d.type, d.issueInput])).toEqual([
      ['business-registration', { kind: 'BUSINESS_REGISTRATION_PROOF' }],
      ['residence-certificate', { kind: 'RESIDENCE_CERTIFICATE' }],
    ]);
  });

  it('documents every error code it throws in its README, and no other', async () => {
    const section = (await packageFile('README.md')).split(/^## /m).find((part) => part.startsWith('Errors'));
    const documented = [...(section ?? '').matchAll(/^\| `([A-Z][A-Z0-9_]+)` \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(Object.keys(documentErrors).sort());
  });
});
