#!/usr/bin/env node
// The cost of the plugin isolation boundary: the same trivial operation called
// in-process (schema parse + handler + output parse) and through a worker
// thread (PluginRunner), one call at a time, in the same run.
import { fileURLToPath } from 'node:url';
import { PluginRunner } from '@maru/core';
import plugin, { echo } from './echo-plugin.mjs';
import { writeSection } from './write-section.mjs';

const CALLS = Number(process.env.BENCH_PLUGIN_CALLS ?? 5000);
const WARMUP = 500;

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function measure(fn) {
  for (let i = 0; i < WARMUP; i++) await fn(i);
  const times = [];
  for (let i = 0; i < CALLS; i++) {
    const start = process.hrtime.bigint();
    await fn(i);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

const direct = await measure(async (i) => echo.output.parse(await echo.handler(echo.input.parse({ text: `hello ${i}` }), {})));
const runner = new PluginRunner({ entry: fileURLToPath(new URL('./echo-plugin.mjs', import.meta.url)) });
await runner.start();
const call = { service: 'echo', operation: 'echo', caller: { organizationId: null, memberId: null }, mode: 'live', deadlineMs: 5000, capabilities: [], hosts: [] };
const isolated = await measure((i) => runner.call({ ...call, input: { text: `hello ${i}` } }));
await runner.stop();
if (plugin.manifest.name !== '@maru-bench/echo') throw new Error('unexpected plugin');

const fmt = (ms) => `${ms.toFixed(3)} ms`;
const added = isolated.p50 - direct.p50;
const table = [
  '| path | p50 | p99 |',
  '| --- | ---: | ---: |',
  `| in-process (parse, handler, parse) | ${fmt(direct.p50)} | ${fmt(direct.p99)} |`,
  `| through the worker boundary | ${fmt(isolated.p50)} | ${fmt(isolated.p99)} |`,
  `| **added by the boundary** | **${fmt(added)}** | ${fmt(isolated.p99 - direct.p99)} |`,
].join('\n');
console.log(table);
writeSection(
  'plugins',
  `## Plugin isolation boundary\n\nA trivial operation (echo a string), ${CALLS.toLocaleString('en-US')} calls one at a time after ${WARMUP} warm-up calls, in-process and through \`PluginRunner\` (a worker thread with a heap limit; messages by structured clone). Target: under 1 ms added at the median.\n\n${table}\n\nRun on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${process.env.BENCH_MACHINE ?? 'a 2-core shared machine'}.`,
);
