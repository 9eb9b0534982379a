import { defineConfig } from 'tsup';
import { templateVersions } from './scripts/template-versions.mjs';

export default defineConfig({
  entry: ['src/index.ts', 'src/main.ts'],
  format: ['esm'],
  dts: { entry: 'src/index.ts' },
  clean: true,
  sourcemap: true,
  target: 'node24',
  define: { __TEMPLATE_VERSIONS__: JSON.stringify(templateVersions()) },
});
