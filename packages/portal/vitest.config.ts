import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      // Units beside the code (the GraphQL client's headers), in Node with the browser globals they use stubbed.
      { test: { name: 'unit', include: ['src/**/*.test.ts'], environment: 'node' } },
      // The end-to-end suite: the built hub serving the built portal, driven in headless Chromium.
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
