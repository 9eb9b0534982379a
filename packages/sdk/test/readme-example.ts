import { definePlugin, defineOperation, defineService, PluginError, z } from '@maru/sdk';

const greet = defineOperation({
  kind: 'query',
  description: 'Greets someone in Korean and English.',
  input: z.object({ name: z.string().min(1).max(100) }),
  output: z.object({ greeting: z.string() }),
  handler: async ({ name }, ctx) => {
    if (name === 'nobody') throw new PluginError('NO_ONE_TO_GREET', 'Give a real name.');
    ctx.log.info('greeting', { name });
    return { greeting: `안녕하세요, ${name}! Hello, ${name}!` };
  },
});

export default definePlugin({
  name: '@acme/maru-hello',
  version: '1.0.0',
  publisher: 'Acme Inc.',
  compatibility: '^2.0.0',
  services: [defineService({ key: 'hello', name: 'Hello', category: 'demo', operations: { greet } })],
});
