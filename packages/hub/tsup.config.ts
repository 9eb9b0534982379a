import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/main.ts'],
  format: ['esm'],
  // `npm start` builds without declarations (MARU_BUILD_TYPES=0): a running hub never reads them.
  dts: process.env.MARU_BUILD_TYPES === '0' ? false : { entry: 'src/index.ts' },
  clean: true,
  sourcemap: true,
  target: 'node24',
});
