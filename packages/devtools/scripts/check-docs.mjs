#!/usr/bin/env node
// `npm run docs:check`: the docs agree with the code.
//  1. docs/reference/sdk/ is what `npm run docs:sdk` generates from the SDK's source now.
//  2. Every GraphQL operation in the docs (```graphql blocks, with the ```json
//     variables right after them) is valid against docs/reference/schema.graphql.
//  3. docs/guides/getting-started-government.md runs, step by step, against a
//     demo hub (needs packages/hub/dist; `--no-run` skips it).
//  4. Every test docs/security/threat-model.md names exists: its file, and each quoted title in that file.
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { buildSdkDocs, root, SDK_DOCS } from './build-sdk-docs.mjs';
import { checkBlock, guideBlocks, loadSchema } from './docs/guide-blocks.mjs';
import { runGovernmentGuide } from './docs/run-government-guide.mjs';

const problems = [];
const files = (dir) =>
  existsSync(dir)
    ? readdirSync(dir).flatMap((name) =>
        statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)],
      )
    : [];

// 1. The SDK reference.
const fresh = await buildSdkDocs(mkdtempSync(join(tmpdir(), 'maru-sdk-docs-')));
const want = new Map(files(fresh).map((f) => [relative(fresh, f), readFileSync(f, 'utf8')]));
const have = new Map(files(SDK_DOCS).map((f) => [relative(SDK_DOCS, f), readFileSync(f, 'utf8')]));
const stale = [
  ...[...want.keys()].filter((f) => !have.has(f)).map((f) => `missing ${f}`),
  ...[...have.keys()].filter((f) => !want.has(f)).map((f) => `no longer generated: ${f}`),
  ...[...want.keys()].filter((f) => have.has(f) && have.get(f) !== want.get(f)).map((f) => `differs: ${f}`),
];
if (stale.length)
  problems.push(
    `docs/reference/sdk/ is not what the SDK's source generates (${stale.slice(0, 5).join('; ')}${stale.length > 5 ? `; and ${stale.length - 5} more` : ''}): run \`npm run docs:sdk\` and commit the result.`,
  );
console.log(`SDK reference: ${stale.length ? 'STALE' : 'current'} (${want.size} pages)`);

// 2. GraphQL in the docs.
const schema = loadSchema(join(root, 'docs/reference/schema.graphql'));
const markdown = [
  join(root, 'README.md'),
  ...files(join(root, 'docs')).filter((f) => f.endsWith('.md') && !f.startsWith(SDK_DOCS)),
  ...files(join(root, 'examples')).filter((f) => f.endsWith('README.md') && !f.includes('node_modules')),
];
let operations = 0;
for (const file of markdown) {
  for (const block of guideBlocks(file)) {
    operations++;
    for (const problem of checkBlock(schema, block)) problems.push(`${relative(root, file)}:${block.line}: ${problem}`);
  }
}
console.log(`GraphQL in the docs: ${operations} operations in ${markdown.length} files checked against the SDL`);

// 4. The threat model's tests: a row counts only if the test it names is there.
{
  const model = join(root, 'docs/security/threat-model.md');
  const resolve = (path) =>
    path.startsWith('core/')
      ? join(root, 'packages/core/src', path.slice(5))
      : path.startsWith('hub/')
        ? join(root, 'packages/hub', path.slice(4))
        : join(root, path);
  const named = [];
  let titles = 0;
  for (const [index, line] of readFileSync(model, 'utf8').split('\n').entries()) {
    if (!line.startsWith('| ') || !line.includes('.test.ts')) continue;
    const cell = line
      .replace(/\s*\|\s*$/, '')
      .split(' | ')
      .at(-1);
    let source;
    for (const match of cell.matchAll(/`([^`]+\.test\.ts)`|"([^"]+)"/g)) {
      if (match[1]) {
        // A bare file name is one named before with its path.
        const path = match[1].includes('/') ? match[1] : (named.find((p) => p.endsWith(`/${match[1]}`)) ?? match[1]);
        named.push(path);
        source = existsSync(resolve(path)) ? readFileSync(resolve(path), 'utf8') : undefined;
        if (source === undefined) problems.push(`docs/security/threat-model.md:${index + 1}: no test file ${path}`);
      } else if (source !== undefined) {
        titles++;
        // `(accepting …)` stands for the part of a title a loop fills in.
        const title = match[2].replace(/ \(accepting …\)$/, '');
        if (!source.includes(title))
          problems.push(`docs/security/threat-model.md:${index + 1}: no test "${match[2]}" in ${named.at(-1)}`);
      }
    }
  }
  console.log(`threat model: ${titles} test titles found in ${new Set(named).size} test files`);
}

// 3. The government guide, run.
if (!process.argv.includes('--no-run')) {
  if (!existsSync(join(root, 'packages/hub/dist/main.js')))
    problems.push('packages/hub/dist/main.js is missing: build the hub (`npm run build`) to run the government guide.');
  else {
    try {
      const ran = await runGovernmentGuide(root);
      console.log(`getting-started-government.md: all ${ran} operations ran against a demo hub`);
    } catch (error) {
      problems.push(error.message);
    }
  }
}

if (problems.length) {
  console.error(`\n${problems.join('\n')}`);
  process.exit(1);
}
console.log('docs ok');
