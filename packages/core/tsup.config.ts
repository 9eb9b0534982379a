import { build } from 'esbuild';
import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'testing/index': 'src/testing/index.ts',
    'plugin-worker': 'src/plugins/plugin-worker.ts',
    'plugin-fence': 'src/plugins/fence/fence-main.ts',
  },
  format: ['esm'],
  // `npm start` builds without declarations (MARU_BUILD_TYPES=0): a running hub never reads them.
  dts: process.env.MARU_BUILD_TYPES !== '0',
  clean: true,
  sourcemap: true,
  target: 'node24',
  // tsup strips `node:` by default; `node:sqlite` exists only with the prefix.
  removeNodeProtocol: false,
  // The runtime inside a plugin's isolate: one script with no imports, for a global scope without Node.
  onSuccess: async () => {
    await build({
      entryPoints: ['src/plugins/isolate/isolate-guest.ts'],
      outfile: 'dist/isolate-guest.js',
      bundle: true,
      format: 'iife',
      platform: 'neutral',
      target: 'es2024',
      // Strict: a plugin's Error.prepareStackTrace then sees no function or receiver of the runtime's frames.
      banner: { js: '"use strict";' },
      logLevel: 'error',
    });
  },
});
