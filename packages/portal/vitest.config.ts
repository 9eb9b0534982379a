import { defineConfig } from 'vitest/config';

// The end-to-end suite: the built hub serving the built portal, driven in headless Chromium.
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
