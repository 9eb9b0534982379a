#!/usr/bin/env node
// `npm run packages:check`: every public workspace package (no "private": true)
// would install cleanly from npm.
//  1. Its build exists: every file package.json points to (exports, main,
//     module, types, bin).
//  2. `npm pack --dry-run` lists only what users need: package.json, README,
//     LICENSE, CHANGELOG and the folders in "files" — never sources, tests,
//     fixtures or build configs (a scaffolder's `template/` is content: the
//     project it creates has sources and tests of its own).
//  3. publint reports no errors.
//  4. are-the-types-wrong finds types resolving for every consumer: profile
//     node16 for packages with ESM and CJS, esm-only for packages without a
//     `require` condition (CommonJS consumers are not promised anything);
//     asset subpaths such as ./styles.css have no types and are left out.
// And once for the repository:
//  5. `changeset status` passes: no changed public package without a changeset.
//  6. The SDK's API report (packages/sdk/etc/sdk.api.md) matches its build:
//     API Extractor without --local fails when the public API changed and the
//     report was not updated. `--update-api-report` runs it with --local.
// Run after a build (the root script builds first). Exits 1 listing every problem.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const bin = (name) => join(root, 'node_modules/.bin', name);
const updateApiReport = process.argv.includes('--update-api-report');
const only = process.argv.includes('--package') ? process.argv[process.argv.indexOf('--package') + 1] : null;

const problems = [];
const summary = [];

const workspaces = ['packages', 'plugins', 'examples']
  .flatMap((dir) =>
    existsSync(join(root, dir)) ? readdirSync(join(root, dir)).map((name) => join(root, dir, name)) : [],
  )
  .filter((dir) => existsSync(join(dir, 'package.json')))
  .map((dir) => ({ dir, pkg: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }));
const publicPackages = workspaces.filter(({ pkg }) => !pkg.private && (!only || pkg.name === only));

const ALWAYS = /^(package\.json|README(\.md)?|LICEN[SC]E(\.md|\.txt)?|CHANGELOG\.md)$/i;
const CONTENT_DIRS = /^templates?\//;
const FORBIDDEN = [
  [
    /(^|\/)(src|test|tests|__tests__|fixtures|__fixtures__|coverage|\.turbo|\.storybook|storybook-static|e2e)\//,
    'sources, tests or fixtures',
  ],
  [/\.(test|spec)\.[cm]?[jt]sx?$|\.test-d\.ts$|\.stories\.[jt]sx?$/, 'a test or story'],
  [
    /(^|\/)(tsconfig[^/]*\.json|tsup\.config\.[cm]?[jt]s|vitest\.config\.[cm]?[jt]s|vite\.config\.[cm]?[jt]s|api-extractor\.json|turbo\.json|codegen\.ts)$/,
    'a build or test config',
  ],
  [/\.api\.md$|\.tsbuildinfo$/, 'a build by-product'],
];

