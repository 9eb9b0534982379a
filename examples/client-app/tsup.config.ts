import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/app.ts', 'src/main.ts'],
  format: ['esm'],
  dts: { entry: 'src/app.ts' },
  clean: true,
  sourcemap: true,
  target: 'node24',
});
