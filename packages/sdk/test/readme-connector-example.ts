import { defineConnector, definePlugin, PluginError, z } from '@maru/sdk';

const invoices = defineConnector({
  key: 'erp-invoices',
  name: 'ERP invoices',
  description: 'The invoices of one year, from the Acme ERP.',
  config: z.object({ year: z.number().int().min(2000) }),
  read: async function* ({ year }, ctx) {
    for (let page = 1; ; page++) {
      const res = await ctx.fetch(`https://erp.acme.example/invoices?year=${year}&page=${page}`, {
        signal: ctx.signal,
      });
      if (!res.ok) throw new PluginError('ERP_UNAVAILABLE', `The ERP answered ${res.status}; try again later.`);
      const invoices = (await res.json()) as Array<Record<string, unknown>>;
      if (invoices.length === 0) return;
      // One record at a time: the hub pulls them as it stores them.
      yield* invoices;
    }
  },
});

export default definePlugin({
  name: '@acme/maru-erp',
  version: '1.0.0',
  publisher: 'Acme Inc.',
  compatibility: '^2.0.0',
  capabilities: ['fetch'],
  hosts: ['erp.acme.example'],
  connectors: [invoices],
});