/** Every file package.json points to: export targets (all conditions), main, module, types, bin. */
function entryFiles(pkg) {
  const targets = new Set();
  const walk = (value) => {
    if (typeof value === 'string') targets.add(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(pkg.exports);
  for (const field of ['main', 'module', 'types', 'typings'])
    if (typeof pkg[field] === 'string') targets.add(pkg[field]);
  walk(typeof pkg.bin === 'string' ? { [pkg.name]: pkg.bin } : pkg.bin);
  return [...targets].filter((t) => !t.includes('*')).map((t) => t.replace(/^\.\//, ''));
}

/** Whether the package offers a CommonJS entry (a `require` condition, or a `.cjs` main). */
function isDual(pkg) {
  return JSON.stringify(pkg.exports ?? {}).includes('"require"') || /\.cjs$/.test(pkg.main ?? '');
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return {
    status: result.status,
    out: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim(),
    stdout: result.stdout ?? '',
  };
}

for (const { dir, pkg } of publicPackages) {
  const where = relative(root, dir);
  const fail = (message) => problems.push(`${pkg.name} (${where}): ${message}`);
  const results = [];

  // 1. The build.
  const entries = entryFiles(pkg);
  const missing = entries.filter((file) => !existsSync(join(dir, file)));
  if (missing.length) {
    fail(`not built: ${missing.join(', ')} missing; run \`npm run build\` first`);
    summary.push(`${pkg.name}: NOT BUILT`);
    continue;
  }
  results.push('build');

  // 2. What npm would publish.
  const pack = run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], dir);
  let files = [];
  try {
    files = JSON.parse(pack.stdout)[0].files.map((f) => f.path);
  } catch {
    fail(`npm pack --dry-run failed:\n${pack.out}`);
  }
  const topDirs = new Set((pkg.files ?? []).map((f) => f.replace(/^\.\//, '').replace(/\/.*$/, '')));
  const wrong = files.flatMap((file) => {
    if (ALWAYS.test(file)) return [];
    if (!topDirs.has(file.split('/')[0])) return [`${file} (not in "files")`];
    if (CONTENT_DIRS.test(file)) return [];
    const hit = FORBIDDEN.find(([pattern]) => pattern.test(file));
    return hit ? [`${file} (${hit[1]})`] : [];
  });
  if (wrong.length)
    fail(
      `the tarball would contain ${wrong.slice(0, 8).join(', ')}${wrong.length > 8 ? ` and ${wrong.length - 8} more` : ''}; narrow "files" in package.json`,
    );
  const unpacked = entries.filter((file) => files.length && !files.includes(file));
  if (unpacked.length)
    fail(`package.json points to ${unpacked.join(', ')}, which the tarball would not contain; add it to "files"`);
  if (!files.some((f) => /^README/i.test(f))) fail('the tarball has no README.md');
  if (!wrong.length && !unpacked.length && files.length) results.push(`pack (${files.length} files)`);

  // 3. publint.
  const { messages, pkg: linted } = await publint({ pkgDir: dir, level: 'warning', pack: 'npm' });
  const errors = messages.filter((m) => m.type === 'error');
  for (const message of messages) {
    const text = formatMessage(message, linted) ?? message.code;
    if (message.type === 'error') fail(`publint: ${text}`);
    else console.log(`  ${pkg.name}: publint ${message.type}: ${text}`);
  }
  if (!errors.length)
    results.push(`publint${messages.length ? ` (${messages.length} warning${messages.length === 1 ? '' : 's'})` : ''}`);

  // 4. are-the-types-wrong, on the packed tarball.
  const profile = isDual(pkg) ? 'node16' : 'esm-only';
  // Stylesheets and other assets have no types to resolve; are-the-types-wrong would call them unresolved.
  const assets = Object.entries(typeof pkg.exports === 'object' && pkg.exports ? pkg.exports : {})
    .filter(
      ([subpath, target]) =>
        subpath.startsWith('./') && typeof target === 'string' && !/\.([cm]?js|json|d\.[cm]?ts)$/.test(target),
    )
    .map(([subpath]) => subpath);
  const attw = run(
    bin('attw'),
    [
      '--pack',
      '.',
      '--profile',
      profile,
      '--format',
      'ascii',
      ...(assets.length ? ['--exclude-entrypoints', ...assets] : []),
    ],
    dir,
  );
  if (attw.status !== 0) fail(`are-the-types-wrong (profile ${profile}) found problems:\n${attw.out}`);
  else results.push(`attw ${profile}${assets.length ? ` (not ${assets.join(', ')})` : ''}`);

  summary.push(`${pkg.name}: ${results.join(', ')}`);
}

// 5. Changesets.
if (!only) {
  const status = run(bin('changeset'), ['status'], root);
  if (status.status !== 0)
    problems.push(
      `changeset status failed — a changed public package needs a changeset (\`npx changeset\`), or the base branch "main" is missing:\n${status.out}`,
    );
  else summary.push('changeset status: ok');
}

// 6. The SDK's API report.
if (!only || only === '@maru/sdk') {
  const args = ['run', '-c', join(root, 'packages/sdk/api-extractor.json'), ...(updateApiReport ? ['--local'] : [])];
  const report = run(bin('api-extractor'), args, join(root, 'packages/sdk'));
  if (report.status !== 0) {
    problems.push(
      `@maru/sdk: the public API differs from packages/sdk/etc/sdk.api.md. If the change is intended, update the report — \`npx api-extractor run --local -c packages/sdk/api-extractor.json\` (or \`npm run packages:check -- --update-api-report\`) — and commit it with a changeset; see docs/compatibility.md.\n${report.out
        .split('\n')
        .filter((l) => /error|warning/i.test(l))
        .join('\n')}`,
    );
  } else summary.push(`@maru/sdk API report: ${updateApiReport ? 'updated' : 'matches the build'}`);
}

console.log(summary.map((line) => `  ${line}`).join('\n'));
if (problems.length) {
  console.error(`\n${problems.join('\n\n')}`);
  process.exit(1);
}
console.log(`packages ok (${publicPackages.length} public)`);
