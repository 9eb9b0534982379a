import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // In this repository @maru/core is a symlink outside node_modules, so vite would load it and
    // hand it graphql's ESM build while yoga and Pothos use the CJS one; one copy keeps types shared.
    // Installed from npm (as plugin authors have it), Node loads it and nothing needs this.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
