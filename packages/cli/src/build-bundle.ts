import { build, type Message, type Plugin } from 'esbuild';
import { builtinModules } from 'node:module';
import { relative } from 'node:path';
import { posix } from './plugin-bundle.js';

const NO_NODE = 'plugins run in an isolate without Node APIs';

/** What to use instead of a Node built-in, in the isolate. */
function insteadOf(builtin: string): string {
  const name = builtin.replace(/^node:/, '').split('/')[0]!;
  if (name === 'fs' || name === 'path')
    return `${NO_NODE}; read package files with ctx.assets (list them in the manifest's assets)`;
  if (name === 'crypto') return `${NO_NODE}; use ctx.crypto (random values, SHA-256, Ed25519)`;
  if (name === 'timers') return `${NO_NODE}; wait with ctx.sleep(ms)`;
  if (['http', 'https', 'http2', 'net', 'tls', 'dns', 'dgram'].includes(name))
    return `${NO_NODE}; call the network with ctx.fetch (list the hosts in the manifest)`;
  return `${NO_NODE}; use what ctx offers instead (ctx.fetch, ctx.kv, ctx.assets, ctx.crypto, ctx.sleep)`;
}

const isBuiltin = (path: string) => path.startsWith('node:') || builtinModules.includes(path);

/**
 * Records, instead of stopping at the first, every import the isolate cannot
 * satisfy: Node built-ins and imports that do not resolve. Each is replaced by
 * an empty module so esbuild goes on and finds the rest.
 */
function isolateImports(dir: string, problems: string[]): Plugin {
  const from = (importer: string) => (importer ? posix(relative(dir, importer)) : 'the entry');
  const dependency = (importer: string) =>
    /(^|\/)node_modules\//.test(from(importer))
      ? ' (in a dependency: choose one that runs without Node, or ask its authors for a build that does)'
      : '';
  return {
    name: 'maru-isolate-imports',
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData === 'maru-inner' || args.kind === 'entry-point') return undefined;
        if (isBuiltin(args.path)) {
          problems.push(
            `${from(args.importer)} imports "${args.path}": ${insteadOf(args.path)}${dependency(args.importer)}`,
          );
          return { path: args.path, namespace: 'maru-refused' };
        }
        const found = await b.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: 'maru-inner',
        });
        if (found.errors.length === 0) return found;
        const bare = !/^[./]/.test(args.path);
        const fix = bare
          ? `install it (npm install ${args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0]}) or remove the import`
          : 'check the path (and its extension), or remove the import';
        problems.push(
          `${from(args.importer)} imports "${args.path}", which cannot be resolved — ${fix}${dependency(args.importer)}`,
        );
        return { path: args.path, namespace: 'maru-refused' };
      });
      b.onLoad({ filter: /.*/, namespace: 'maru-refused' }, () => ({ contents: '', loader: 'js' }));
    },
  };
}

const located = (dir: string, m: Message) =>
  m.location
    ? `${posix(relative(dir, m.location.file)) || m.location.file}:${m.location.line}:${m.location.column + 1}: `
    : '';

/**
 * Bundles a plugin's source into one ES module for the isolate: zod, the SDK
 * and every other dependency inlined, nothing imported at run time. Resolves
 * with the bundle's text, or with every problem found (and no text).
 */
export async function bundlePlugin(dir: string, entry: string): Promise<{ code: string | null; problems: string[] }> {
  const problems: string[] = [];
  const result = await build({
    absWorkingDir: dir,
    entryPoints: [entry],
    bundle: true,
    write: false,
    platform: 'neutral',
    format: 'esm',
    target: 'es2024',
    mainFields: ['module', 'main'],
    // Libraries read process.env.NODE_ENV; the isolate has no `process`.
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
    plugins: [isolateImports(dir, problems)],
  }).catch((error: { errors?: Message[] }) => {
    if (!error.errors) throw error;
    problems.push(...error.errors.map((m) => `${located(dir, m)}${m.text} — fix it, then run maru build again`));
    return null;
  });
  if (!result || problems.length) return { code: null, problems };
  return { code: result.outputFiles[0]!.text, problems };
}
