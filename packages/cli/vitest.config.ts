import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // The commands spawn npm and start hubs; on a loaded machine that takes a while.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
