import { spawnProcess, type SpawnedProcess } from '@maru/devtools/test-support';
import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
// Inside the repository, so the fixtures' `import '@maru/sdk'` finds the workspace's packages (gitignored).
const FIXTURES = fileURLToPath(new URL('../.test-plugins/', import.meta.url));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built `maru` (on this Node, or `node`) and collects what it printed. */
export function runMaru(
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
  node = process.execPath,
): Promise<Run> {
  return new Promise((resolve) => {
    execFile(node, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

export type Running = SpawnedProcess;

/** Starts a long-running `maru` command (hub, dev); `waitFor` gives it a minute by default. */
export function startMaru(args: string[], cwd: string): Running {
  return spawnProcess({
    name: `maru ${args.join(' ')}`,
    args: [BIN, ...args],
    cwd,
    env: { ...process.env, NO_COLOR: '1' },
    timeoutMs: 60_000,
  });
}

export async function gql(
  url: string,
  key: string,
  query: string,
): Promise<{ data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as never;
}

/** The sample plugin of the fixtures: a query, a kv mutation and a fetch host; plain JavaScript, so it is valid TypeScript too. */
export const PLUGIN_SOURCE = (
  overrides: { name?: string; version?: string; key?: string; compatibility?: string; greeting?: string } = {},
) => `import { defineOperation, definePlugin, defineService, z } from '@maru/sdk';

export default definePlugin({
  name: '${overrides.name ?? 'fixture-plugin'}',
  version: '${overrides.version ?? '1.0.0'}',
  publisher: 'Fixture Inc.',
  compatibility: '${overrides.compatibility ?? '^2.0.0'}',
  capabilities: ['kv', 'fetch'],
  hosts: ['api.example.com'],
  services: [
    defineService({
      key: '${overrides.key ?? 'fixture'}',
      name: 'Fixture',
      operations: {
        greet: defineOperation({ kind: 'query', input: z.object({ name: z.string() }), output: z.object({ greeting: z.string() }), handler: ({ name }) => ({ greeting: '${overrides.greeting ?? 'Hello'}, ' + name }) }),
        remember: defineOperation({
          kind: 'mutation',
          input: z.object({ text: z.string() }),
          output: z.object({ saved: z.boolean() }),
          handler: async ({ text }, ctx) => {
            await ctx.kv.set('last', text);
            return { saved: true };
          },
        }),
      },
    }),
  ],
});
`;

export interface FixtureOptions {
  /** package.json fields to set (undefined removes one). */
  pkg?: Record<string, unknown>;
  source?: string;
  /** Run the build now (default true). */
  built?: boolean;
  /**
   * 2 (default): built with `maru build` into dist/plugin.js and maru-plugin.json.
   * 1: a plugin API 1 package (worker threads): the source copied to dist/index.js, compatibility ^1.0.0.
   */
  api?: 1 | 2;
}

/**
 * A plugin package folder: package.json, src/index.ts (plain JavaScript, so
 * valid TypeScript too) and a "build" script — `maru build`, or for plugin
 * API 1 a copy to dist/index.js.
 */
export function fixturePlugin(options: FixtureOptions = {}): string {
  mkdirSync(FIXTURES, { recursive: true });
  const dir = mkdtempSync(join(FIXTURES, 'plugin-'));
  const legacy = options.api === 1;
  const pkg: Record<string, unknown> = {
    name: 'fixture-plugin',
    version: '1.0.0',
    type: 'module',
    main: legacy ? './dist/index.js' : './dist/plugin.js',
    files: legacy ? ['dist', 'maru-signature.json'] : ['dist', 'maru-plugin.json', 'maru-signature.json'],
    scripts: { build: legacy ? 'node build.mjs' : 'maru build' },
    ...options.pkg,
  };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
  writeFileSync(join(dir, '.gitignore'), '.maru/\n.maru-data/\n');
  mkdirSync(join(dir, 'src'));
  writeFileSync(
    join(dir, 'src', 'index.ts'),
    options.source ?? PLUGIN_SOURCE(legacy ? { compatibility: '^1.0.0' } : {}),
  );
  if (legacy)
    writeFileSync(
      join(dir, 'build.mjs'),
      `import { copyFileSync, mkdirSync } from 'node:fs';\nmkdirSync('dist', { recursive: true });\ncopyFileSync('src/index.ts', 'dist/index.js');\n`,
    );
  if (options.built !== false) build(dir);
  return dir;
}

/** What the fixture's build script does, without spawning npm: the built `maru build` (its result; a failure does not throw), or the copy of plugin API 1. */
export function build(dir: string): Run {
  if (existsSync(join(dir, 'build.mjs'))) {
    mkdirSync(join(dir, 'dist'), { recursive: true });
    copyFileSync(join(dir, 'src', 'index.ts'), join(dir, 'dist', 'index.js'));
    return { code: 0, stdout: '', stderr: '' };
  }
  try {
    return {
      code: 0,
      stdout: execFileSync(process.execPath, [BIN, 'build'], {
        cwd: dir,
        encoding: 'utf8',
        stdio: 'pipe',
        env: { ...process.env, NO_COLOR: '1' },
      }),
      stderr: '',
    };
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string };
    return { code: failed.status, stdout: failed.stdout, stderr: failed.stderr };
  }
}
