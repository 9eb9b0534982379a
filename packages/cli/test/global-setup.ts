import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Fixture plugins of earlier runs go; each test makes its own under .test-plugins/. */
export default function setup(): void {
  rmSync(fileURLToPath(new URL('../.test-plugins/', import.meta.url)), { recursive: true, force: true });
}
