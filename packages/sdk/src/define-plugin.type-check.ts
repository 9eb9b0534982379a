// Compile-time checks of defineOperation's and defineConnector's inference,
// run by `npm run typecheck` (this file is not exported or bundled): if
// inference breaks, an `@ts-expect-error` below stops being an error and tsc fails.
import { z } from 'zod';
import { defineConnector } from './define-connector.js';
import { defineOperation, definePlugin } from './define-plugin.js';

defineOperation({
  kind: 'query',
  input: z.object({ n: z.number() }),
  output: z.object({ doubled: z.number() }),
  // @ts-expect-error — `n` is a number, so `n.toUpperCase` does not exist.
  handler: ({ n }) => ({ doubled: n.toUpperCase() }),
});

defineOperation({
  kind: 'query',
  input: z.object({ n: z.number() }),
  output: z.object({ doubled: z.number() }),
  // @ts-expect-error — the result must match the output schema.
  handler: ({ n }) => ({ doubled: String(n) }),
});

defineOperation({
  kind: 'query',
  input: z.object({ n: z.number() }),
  output: z.object({ doubled: z.number() }),
  handler: ({ n }) => ({ doubled: n * 2 }),
});

// defineConnector: `config` in `read` is inferred from the config schema, and
// only objects may be yielded as records.
defineConnector({
  key: 'numbers',
  name: 'Numbers',
  config: z.object({ count: z.number() }),
  read: async function* ({ count }) {
    // @ts-expect-error — `count` is a number, so `count.toUpperCase` does not exist.
    yield { n: count.toUpperCase() };
  },
});

defineConnector({
  key: 'numbers',
  name: 'Numbers',
  config: z.object({ count: z.number() }),
  // @ts-expect-error — a record is an object of field values, not a number.
  read: async function* ({ count }) {
    yield count;
  },
});

definePlugin({
  name: '@acme/maru-numbers',
  version: '1.0.0',
  publisher: 'Acme',
  compatibility: '^1.1.0',
  connectors: [
    defineConnector({
      key: 'numbers',
      name: 'Numbers',
      config: z.object({ count: z.number().int().default(10) }),
      read: async function* ({ count }, ctx) {
        for (let n = 0; n < count && !ctx.signal.aborted; n++) yield { n };
      },
    }),
  ],
});
