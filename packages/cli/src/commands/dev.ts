import { existsSync, readFileSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { CliIo, ExitCode } from '../cli-io.js';
import { describeDevHub, startDevHub, type DevHub } from '../dev-hub.js';
import { runScript } from '../run-npm.js';
import { folderArg } from './folder-arg.js';
import { HUB_OPTIONS, HUB_OPTIONS_HELP, hubOptions, stopped } from './hub-options.js';

export const devUsage = `maru dev [folder] [options]

Builds the plugin in the folder (default: the current one) with its "build"
script, starts a local hub with it (as maru hub does, unsigned allowed), and
on every change under src/ builds again and reloads the plugin in the running
hub.

${HUB_OPTIONS_HELP}`;

/** Changes closer together than this make one rebuild (editors write a file in several steps). */
const DEBOUNCE_MS = 200;

export async function dev(argv: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({ args: argv, options: HUB_OPTIONS, allowPositionals: true });
  const dir = folderArg(positionals, io);
  const options = hubOptions(values, io, 'info');
  const hasBuild =
    existsSync(join(dir, 'package.json')) &&
    !!(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts
      ?.build;
  const build = async () => {
    if (!hasBuild) return true;
    const ok = await runScript('build', dir, (text) => io.stderr.write(text), io.env);
    if (!ok)
      io.stderr.write(
        '✗ package.json: the "build" script failed (output above) — fix it; maru dev builds again on the next change under src/\n',
      );
    return ok;
  };
  if (!hasBuild)
    io.stderr.write(
      'Warning: package.json has no "build" script — maru dev reloads src/ changes only if something else builds them.\n',
    );
  await build();
  const { hub, problems } = await startDevHub({ ...options, plugins: [dir], development: true }, io);
  if (problems.length) io.stderr.write(`${problems.map((p) => `  ✗ ${p}`).join('\n')}\n`);
  io.stdout.write(await describeDevHub(hub!, io));

  const src = join(dir, 'src');
  let watcher: FSWatcher | null = null;
  if (existsSync(src)) {
    watcher = watch(src, { recursive: true }, () => schedule());
    io.stdout.write(`Watching ${src} for changes.\n`);
  } else {
    io.stderr.write(`Warning: ${src} does not exist — nothing to watch.\n`);
  }
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (running) again = true;
      else running = rebuild(hub!);
    }, DEBOUNCE_MS);
  };
  const rebuild = async (devHub: DevHub): Promise<void> => {
    const started = Date.now();
    io.stdout.write('src/ changed: building…\n');
    if (await build()) {
      const found = await devHub.reload(devHub.plugins[0]!).catch((error: Error) => [error.message]);
      const manifest = devHub.plugins[0]!.inspection.plugin?.manifest;
      if (found.length) io.stderr.write(`Not reloaded:\n${found.map((p) => `  ✗ ${p}`).join('\n')}\n`);
      else io.stdout.write(`Reloaded ${manifest!.name} ${manifest!.version} in ${Date.now() - started} ms.\n`);
    }
    running = null;
    if (again) {
      again = false;
      running = rebuild(devHub);
    }
  };

  await stopped(io);
  watcher?.close();
  if (timer) clearTimeout(timer);
  await running;
  await hub!.stop();
  return 0;
}
