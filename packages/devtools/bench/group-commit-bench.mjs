#!/usr/bin/env node
// The embedded store's group commit (issue #22): concurrent requests' writes on a
// real file with `synchronous = FULL`, one transaction per write (`off`, as before)
// against writes batched per turn of the event loop (`microtask`, `immediate`).
// Two workloads, each request a separate turn of the event loop as HTTP requests are:
// - metered call: insert the call's record, an I/O turn (the plugin call), complete it;
// - audited mutation: the audit intent, the domain write, the event appended to the
//   hash chain (which serializes appends) and the intent removed — services.audit itself.
// Prints a Markdown table: requests/s, p50/p99 latency (medians of BENCH_GROUP_ROUNDS rounds), commits and writes
// per commit (of the first round).
// BENCH_SMOKE=1 runs a few requests only, to check the bench still works.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices, createSqliteStore } from '@maru/core';

const SMOKE = Boolean(process.env.BENCH_SMOKE);
const REQUESTS = Number(process.env.BENCH_GROUP_REQUESTS ?? (SMOKE ? 60 : 2000));
const CONCURRENCY = (process.env.BENCH_GROUP_CONCURRENCY ?? (SMOKE ? '1,8' : '1,16,64')).split(',').map(Number);
const MODES = (process.env.BENCH_GROUP_MODES ?? 'off,microtask,immediate').split(',');

/** Lets the event loop turn once, as a request waiting on I/O (a socket, the plugin host) would. */
const ioTurn = () => new Promise((resolve) => setImmediate(resolve));

const workloads = {
  async 'metered call'(services, store, i) {
    const calls = store.collection('service_calls');
    const at = new Date();
    const _id = `call-${i}`;
    await calls.insertOne({
      _id,
      serviceKey: 'bench',
      operation: 'search',
      consumerOrganizationId: 'org',
      apiKeyId: 'key',
      mode: 'live',
      durationMs: 0,
      outcome: 'PENDING',
      at: at.toISOString(),
      day: at.toISOString().slice(0, 10),
    });
    await ioTurn();
    await calls.findOneAndUpdate({ _id }, { $set: { outcome: 'SUCCESS', durationMs: 3 } });
  },
  async 'audited mutation'(services, store, i) {
    const entry = {
      actorMemberId: 'member',
      actorOrganizationId: 'org',
      action: 'bench.write',
      targetId: `target-${i}`,
      organizationId: 'org',
      outcome: 'SUCCESS',
      requestId: `request-${i}`,
    };
    const { outcome, ...intent } = entry;
    const intentId = await services.audit.begin(intent);
    await store.collection('bench_targets').insertOne({ _id: entry.targetId, name: `target ${i}`, outcome });
    await services.audit.complete(intentId, entry);
  },
};

async function run(workload, mode, concurrency) {
  const dir = mkdtempSync(join(tmpdir(), 'maru-group-commit-'));
  const store = createSqliteStore({ dataDir: dir, writeBatching: mode });
  const services = await createServices(store);
  await store.migrate([{ name: 'bench_targets', indexes: [] }]);
  const before = store.writeStats();
  const latencies = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < REQUESTS) {
        const i = next++;
        // From the request's arrival, on a turn of its own: an fsync holding the thread delays every request, also
        // those that have not reached the store yet.
        const t0 = performance.now();
        await ioTurn();
        await workloads[workload](services, store, i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const after = store.writeStats();
  // Every acknowledged write must be there: a wrong count fails the bench (and its smoke run in npm test).
  if (workload === 'metered call') {
    const completed = await store.collection('service_calls').count({ outcome: 'SUCCESS' });
    if (completed !== REQUESTS) throw new Error(`metered calls: ${completed} of ${REQUESTS} completed`);
  }
  if (workload === 'audited mutation') {
    const verified = await services.audit.verify();
    if (!verified.ok || verified.checked !== REQUESTS) throw new Error(`audit chain: ${JSON.stringify(verified)}`);
  }
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  const commits = after.commits - before.commits;
  const writes = after.writes - before.writes;
  return {
    workload,
    mode,
    concurrency,
    perSecond: REQUESTS / seconds,
    p50: at(0.5),
    p99: at(0.99),
    commits,
    perCommit: writes / Math.max(1, commits),
  };
}

const WORKLOADS = process.env.BENCH_GROUP_WORKLOADS?.split(',') ?? Object.keys(workloads);
// Rounds alternate the modes, and each figure is the median round: fsync times on a shared disk drift by 10× within
// minutes, so a mode measured once, minutes after another, compares nothing.
const ROUNDS = Number(process.env.BENCH_GROUP_ROUNDS ?? (SMOKE ? 1 : 3));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rows = [];
for (const workload of WORKLOADS)
  for (const concurrency of CONCURRENCY) {
    const rounds = new Map(MODES.map((mode) => [mode, []]));
    for (let round = 0; round < ROUNDS; round++)
      for (const mode of MODES) rounds.get(mode).push(await run(workload, mode, concurrency));
    for (const [mode, results] of rounds) {
      const row = { workload, mode, concurrency, commits: results[0].commits, perCommit: results[0].perCommit };
      for (const key of ['perSecond', 'p50', 'p99']) row[key] = median(results.map((r) => r[key]));
      rows.push(row);
      console.error(
        `${workload}, ${concurrency} concurrent, ${mode}: ${row.perSecond.toFixed(0)}/s, ` +
          `p50 ${row.p50.toFixed(2)} ms, p99 ${row.p99.toFixed(2)} ms, ${row.perCommit.toFixed(1)} writes/commit`,
      );
    }
  }

console.log(`| workload | concurrent | batching | requests/s | p50 ms | p99 ms | commits | writes/commit |`);
console.log(`| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |`);
for (const r of rows)
  console.log(
    `| ${r.workload} | ${r.concurrency} | ${r.mode} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(2)} | ` +
      `${r.p99.toFixed(2)} | ${r.commits} | ${r.perCommit.toFixed(1)} |`,
  );
