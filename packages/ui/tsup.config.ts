import { copyFile } from 'node:fs/promises';
import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  // `npm start` builds without declarations (MARU_BUILD_TYPES=0): a running hub never reads them.
  dts: process.env.MARU_BUILD_TYPES !== '0',
  clean: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'browser',
  external: ['react', 'react-dom', 'i18next', 'react-i18next'],
  esbuildOptions(options) {
    options.jsx = 'automatic';
  },
  // The stylesheet is plain CSS, shipped beside the code as `@maru/ui/styles.css`.
  async onSuccess() {
    await copyFile('src/styles.css', 'dist/styles.css');
  },
});
