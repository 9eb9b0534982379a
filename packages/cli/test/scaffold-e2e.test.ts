import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/**
 * The "done when": in a temporary folder outside the repository, the
 * commands of docs/guides/getting-started-plugin-authors.md run as written —
 * scaffold, install the Maru packages from tarballs packed here, build, test,
 * validate, sign, start `maru hub`, call the plugin through GraphQL, pack.
 * Only two things change: the scaffolder comes from its tarball with
 * `--local <tarballs>` (nothing is published), and the hub listens on a free
 * port instead of 4000.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const guide = readFileSync(join(root, 'docs/guides/getting-started-plugin-authors.md'), 'utf8');
const blocks = [...guide.matchAll(/<!-- run: (steps|hub|call) -->\n```bash\n([\s\S]*?)```/g)].map((m) => ({
  kind: m[1] as 'steps' | 'hub' | 'call',
  script: m[2]!,
}));
const PACKED = ['sdk', 'testing', 'core', 'hub', 'cli', 'create-maru-plugin'];
const CREATE = 'npm create maru-plugin@latest my-plugin';
const run = promisify(execFile);

/** The user's environment, without what `npm test` and turbo in this repository add to it. */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (
      /^(npm_package_|npm_lifecycle_|npm_config_local_prefix$|npm_command$|npm_execpath$|npm_node_execpath$|INIT_CWD$|VITEST|TURBO_|NODE_ENV$|NODE_OPTIONS$|MARU_|MONGODB_URI$)/.test(
        key,
      )
    )
      continue;
    env[key] = value;
  }
  // The npm cache is shared. PATH is kept: it leads to the Node 24 this repository brings, as a plugin author's own Node 24 would.
  return {
    ...env,
    npm_config_prefer_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    NO_COLOR: '1',
  };
}

/** SIGTERM to a process group, then waits until all of it has exited (the hub finishes its requests and closes its store). */
async function stopGroup(pgid: number): Promise<void> {
  const alive = () => {
    try {
      process.kill(-pgid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (alive()) process.kill(-pgid, 'SIGTERM');
  for (let waited = 0; alive() && waited < 30_000; waited += 100)
    await new Promise((resolve) => setTimeout(resolve, 100));
  if (alive()) process.kill(-pgid, 'SIGKILL');
}

describe("a new plugin, from the scaffolder to a GraphQL answer, as the plugin authors' guide says", () => {
  it(
    'runs every command of the guide outside the repository, against packed tarballs',
    { timeout: 15 * 60_000 },
    async () => {
      expect(blocks.map((b) => b.kind)).toEqual(['steps', 'steps', 'steps', 'steps', 'hub', 'call', 'steps']);
      expect(blocks[0]!.script).toContain(CREATE);
      const work = mkdtempSync(join(tmpdir(), 'maru-e2e-'));
      const env = userEnv();
      const tarballs = join(work, 'tarballs');
      mkdirSync(tarballs);
      await Promise.all(
        PACKED.map((name) =>
          run('npm', ['pack', '--silent', '--pack-destination', tarballs], { cwd: join(root, 'packages', name), env }),
        ),
      );
      const createTarball = join(
        tarballs,
        readdirSync(tarballs).find((f) => f.startsWith('create-maru-plugin-'))!,
      );

      let cwd = work;
      let hub: ChildProcess | null = null;
      let hubOutput = '';
      let port = '';
      const steps: string[] = [];
      const calls: string[] = [];
      try {
        for (const block of blocks) {
          if (block.kind === 'hub') {
            // In a process group of its own, stopped as a whole below — or, should this test be killed
            // before it gets there, by the watchdog when this process is gone.
            const watched = `${block.script.trim()} --port 0 &\nwhile kill -0 ${process.pid} 2>/dev/null; do sleep 1; done\nkill -- -$$`;
            hub = spawn('bash', ['-c', watched], { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
            hub.stdout!.on('data', (chunk: Buffer) => (hubOutput += chunk.toString()));
            hub.stderr!.on('data', (chunk: Buffer) => (hubOutput += chunk.toString()));
            port = await new Promise<string>((resolve, reject) => {
              const started = Date.now();
              const poll = setInterval(() => {
                const url = /Maru hub for plugin development: http:\/\/127\.0\.0\.1:(\d+)\/graphql/.exec(hubOutput);
                if (url && hubOutput.includes('Stop with Ctrl+C')) {
                  clearInterval(poll);
                  resolve(url[1]!);
                } else if (hub!.exitCode !== null || Date.now() - started > 120_000) {
                  clearInterval(poll);
                  reject(new Error(`maru hub did not start:\n${hubOutput}`));
                }
              }, 100);
            });
            continue;
          }
          const script = (
            block.kind === 'call' ? block.script.replaceAll('localhost:4000', `localhost:${port}`) : block.script
          ).replace(
            CREATE,
            `npm exec --yes --package=${createTarball} -- create-maru-plugin my-plugin --local ${tarballs}`,
          );
          // Each block continues in the folder the previous one ended in, as in one terminal.
          const { stdout, stderr } = await run('bash', ['-euo', 'pipefail', '-c', `${script}\necho "@@cwd=$(pwd)"`], {
            cwd,
            env,
            maxBuffer: 64 * 1024 * 1024,
            timeout: 10 * 60_000,
          }).catch((error: { stdout?: string; stderr?: string; message: string }) => {
            throw new Error(
              `the guide's commands failed:\n${script}\n${error.message}\n${error.stdout ?? ''}\n${error.stderr ?? ''}`,
            );
          });
          cwd = /@@cwd=(.+)\n?$/.exec(stdout)![1]!;
          (block.kind === 'call' ? calls : steps).push(stdout + stderr);
        }
      } finally {
        if (hub?.pid) await stopGroup(hub.pid);
      }

      const output = steps.join('\n');
      expect(cwd).toBe(join(work, 'my-plugin'));
      expect(output).toContain(`Created my-plugin in ${join(work, 'my-plugin')} (Maru packages from ${tarballs}).`);
      expect(output).toMatch(/Tests {2}5 passed \(5\)/);
      expect(output).toContain('No problems found.');
      expect(output).toMatch(/with key my-organization-[0-9a-f]{12}: wrote maru-signature\.json/);
      expect(output).toContain('my-plugin-0.1.0.tgz (5 files); its signature matches its files.');
      expect(hubOutput).toMatch(
        /✓ my-plugin 0\.1\.0 from \.: signed with my-organization-[0-9a-f]{12} \(registered on this hub\)/,
      );
      expect(calls.join('')).toContain('{"data":{"call":{"myPlugin":{"greet":{"greeting":"Hello, Ada!"}}}}}');
      expect(calls.join('')).toContain('{"data":{"call":{"myPlugin":{"countVisit":{"visitor":"Ada","visits":1}}}}}');
      rmSync(work, { recursive: true, force: true });
    },
  );
});
