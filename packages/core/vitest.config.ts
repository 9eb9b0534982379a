import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql ships CJS (main) and ESM (module). Node loads the dependencies (Pothos, yoga)
    // with the CJS one; vite would hand our sources the ESM one. Two copies cannot share
    // types, so the sources get the copy the dependencies use — as they do when built.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    testTimeout: 30_000,
  },
});
