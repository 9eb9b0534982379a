import { defineConfig } from 'tsup';

// One ES module in dist/: the hub loads it in a worker. @maru/sdk and zod stay
// imports (they are peer dependencies): the hub provides them.
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm'],
  clean: true,
  target: 'node24',
});
