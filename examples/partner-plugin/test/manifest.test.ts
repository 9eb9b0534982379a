import { isCompatible, PLUGIN_API_VERSION, validateManifest } from '@maru/sdk';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

describe('the manifest the hub reads', () => {
  it('is valid and compatible with the plugin API of the SDK it is built with', () => {
    expect(validateManifest(plugin.manifest)).toEqual([]);
    expect(isCompatible(plugin.manifest.compatibility, PLUGIN_API_VERSION)).toBe(true);
  });

  it('asks for what it uses and nothing more', () => {
    expect(plugin.manifest).toMatchObject({
      name: '@acme/maru-business-status',
      capabilities: ['fetch', 'kv'],
      hosts: ['bizreg.acme.example'],
      services: [{ key: 'business-status', operations: [{ name: 'checkStatus', kind: 'query' }] }],
      connectors: [{ key: 'business-closures' }],
    });
  });
});
