import { defineOperation, definePlugin, defineService, z } from '@maru/sdk';
import pkg from '../package.json' with { type: 'json' };

/** A query: answers from its input alone, with no side effects. */
const greet = defineOperation({
  kind: 'query',
  description: 'Greets someone by name.',
  input: z.object({ name: z.string().min(1).max(100) }),
  output: z.object({ greeting: z.string() }),
  handler: ({ name }) => ({ greeting: `Hello, ${name}!` }),
});

/** A mutation: counts visits in the plugin's own key/value storage, which the `kv` capability below asks for. */
const countVisit = defineOperation({
  kind: 'mutation',
  description: 'Counts a visit of the visitor and answers how many there were.',
  input: z.object({ visitor: z.string().min(1).max(100) }),
  output: z.object({ visitor: z.string(), visits: z.number().int() }),
  handler: async ({ visitor }, ctx) => {
    const key = `visits:${visitor}`;
    const visits = ((await ctx.kv.get<number>(key)) ?? 0) + 1;
    await ctx.kv.set(key, visits);
    ctx.log.info('visit counted', { visitor, visits });
    return { visitor, visits };
  },
});

export default definePlugin({
  // Name and version come from package.json, so they always agree (the hub installs by package name).
  name: pkg.name,
  version: pkg.version,
  publisher: '{{publisher}}',
  compatibility: '{{pluginApi}}',
  capabilities: ['kv'],
  services: [
    defineService({
      key: '{{serviceKey}}',
      name: '{{serviceName}}',
      description: 'A sample service: a greeting and a visit counter.',
      category: 'general',
      operations: { greet, countVisit },
    }),
  ],
});
