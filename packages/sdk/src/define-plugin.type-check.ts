// Compile-time checks of defineOperation's inference, run by `npm run typecheck`
// (this file is not exported or bundled): if inference breaks, an
// `@ts-expect-error` below stops being an error and tsc fails.
import { z } from 'zod';
import { defineOperation } from './define-plugin.js';

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
