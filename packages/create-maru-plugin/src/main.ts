#!/usr/bin/env node
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { CreateError } from './create-error.js';
import { createPluginProject } from './create-plugin-project.js';

const USAGE = `Usage: npm create maru-plugin@latest <folder> [-- options]
       create-maru-plugin <folder> [options]

Creates a Maru plugin project in <folder> (a new or empty folder).

  --name <package>       the npm package name (default: the folder's name)
  --publisher <org>      your organization, as the manifest names it
  --local <folder>       depend on the Maru packages packed into this folder
                         (maru-sdk-<version>.tgz, …) instead of the registry;
                         also MARU_LOCAL_TARBALLS`;

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        name: { type: 'string' },
        publisher: { type: 'string' },
        local: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
    });
  } catch (error) {
    process.stderr.write(`create-maru-plugin: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) {
    process.stderr.write(`create-maru-plugin: name the folder to create, e.g. my-plugin\n\n${USAGE}\n`);
    return 2;
  }
  try {
    const local = values.local ?? process.env.MARU_LOCAL_TARBALLS;
    const created = createPluginProject({
      target: positionals[0]!,
      name: values.name,
      publisher: values.publisher,
      local: local || undefined,
    });
    const folder = relative(process.cwd(), created.dir) || '.';
    process.stdout.write(
      [
        `Created ${created.name} in ${created.dir}${local ? ` (Maru packages from ${local})` : ''}.`,
        '',
        'Next:',
        `  cd ${folder}`,
        '  npm install',
        '  npm test                     # builds, then tests the plugin in a real hub',
        '  npx maru validate            # checks it as a hub will, prints what it asks for',
        '  npx maru hub --plugin .      # a local hub with it at http://localhost:4000/graphql',
        '',
        'README.md has the rest.',
        '',
      ].join('\n'),
    );
    return 0;
  } catch (error) {
    if (!(error instanceof CreateError)) throw error;
    process.stderr.write(`create-maru-plugin: ${(error as Error).message}\n`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
