// The trivial plugin the boundary benchmark calls.
import { definePlugin, defineOperation, defineService, z } from '@maru/sdk';

export const echo = defineOperation({
  kind: 'query',
  input: z.object({ text: z.string() }),
  output: z.object({ text: z.string() }),
  handler: ({ text }) => ({ text }),
});

export const remember = defineOperation({
  kind: 'mutation',
  input: z.object({ text: z.string() }),
  output: z.object({ text: z.string() }),
  handler: async ({ text }, ctx) => {
    await ctx.kv.set('last', text);
    return { text };
  },
});

export default definePlugin({
  name: '@maru-bench/echo',
  version: '1.0.0',
  publisher: 'Maru benchmarks',
  compatibility: '^1.0.0',
  capabilities: ['kv'],
  services: [defineService({ key: 'echo', name: 'Echo', operations: { echo, remember } })],
});
