#!/usr/bin/env node
// Enforces the package roles of docs/architecture.md: each workspace package
// declares `"maru": { "role": ... }` and may depend on, and import, only the
// internal packages its role allows. Run for all packages, or one with
// `--package <dir>`.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const ALLOWED = {
  sdk: [],
  testing: ['sdk', 'host'],
  host: ['sdk', 'host'],
  // The portal builds on the component library; neither reaches the hub but through GraphQL.
  web: ['web'],
  plugin: ['sdk', 'testing'],
  example: ['sdk', 'testing', 'host', 'web', 'plugin'],
  tooling: ['sdk', 'testing', 'host', 'web'],
};
// Within the host role only this direction is allowed: the hub runs the core.
const HOST_ORDER = ['@maru/core', '@maru/hub'];

const workspaces = ['packages', 'plugins', 'examples']
  .flatMap((dir) =>
    existsSync(join(root, dir)) ? readdirSync(join(root, dir)).map((name) => join(root, dir, name)) : [],
  )
  .filter((dir) => existsSync(join(dir, 'package.json')));
const manifests = new Map(workspaces.map((dir) => [dir, JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))]));
const roleOf = new Map([...manifests.values()].map((pkg) => [pkg.name, pkg.maru?.role]));

const only = process.argv.indexOf('--package');
const selected = only > 0 ? [resolve(process.argv[only + 1])] : workspaces;
const problems = [];

for (const dir of selected) {
  const pkg = manifests.get(dir);
  const role = pkg?.maru?.role;
  const where = relative(root, dir);
  if (!role || !(role in ALLOWED)) {
    problems.push(`${where}/package.json: set "maru": { "role": ... } to one of ${Object.keys(ALLOWED).join(', ')}`);
    continue;
  }
  const check = (name, source) => {
    if (!roleOf.has(name) || name === pkg.name) return;
    const other = roleOf.get(name);
    const ok =
      ALLOWED[role].includes(other) &&
      !(role === 'host' && other === 'host' && HOST_ORDER.indexOf(name) > HOST_ORDER.indexOf(pkg.name));
    if (!ok)
      problems.push(`${source}: a ${role} package may not use ${name} (role ${other}); see docs/architecture.md`);
  };
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const name of Object.keys(pkg[field] ?? {})) check(name, `${where}/package.json ${field}`);
  }
  for (const file of sourceFiles(join(dir, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)) {
      const spec = match[1];
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec);
        if (!target.startsWith(dir))
          problems.push(
            `${relative(root, file)}: relative import "${spec}" leaves the package; import the package by name`,
          );
        continue;
      }
      const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
      check(name, relative(root, file));
      if (
        roleOf.has(name) &&
        name !== pkg.name &&
        !(pkg.dependencies?.[name] || pkg.devDependencies?.[name] || pkg.peerDependencies?.[name])
      ) {
        problems.push(`${relative(root, file)}: imports ${name} but package.json does not declare it`);
      }
    }
  }
}

function* sourceFiles(dir) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx|mts|js|mjs)$/.test(name)) yield path;
  }
}

// Inside the core, each domain module has one front door: code outside a module's folder imports
// only its index.ts (docs/architecture.md, "Modules"). Infrastructure folders (graphql/, store/,
// http/, testing/) and root files are not modules and are imported directly.
const CORE = join(root, 'packages/core');
const CORE_MODULES = [
  'identity',
  'audit',
  'events',
  'challenges',
  'catalogue',
  'plugins',
  'data',
  'coordination',
  'wallet',
  'insights',
  'notices',
  'site',
];
// The exceptions, each with its reason:
// - the schema builder every module's GraphQL part is declared on needs the viewer's predicates for
//   its auth scopes; importing identity's index (which registers identity's types on that builder)
//   from the builder would be a load-order cycle. viewer.ts and model.ts import nothing of the hub.
// - a test may use another module's test fixtures (`fixtures/`): shared test support, not internals.
const CORE_LEAVES = { 'graphql/builder.ts': ['identity/viewer.ts', 'identity/model.ts'] };
const isFixture = (file, target) => /\.test\.tsx?$/.test(file) && target.split('/').includes('fixtures');
if (selected.includes(CORE)) {
  const src = join(CORE, 'src');
  const moduleOf = (path) => {
    const first = relative(src, path).split('/')[0];
    return CORE_MODULES.includes(first) && existsSync(join(src, first, 'index.ts')) ? first : null;
  };
  for (const name of CORE_MODULES)
    if (existsSync(join(src, name)) && !existsSync(join(src, name, 'index.ts')))
      problems.push(`packages/core/src/${name}/: a domain module needs an index.ts, its one front door`);
  for (const file of sourceFiles(src)) {
    const from = moduleOf(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"](\.[^'"]+)['"]/g)) {
      const target = resolve(dirname(file), match[1]).replace(/\.js$/, '.ts');
      const to = moduleOf(target);
      if (!to || to === from) continue;
      if ((CORE_LEAVES[relative(src, file)] ?? []).includes(relative(src, target)) || isFixture(file, target)) continue;
      if (target !== join(src, to, 'index.ts'))
        problems.push(
          `${relative(root, file)}: imports "${match[1]}" inside the ${to} module; import ${to}'s index.ts ` +
            `(its front door) and export what you need there`,
        );
    }
  }
}

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`imports ok (${selected.length} package${selected.length === 1 ? '' : 's'})`);
