import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { PluginContext } from './context.js';
import { defineConnector } from './define-connector.js';
import { definePlugin, defineOperation, defineService } from './define-plugin.js';
import { validateManifest } from './validate-manifest.js';

const invoices = defineConnector({
  key: 'erp-invoices',
  name: 'ERP invoices',
  description: 'Invoices of one year from the ERP.',
  config: z.object({ year: z.number().int(), pageSize: z.number().int().default(100) }),
  read: async function* ({ year, pageSize }) {
    for (let n = 0; n < 3; n++) yield { year, n, pageSize };
  },
});

const plugin = definePlugin({
  name: '@acme/maru-erp',
  version: '2.0.0',
  publisher: 'Acme Inc.',
  compatibility: '^1.1.0',
  connectors: [invoices],
});

describe('defineConnector', () => {
  it('puts the connector in the manifest with its config as JSON Schema of what a connection sends', () => {
    expect(plugin.manifest.connectors).toEqual([
      {
        key: 'erp-invoices',
        name: 'ERP invoices',
        description: 'Invoices of one year from the ERP.',
        config: expect.objectContaining({ type: 'object', required: ['year'] }),
      },
    ]);
    expect(plugin.connectors).toEqual([invoices]);
    expect(JSON.parse(JSON.stringify(plugin.manifest))).toEqual(plugin.manifest);
  });

  it('lets a plugin contribute connectors only', () => {
    expect(plugin.services).toEqual([]);
    expect(validateManifest(plugin.manifest)).toEqual([]);
  });

  it('leaves `connectors` out of the manifest of a plugin without any, as plugin API 1.0 did', () => {
    const echo = defineOperation({ kind: 'query', input: z.object({}), output: z.object({}), handler: () => ({}) });
    const servicesOnly = definePlugin({
      name: 'p',
      version: '1.0.0',
      publisher: 'P',
      compatibility: '^1.0.0',
      services: [defineService({ key: 's', name: 'S', operations: { echo } })],
    });
    expect(servicesOnly.manifest).not.toHaveProperty('connectors');
    expect(servicesOnly.connectors).toEqual([]);
  });

  it('streams records from read with the parsed config', async () => {
    const records = [];
    for await (const record of invoices.read(invoices.config.parse({ year: 2026 }), {} as PluginContext))
      records.push(record);
    expect(records).toEqual([0, 1, 2].map((n) => ({ year: 2026, n, pageSize: 100 })));
  });
});
