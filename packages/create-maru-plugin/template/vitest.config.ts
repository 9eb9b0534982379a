import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Each test file starts a hub; give them time on a slow machine.
  test: { testTimeout: 30_000, hookTimeout: 30_000 },
});
