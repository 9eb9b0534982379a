import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // Only needed inside the Maru repository, where @maru/testing's hub (@maru/core) is a workspace
    // symlink that vite would bundle with graphql's ESM build while yoga uses the CJS one. A plugin
    // that installs @maru/testing from npm needs no config (as @maru/testing's own config explains).
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
