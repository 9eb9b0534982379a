import { defineConfig } from 'tsup';

// ESM only: the hub loads a plugin's module in a worker with import().
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node24',
});
