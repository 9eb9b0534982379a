import { defineConfig } from 'vitest/config';
import { templateVersions } from './scripts/template-versions.mjs';

export default defineConfig({
  define: { __TEMPLATE_VERSIONS__: JSON.stringify(templateVersions()) },
  test: { include: ['src/**/*.test.ts'], testTimeout: 30_000 },
});
