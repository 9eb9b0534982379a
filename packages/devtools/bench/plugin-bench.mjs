#!/usr/bin/env node
// The cost of the plugin isolation boundary: the same trivial operation called
// in-process (schema parse + handler + output parse), through a worker thread in
// the hub's process (PluginRunner, `isolation: 'unconfined'`), through a legacy
// fenced plugin host (a child process per plugin under Node's permission model,
// the plugin in a worker thread), and through an isolate in the shared isolate
// host (plugin API 2, the default), one call at a time, in the same run; then a
// call with one ctx.kv round trip, the hosts' memory per plugin, and how long
// the bundled plugins' isolates take to start.
import { existsSync, readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FencedRunner, PluginFence, PluginRunner, isolatedVmBinary } from '@maru/core';
import plugin, { echo } from './echo-plugin.mjs';
import { size } from './smoke.mjs';
import { writeSection } from './write-section.mjs';

const CALLS = size('BENCH_PLUGIN_CALLS', 5000, 200);
const WARMUP = size('BENCH_PLUGIN_WARMUP', 500, 20);
const entry = fileURLToPath(new URL('./echo-plugin.mjs', import.meta.url));
const sdkDir = dirname(fileURLToPath(import.meta.resolve('@maru/sdk')));

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

// Every call echoes `hello <i>`: an answer that does not is a broken boundary, not a figure.
async function measure(fn) {
  for (let i = 0; i < WARMUP; i++) await fn(i);
  const times = [];
  for (let i = 0; i < CALLS; i++) {
    const start = process.hrtime.bigint();
    const answer = await fn(i);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (answer?.text !== `hello ${i}`) throw new Error(`plugin bench: call ${i} answered ${JSON.stringify(answer)}`);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

const rssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
const kvStore = new Map();
const kv = {
  get: async (k) => kvStore.get(k),
  set: async (k, v) => void kvStore.set(k, v),
  delete: async (k) => kvStore.delete(k),
};
const call = {
  service: 'echo',
  caller: { organizationId: null, memberId: null },
  mode: 'live',
  deadlineMs: 5000,
  capabilities: ['kv'],
  hosts: [],
};

const direct = await measure(async (i) =>
  echo.output.parse(await echo.handler(echo.input.parse({ text: `hello ${i}` }), {})),
);

const worker = new PluginRunner({ entry, kv });
await worker.start();
const inWorker = await measure((i) => worker.call({ ...call, operation: 'echo', input: { text: `hello ${i}` } }));
const workerKv = await measure((i) => worker.call({ ...call, operation: 'remember', input: { text: `hello ${i}` } }));
await worker.stop();

// As the hub allows them: the plugin's folder, the node_modules above it, the SDK's. One host per plugin.
const newFence = () =>
  new PluginFence({
    readFolders: [dirname(entry), fileURLToPath(new URL('../../../node_modules', import.meta.url)), sdkDir],
  });
const fence = newFence();
const fenced = new FencedRunner(fence, { entry, kv });
const startedAt = performance.now();
await fenced.start();
const firstStartMs = performance.now() - startedAt;
const inFence = await measure((i) => fenced.call({ ...call, operation: 'echo', input: { text: `hello ${i}` } }));
const fenceKv = await measure((i) => fenced.call({ ...call, operation: 'remember', input: { text: `hello ${i}` } }));
const rssOne = rssMb(fence.pid);
const more = [];
for (let i = 0; i < 2; i++) {
  const runner = new FencedRunner(newFence(), { entry, kv });
  await runner.start();
  more.push(runner);
}
const rssThree = rssOne + more.reduce((sum, r) => sum + rssMb(r.fence.pid), 0);
await Promise.all([fenced.stop(), ...more.map((r) => r.stop())]);
if (plugin.manifest.name !== '@maru-bench/echo') throw new Error('unexpected plugin');

// Plugin API 2: the echo plugin as one bundle, in an isolate of the shared isolate host.
const bundled = await build({
  entryPoints: [entry],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  target: 'es2024',
  logLevel: 'error',
});
const bundle = bundled.outputFiles[0].text;
const isolateFence = new PluginFence({ readFolders: [], isolates: { binary: isolatedVmBinary() } });
const inIsolate = (name) =>
  new FencedRunner(isolateFence, { entry: `bench:${name}`, kv }, { bundle, assets: {}, memoryMb: 64 });
const isolated = inIsolate('echo');
await isolateFence.ready();
const hostAloneMb = rssMb(isolateFence.pid);
const isolateStartAt = performance.now();
await isolated.start();
const isolateStartMs = performance.now() - isolateStartAt;
const viaIsolate = await measure((i) => isolated.call({ ...call, operation: 'echo', input: { text: `hello ${i}` } }));
const isolateKv = await measure((i) =>
  isolated.call({ ...call, operation: 'remember', input: { text: `hello ${i}` } }),
);
const isolateOneMb = rssMb(isolateFence.pid);
const extra = [];
for (let i = 0; i < 10; i++) {
  const runner = inIsolate(`echo-${i}`);
  await runner.start();
  await runner.call({ ...call, operation: 'echo', input: { text: 'warm' } });
  extra.push(runner);
}
const isolateElevenMb = rssMb(isolateFence.pid);
// The bundled plugins, as `maru build` made them (when built): how long each isolate takes to start.
const starts = [];
for (const name of ['address', 'documents', 'notify']) {
  const dir = fileURLToPath(new URL(`../../../plugins/${name}/`, import.meta.url));
  if (!existsSync(`${dir}maru-plugin.json`)) continue;
  const described = JSON.parse(readFileSync(`${dir}maru-plugin.json`, 'utf8'));
  const assets = Object.fromEntries(
    (described.manifest.assets ?? []).map((path) => [path, new Uint8Array(readFileSync(`${dir}${path}`))]),
  );
  const runner = new FencedRunner(
    isolateFence,
    { entry: `${dir}${described.bundle}`, kv },
    { bundle: readFileSync(`${dir}${described.bundle}`, 'utf8'), assets, memoryMb: 64 },
  );
  const at = performance.now();
  await runner.start();
  starts.push(
    `${described.manifest.name} ${(performance.now() - at).toFixed(0)} ms (bundle ${(readFileSync(`${dir}${described.bundle}`).length / 1024).toFixed(0)} KiB)`,
  );
  extra.push(runner);
}
await Promise.all([isolated.stop(), ...extra.map((r) => r.stop())]);
await isolateFence.close();

const fmt = (ms) => `${ms.toFixed(3)} ms`;
const row = (name, m) => `| ${name} | ${fmt(m.p50)} | ${fmt(m.p99)} | ${fmt(m.p50 - direct.p50)} |`;
const table = [
  '| path | p50 | p99 | added at p50 |',
  '| --- | ---: | ---: | ---: |',
  row('in-process (parse, handler, parse)', direct),
  row('worker thread in the hub (unconfined)', inWorker),
  row('legacy fenced plugin host (API 1)', inFence),
  row('worker thread, one ctx.kv round trip', workerKv),
  row('legacy fenced plugin host, one ctx.kv round trip', fenceKv),
  row('isolate in the isolate host (API 2, default)', viaIsolate),
  row('isolate, one ctx.kv round trip', isolateKv),
].join('\n');
const memory = [
  `Isolate host (plugin API 2, all plugins in one process): ${hostAloneMb.toFixed(0)} MiB resident with no plugin, ${isolateOneMb.toFixed(0)} MiB with one, ${isolateElevenMb.toFixed(0)} MiB with eleven: ${((isolateElevenMb - isolateOneMb) / 10).toFixed(1)} MiB per further plugin. Starting an isolate with its plugin: ${isolateStartMs.toFixed(0)} ms${starts.length ? `; the bundled plugins: ${starts.join(', ')}` : ''}.`,
  `Legacy fenced plugin hosts (plugin API 1, one process per plugin, the plugin in a worker thread in it): ${rssOne.toFixed(0)} MiB resident for one plugin, ${rssThree.toFixed(0)} MiB for three. Starting a host and its plugin: ${firstStartMs.toFixed(0)} ms.`,
].join('\n\n');
console.log(table);
console.log(memory);
writeSection(
  'plugins',
  `## Plugin isolation boundary\n\nA trivial operation (echo a string), ${CALLS.toLocaleString('en-US')} calls one at a time after ${WARMUP} warm-up calls: in-process, through a worker thread in the hub's process (\`isolation: 'unconfined'\`, as before the fence), and through a legacy fenced plugin host (a child process per plugin under Node's permission model: hub → pipe → host → worker and back), and through an isolate of the shared isolate host (plugin API 2: hub → pipe → host → isolate and back). Then the same with one \`ctx.kv\` round trip (the kv port here is an in-memory map, so the figure is the boundary's). Targets: under 0.3 ms added at the median for a call with one kv round trip, and at most 10 MiB per plugin.\n\n${table}\n\n${memory}\n\nRun on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${process.env.BENCH_MACHINE ?? 'a 2-core shared machine'}.`,
);
