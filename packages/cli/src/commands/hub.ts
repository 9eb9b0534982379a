import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { reportProblems, type CliIo, type ExitCode } from '../cli-io.js';
import { describeDevHub, startDevHub } from '../dev-hub.js';
import { HUB_OPTIONS, HUB_OPTIONS_HELP, hubOptions, stopped } from './hub-options.js';

export const hubUsage = `maru hub [--plugin <folder>]... [options]

Starts a local hub (@maru/hub) with the built plugins in the folders given,
as npm would publish them. A plugin signed with your local key is loaded as
a production hub would load it (the key is registered first); an unsigned one
is loaded with a warning. Seeds a local company and platform admin and prints
their keys (also written to <data dir>/dev-keys.json); the company may call
the plugins' services.

  --plugin <folder>   a plugin package folder; repeat for more
${HUB_OPTIONS_HELP}`;

export async function hub(argv: string[], io: CliIo): Promise<ExitCode> {
  const { values } = parseArgs({ args: argv, options: { ...HUB_OPTIONS, plugin: { type: 'string', multiple: true } } });
  const options = hubOptions(values, io, 'warn');
  const { hub: running, problems } = await startDevHub(
    { ...options, plugins: (values.plugin ?? []).map((p) => resolve(io.cwd, p)), development: false },
    io,
  );
  if (!running) return reportProblems(io, 'The hub was not started:', problems);
  io.stdout.write(await describeDevHub(running, io));
  const refused = running.plugins.some((p) => !p.loadedAs);
  const failed = (
    await Promise.all(
      running.plugins.map((p) => (p.loadedAs ? running.running.hub.services.plugins.byName(p.loadedAs) : null)),
    )
  ).some((r) => r && r.status !== 'ENABLED');
  if (refused || failed) {
    await running.stop();
    return 1;
  }
  await stopped(io);
  await running.stop();
  return 0;
}
