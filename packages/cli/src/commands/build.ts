import { isCompatible, PLUGIN_API_VERSION, type PluginManifest } from '@maru/sdk';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { reportProblems, type CliIo, type ExitCode } from '../cli-io.js';
import { bundlePlugin } from '../build-bundle.js';
import { listedInFiles } from '../package-files.js';
import { entryField, type PackageJson } from '../plugin-package.js';
import {
  BUNDLE_PATH,
  bundleImports,
  checkAssets,
  kib,
  MAX_BUNDLE_BYTES,
  mib,
  PLUGIN_FILE,
  pluginFileText,
  posix,
} from '../plugin-bundle.js';
import { folderArg } from './folder-arg.js';

export const buildUsage = `maru build [folder]

Bundles the plugin in the folder (default: the current one) for plugin API 2:
its source (package.json "maru": { "source" }, else src/index.ts) with zod,
@maru/sdk and every other dependency, into one file without imports,
${BUNDLE_PATH}, and writes ${PLUGIN_FILE} with the manifest definePlugin
makes. Refuses Node built-ins (node:fs, crypto, …) and imports that do not
resolve: a plugin runs in an isolate, with only what ctx gives it. Checks the
manifest's assets and that package.json "files" publishes it all.`;

type BuildPackageJson = PackageJson & { maru?: { source?: string } };

export async function build(argv: string[], io: CliIo): Promise<ExitCode> {
  const { positionals } = parseArgs({ args: argv, options: {}, allowPositionals: true });
  const dir = folderArg(positionals, io);
  const pkgFile = join(dir, 'package.json');
  if (!existsSync(pkgFile))
    return reportProblems(io, 'Not built:', [
      `package.json: not found in ${dir} — run maru build in the plugin's folder, or create one with npm create maru-plugin`,
    ]);
  let pkg: BuildPackageJson;
  try {
    pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as BuildPackageJson;
  } catch (error) {
    return reportProblems(io, 'Not built:', [
      `package.json: not valid JSON (${(error as Error).message}) — fix the syntax`,
    ]);
  }
  const source = posix(pkg.maru?.source?.replace(/^\.\//, '') ?? 'src/index.ts');
  if (!existsSync(resolve(dir, source))) {
    const named = pkg.maru?.source
      ? `package.json: "maru": { "source" } names ${source}, which does not exist — fix the path`
      : `${source}: not found — write the plugin there (export default definePlugin({ ... })), or name its file in package.json "maru": { "source": "…" }`;
    return reportProblems(io, 'Not built:', [named]);
  }

  const bundled = await bundlePlugin(dir, source);
  if (!bundled.code) return reportProblems(io, 'Not built:', [...new Set(bundled.problems)]);
  const bytes = Buffer.byteLength(bundled.code);
  if (bytes > MAX_BUNDLE_BYTES)
    return reportProblems(io, 'Not built:', [
      `${source}: the bundle is ${kib(bytes)}, more than the ${mib(MAX_BUNDLE_BYTES)} a hub loads — drop large dependencies, or move data into assets (ctx.assets)`,
    ]);

  const loaded = await loadManifest(bundled.code, source);
  if ('problem' in loaded) return reportProblems(io, 'Not built:', [loaded.problem]);
  const { manifest } = loaded;
  mkdirSync(dirname(join(dir, BUNDLE_PATH)), { recursive: true });
  writeFileSync(join(dir, BUNDLE_PATH), bundled.code);
  writeFileSync(join(dir, PLUGIN_FILE), pluginFileText(manifest));

  const assets = checkAssets(dir, manifest.assets ?? [], source);
  const problems = [...assets.problems, ...packageProblems(pkg, manifest, source)];
  const count = manifest.assets?.length ?? 0;
  io.stdout.write(
    `Built ${BUNDLE_PATH} (${kib(bytes)}) and ${PLUGIN_FILE}: ${manifest.name}@${manifest.version}, ${count} asset${count === 1 ? '' : 's'}${count ? ` (${kib(assets.bytes)})` : ''}.\n`,
  );
  if (problems.length) return reportProblems(io, 'The package will not load until you fix:', problems);
  return 0;
}

/**
 * Runs the bundle once in Node to read the manifest `definePlugin` made. It
 * has no imports, so a copy in a temporary folder runs as it would in place;
 * nothing is written to the package until it proves to be a plugin.
 */
async function loadManifest(code: string, source: string): Promise<{ manifest: PluginManifest } | { problem: string }> {
  const scratch = mkdtempSync(join(tmpdir(), 'maru-build-'));
  try {
    const file = join(scratch, 'plugin.mjs');
    writeFileSync(file, code);
    const left = await bundleImports(file);
    if (left.length)
      return {
        problem: `${source}: the bundle still imports ${left.map((i) => `"${i}"`).join(', ')} — remove those imports`,
      };
    let module: { default?: Record<symbol, unknown> & { manifest?: PluginManifest } };
    try {
      // A fresh URL each time: `maru dev` builds again in the same folder.
      module = (await import(`${pathToFileURL(file).href}?v=${Date.now()}`)) as typeof module;
    } catch (error) {
      return {
        problem: `${source}: the bundle failed to run: ${(error as Error).message.split('\n')[0]} — fix the error and run maru build again`,
      };
    }
    if (module.default?.[Symbol.for('maru.plugin')] !== true || !module.default.manifest)
      return {
        problem: `${source}: the default export is not a plugin — write export default definePlugin({ ... }) (from @maru/sdk)`,
      };
    // As plain JSON: what maru-plugin.json holds and what the hub compares it with.
    return { manifest: JSON.parse(JSON.stringify(module.default.manifest)) as PluginManifest };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** package.json as an API 2 package needs it: "main" on the bundle, "files" publishing bundle, maru-plugin.json and assets. */
function packageProblems(pkg: PackageJson, manifest: PluginManifest, source: string): string[] {
  const problems: string[] = [];
  const [major] = PLUGIN_API_VERSION.split('.');
  if (typeof manifest.compatibility === 'string' && !isCompatible(manifest.compatibility))
    problems.push(
      `${source}: definePlugin → compatibility: "${manifest.compatibility}" does not accept plugin API ${PLUGIN_API_VERSION}, which maru build makes — use "^${major}.0.0"`,
    );
  const entry = entryField(pkg);
  if (!entry) problems.push(`package.json: no "main" — set "main": "./${BUNDLE_PATH}" (the bundle)`);
  else if (posix(entry.target).replace(/^\.\//, '') !== BUNDLE_PATH)
    problems.push(
      `package.json: "${entry.field}" points to ${entry.target}, not to the bundle — set "main": "./${BUNDLE_PATH}"${entry.field === 'exports' ? ' and "exports" to the same file' : ''}`,
    );
  if (!pkg.files)
    problems.push(
      `package.json: no "files", so npm would publish the whole folder — add "files": ${JSON.stringify(['dist', PLUGIN_FILE, 'maru-signature.json', ...(manifest.assets ?? [])])}`,
    );
  else {
    for (const [path, add] of [
      [BUNDLE_PATH, 'dist'],
      [PLUGIN_FILE, PLUGIN_FILE],
      ...(manifest.assets ?? []).map((a) => [a, a]),
    ] as const) {
      if (!listedInFiles(pkg.files, path))
        problems.push(
          `package.json: "files" leaves out ${path}, so the published package would lack it — add "${add}" to "files"`,
        );
    }
  }
  return problems;
}
