// Replaces one marked section of docs/benchmarks.md, keeping the others, so
// each benchmark can be rerun alone.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SMOKE } from './smoke.mjs';

const file = join(dirname(fileURLToPath(import.meta.url)), '../../../docs/benchmarks.md');
const HEAD =
  '# Benchmarks\n\nProduced by `npm run bench`; each section is rewritten by its own benchmark. Figures come from shared, noisy machines: compare ratios within one run, not absolute numbers across runs. Tests never assert timings.\n';

export function writeSection(name, body) {
  // BENCH_SMOKE (smoke.mjs): a no-op. `npm test` runs every benchmark in a smoke size to keep it
  // working; such figures measure nothing worth writing down, and a test run must not touch the docs.
  if (SMOKE) return void console.error(`bench ${name}: smoke run, docs/benchmarks.md left as it is`);
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  let text = existsSync(file) ? readFileSync(file, 'utf8') : HEAD;
  const block = `${start}\n${body.trim()}\n${end}`;
  const pattern = new RegExp(`${start}[\\s\\S]*?${end}`);
  text = pattern.test(text) ? text.replace(pattern, block) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, text);
}
