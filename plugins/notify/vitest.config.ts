import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // @maru/testing's hub (@maru/core) is a workspace symlink here, which vite would bundle with
    // graphql's ESM build while yoga uses the CJS one: one copy (see @maru/testing's own config).
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    // Each hub test starts a hub and its plugin host.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
