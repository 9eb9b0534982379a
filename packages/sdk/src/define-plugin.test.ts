import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { definePlugin, defineOperation, defineService, isPluginDefinition } from './define-plugin.js';
import type { PluginContext } from './context.js';
import { validateManifest } from './validate-manifest.js';

const lookup = defineOperation({
  kind: 'query',
  description: 'Finds addresses.',
  input: z.object({ query: z.string().min(2), limit: z.number().int().max(50).default(10) }),
  output: z.object({ matches: z.array(z.object({ address: z.string(), postcode: z.string() })) }),
  handler: async ({ query, limit }) => ({ matches: [{ address: query.toUpperCase(), postcode: String(limit) }] }),
});

const plugin = definePlugin({
  name: '@acme/maru-address',
  version: '1.2.0',
  publisher: 'Acme Inc.',
  compatibility: '^1.0.0',
  capabilities: ['fetch', 'kv'],
  hosts: ['api.acme.example'],
  config: z.object({ apiKeySecret: z.string() }),
  services: [
    defineService({ key: 'address-lookup', name: 'Address lookup', category: 'address', operations: { lookup } }),
  ],
});

describe('definePlugin', () => {
  it('returns a branded definition whose manifest is plain, serializable data', () => {
    expect(isPluginDefinition(plugin)).toBe(true);
    expect(isPluginDefinition({ manifest: plugin.manifest })).toBe(false);
    expect(JSON.parse(JSON.stringify(plugin.manifest))).toEqual(plugin.manifest);
    expect(structuredClone(plugin.manifest)).toEqual(plugin.manifest);
    expect(validateManifest(plugin.manifest)).toEqual([]);
  });

  it('describes each operation with JSON Schemas of its input and output', () => {
    const [service] = plugin.manifest.services!;
    expect(service).toMatchObject({ key: 'address-lookup', name: 'Address lookup', category: 'address' });
    const [op] = service!.operations;
    expect(op).toMatchObject({ name: 'lookup', kind: 'query', description: 'Finds addresses.' });
    expect(op!.input).toMatchObject({
      type: 'object',
      required: ['query'],
      properties: { query: { type: 'string', minLength: 2 } },
    });
    expect(op!.output).toMatchObject({ type: 'object', properties: { matches: { type: 'array' } } });
    expect(plugin.manifest.config).toMatchObject({ type: 'object', required: ['apiKeySecret'] });
  });

  it('runs the handler with the parsed input', async () => {
    const input = lookup.input.parse({ query: 'sejong-ro' });
    const output = await lookup.handler(input, {} as PluginContext);
    expect(lookup.output.parse(output)).toEqual({ matches: [{ address: 'SEJONG-RO', postcode: '10' }] });
  });
});
