#!/usr/bin/env node
// `npm run docs:check`: the docs agree with the code.
//  1. docs/reference/sdk/ is what `npm run docs:sdk` generates from the SDK's source now.
//  2. Every GraphQL operation in the docs (```graphql blocks, with the ```json
//     variables right after them) is valid against docs/reference/schema.graphql.
//  3. docs/guides/getting-started-government.md runs, step by step, against a
//     demo hub (needs packages/hub/dist; `--no-run` skips it).
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
