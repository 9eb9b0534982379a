/**
 * Where isolated-vm's native module is, and loading it. The plugin host runs
 * under Node's permission model, which lets it read that one file and nothing
 * of isolated-vm's JavaScript loader (node-gyp-build looks around the disk), so
 * the hub finds the file and the host loads it directly.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type IsolatedVM from 'isolated-vm';

const require = createRequire(import.meta.url);

/** The prebuilt (or locally compiled) isolated-vm binary for this Node, or null when there is none. */
export function isolatedVmBinary(): string | null {
  let dir: string;
  try {
    dir = dirname(require.resolve('isolated-vm/package.json'));
  } catch {
    return null;
  }
  const report = process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined;
  const libc = report?.header?.glibcVersionRuntime ? 'glibc' : 'musl';
  const candidates = [
    join(
      dir,
      'prebuilds',
      `${process.platform}-${process.arch}`,
      `isolated-vm.abi${process.versions.modules}.${libc}.node`,
    ),
    join(dir, 'prebuilds', `${process.platform}-${process.arch}`, `isolated-vm.abi${process.versions.modules}.node`),
    join(dir, 'build', 'Release', 'isolated-vm.node'),
  ];
  return candidates.find((path) => existsSync(path)) ?? null;
}

/** isolated-vm's module from its binary. */
export function loadIsolatedVm(binary: string): typeof IsolatedVM {
  return (require(binary) as { ivm: typeof IsolatedVM }).ivm;
}
