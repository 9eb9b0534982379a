#!/usr/bin/env node
// The audit trail under several writers (issue #19): audited mutations per second
// with one hub process and with three on the same MongoDB-wire database. Every
// audited mutation appends to one hash chain whose head all instances race for: the
// unique index on `seq` lets one take each position and the loser re-reads the head
// and retries. Each round gets a fresh database, the same number of mutations
// (`updateOrganization`, the platform admin's own organization) from the same
// number of concurrent clients, spread over the hubs; then the trail is verified
// (`verifyAuditChain`) and its events counted against the mutations that succeeded.
// Retries come from each hub's shutdown log line (`auditAppends`).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MongoClient } from 'mongodb';
import { setting, size } from './smoke.mjs';
import { writeSection } from './write-section.mjs';

const here = dirname(fileURLToPath(import.meta.url));
// BENCH_HUB_MAIN: a copy of the built hub to run instead, when the working tree is being rebuilt meanwhile.
const HUB_MAIN = process.env.BENCH_HUB_MAIN ?? join(here, '../../hub/dist/main.js');
const WRITES = size('BENCH_AUDIT_WRITES', 400, 30);
const CLIENTS = size('BENCH_AUDIT_CLIENTS', 12, 3);
const ROUNDS = size('BENCH_AUDIT_ROUNDS', 2, 1);
// `hubs/databases`: 1/1 one hub, 3/1 three hubs on one database (one chain), 3/3 three hubs on a database each.
// Smoke size: one hub, and three sharing one chain (the case the chain's retries are for).
const SCENARIOS = setting('BENCH_AUDIT_SCENARIOS', '1/1,3/1,3/3', '1/1,3/1')
  .split(',')
  .map((key) => {
    const [hubCount, dbCount] = key.split('/').map(Number);
    const name =
      hubCount === 1 ? '1 hub' : `${hubCount} hubs, ${dbCount === 1 ? 'one database' : `${dbCount} databases`}`;
    return { key, hubCount, dbCount, name };
  });

if (!process.env.MONGODB_URI) {
  console.error(
    'audit writers bench: MONGODB_URI not set — several hubs need a shared MongoDB-wire store ' +
      '(run it under packages/devtools/scripts/with-ferretdb.sh, as npm run bench does).',
  );
  process.exit(0);
}

const log = (...args) => console.error('audit writers:', ...args);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const children = new Set();
process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL');
});
process.on('SIGINT', () => process.exit(130));

function hubEnv(uri, dataDir, extra = {}) {
  const base = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^(MARU_|MONGODB_URI$)/.test(key)) base[key] = value;
  return {
    ...base,
    MONGODB_URI: uri,
    MARU_DATA_DIR: dataDir,
    MARU_PLUGINS: '',
    MARU_RATE_LIMIT: '0',
    MARU_SCHEDULER_INTERVAL_MS: '0',
    MARU_AUDIT_CHECKPOINT_INTERVAL_MS: '0',
    MARU_GRAPHIQL: 'false',
    ...extra,
  };
}

function run(args, environment) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [HUB_MAIN, ...args], { env: environment, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`maru-hub ${args[0]}: ${code}\n${out}`))));
  });
}

async function startHub(uri, dataDir) {
  const port = await freePort();
  const child = spawn(process.execPath, [HUB_MAIN], {
    env: hubEnv(uri, dataDir, { PORT: String(port) }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  // One JSON line per request at the default level: kept only for the shutdown line with the append counters.
  let stats = null;
  let pending = '';
  child.stdout.on('data', (c) => {
    pending += c;
    const lines = pending.split('\n');
    pending = lines.pop();
    for (const line of lines) if (line.includes('"auditAppends"')) stats = JSON.parse(line).auditAppends;
  });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  const url = `http://127.0.0.1:${port}`;
  const t0 = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`hub exited with ${child.exitCode}:\n${stderr}`);
    if (Date.now() - t0 > 120_000) throw new Error(`hub not ready in 2 minutes:\n${stderr}`);
    const ok = await fetch(`${url}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    await sleep(50);
  }
  return {
    url,
    pid: child.pid,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      if (!stats) throw new Error(`hub logged no auditAppends line at shutdown:\n${stderr}`);
      return stats;
    },
  };
}

async function graphql(url, key, query, variables) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  return res.json();
}

// CPU seconds a process has used (user + system), from /proc: the work a scenario costs, which other load on a
// shared machine changes less than it changes the wall-clock rate.
const TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return 0;
  }
}
// The FerretDB server MONGODB_URI points at, found by its listen address (with-ferretdb.sh starts it).
function ferretdbPid() {
  const listen = `127.0.0.1:${new URL(process.env.MONGODB_URI).port}`;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (args[0].endsWith('ferretdb') && args.includes(listen)) return Number(entry);
    } catch {}
  }
  return null;
}
const FERRETDB = ferretdbPid();

const UPDATE =
  'mutation ($id: ID!, $d: String) { updateOrganization(id: $id, input: { description: $d }) { organization { id } } }';

async function setUp(uri, dataDir) {
  const out = await run(['setup', '--email', 'admin@bench.example', '--name', 'Bench admin'], hubEnv(uri, dataDir));
  // The key is the one indented line of the output.
  const key = out
    .split('\n')
    .find((line) => /^ {2}\S{20,}$/.test(line))
    ?.trim();
  if (!key) throw new Error(`no API key in maru-hub setup's output:\n${out}`);
  return key;
}

/** One scenario's round: `hubCount` hub processes on `dbCount` fresh databases (hub i on database i mod dbCount). */
async function round({ key: scenario, hubCount, dbCount }, roundNo) {
  const dir = mkdtempSync(join(tmpdir(), 'maru-bench-audit-'));
  const hubs = [];
  const mongos = [];
  try {
    const dbs = [];
    for (let d = 0; d < dbCount; d++) {
      const url = new URL(process.env.MONGODB_URI);
      url.pathname = `/maru_bench_audit_${hubCount}_${d}_${roundNo}_${Date.now()}`;
      const uri = url.toString();
      const mongo = await new MongoClient(uri).connect();
      mongos.push(mongo);
      dbs.push({ uri, key: await setUp(uri, join(dir, `setup${d}`)), events: mongo.db().collection('audit_events') });
    }
    for (let i = 0; i < hubCount; i++) {
      const db = dbs[i % dbCount];
      hubs.push({ ...(await startHub(db.uri, join(dir, `hub${i}`))), db });
    }
    // One organization per client: updates of one organization by several clients would refuse each other
    // (CONFLICT on its version), which measures the organization, not the trail.
    const orgIds = [];
    for (let client = 0; client < CLIENTS; client++) {
      const hub = hubs[client % hubCount];
      const created = await graphql(
        hub.url,
        hub.db.key,
        'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }',
        { input: { kind: 'COMPANY', name: `Bench company ${client}`, slug: `bench-${client}` } },
      );
      const id = created.data?.createOrganization?.organization?.id;
      if (!id) throw new Error(`createOrganization: ${JSON.stringify(created)}`);
      orgIds.push(id);
    }

    const latencies = [];
    const failures = new Map();
    let next = 0;
    let ok = 0;
    const pids = [...hubs.map((h) => h.pid), ...(FERRETDB ? [FERRETDB] : [])];
    const cpu0 = pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        const hub = hubs[client % hubCount];
        for (let i = next++; i < WRITES; i = next++) {
          const t = performance.now();
          let reason = null;
          try {
            const body = await graphql(hub.url, hub.db.key, UPDATE, { id: orgIds[client], d: `write ${i}` });
            if (body.errors) reason = `${body.errors[0].extensions?.code ?? '?'}: ${body.errors[0].message}`;
          } catch (error) {
            reason = `transport: ${error.message}`;
          }
          latencies.push(performance.now() - t);
          if (reason) failures.set(reason, (failures.get(reason) ?? 0) + 1);
          else ok++;
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const cpu = pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0) - cpu0;

    // Each database's trail, verified by a hub on it; its events counted straight from the store.
    let chainOk = true;
    let checked = 0;
    let successes = 0;
    let total = 0;
    const reasons = [];
    for (const db of dbs) {
      const hub = hubs.find((h) => h.db === db);
      const verified = await graphql(hub.url, db.key, '{ verifyAuditChain { ok checked reason } }');
      const chain = verified.data?.verifyAuditChain;
      if (!chain) throw new Error(`verifyAuditChain: ${JSON.stringify(verified)}`);
      chainOk &&= chain.ok;
      if (!chain.ok) reasons.push(chain.reason);
      checked += chain.checked;
      successes += await db.events.countDocuments({ action: 'organization.update', outcome: 'SUCCESS' });
      total += await db.events.countDocuments({});
    }
    const stats = [];
    for (const hub of hubs.splice(0)) stats.push(await hub.stop());

    const appended = stats.reduce((s, x) => s + x.appended, 0);
    const retries = stats.reduce((s, x) => s + x.retries, 0);
    latencies.sort((a, b) => a - b);
    const result = {
      scenario,
      seconds,
      rate: ok / seconds,
      cpuMs: (cpu * 1000) / WRITES,
      p50: quantile(latencies, 0.5),
      p99: quantile(latencies, 0.99),
      ok,
      failures: [...failures].map(([reason, n]) => `${n}× ${reason}`),
      retriesPerAppend: retries / Math.max(1, appended),
      mostAttempts: Math.max(...stats.map((x) => x.mostAttempts)),
      chainOk,
      checked,
      eventsMatch: successes === ok && total === checked,
    };
    log(
      `${scenario}, round ${roundNo}: ${result.rate.toFixed(1)} writes/s, ${result.cpuMs.toFixed(1)} CPU ms/write, p50 ${result.p50.toFixed(0)} ms, p99 ${result.p99.toFixed(0)} ms, ` +
        `${ok} ok, ${WRITES - ok} failed${failures.size ? ` (${result.failures.join('; ')})` : ''}, ` +
        `${result.retriesPerAppend.toFixed(2)} retries/append (most attempts ${result.mostAttempts}), ` +
        `chain ${chainOk ? 'ok' : `BROKEN: ${reasons.join('; ')}`} (${checked} events), ` +
        `${successes} SUCCESS events${result.eventsMatch ? '' : ` — MISMATCH (total ${total})`}`,
    );
    return result;
  } finally {
    for (const hub of hubs) await hub.stop().catch(() => undefined);
    for (const mongo of mongos)
      await mongo
        .db()
        .dropDatabase()
        .catch(() => undefined);
    for (const mongo of mongos) await mongo.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const loadBefore = loadavg()[0];
const results = Object.fromEntries(SCENARIOS.map((sc) => [sc.key, []]));
// Interleaved, so a slow spell of the shared machine hits every scenario.
for (let r = 1; r <= ROUNDS; r++) for (const sc of SCENARIOS) results[sc.key].push(await round(sc, r));

const all = Object.values(results).flat();
// A trail that does not verify, events that do not match the mutations, or a mutation that failed.
const broken = all.filter((r) => !r.chainOk || !r.eventsMatch || r.ok !== WRITES);
const summary = SCENARIOS.map((sc) => {
  const rs = results[sc.key];
  return {
    ...sc,
    rate: median(rs.map((r) => r.rate)),
    rates: rs.map((r) => r.rate),
    p50: median(rs.map((r) => r.p50)),
    p99: median(rs.map((r) => r.p99)),
    cpuMs: median(rs.map((r) => r.cpuMs)),
    retries: median(rs.map((r) => r.retriesPerAppend)),
    mostAttempts: Math.max(...rs.map((r) => r.mostAttempts)),
    failed: rs.reduce((s, r) => s + (WRITES - r.ok), 0),
    failures: [...new Set(rs.flatMap((r) => r.failures))],
    verified: rs.every((r) => r.chainOk && r.eventsMatch),
  };
});
const one = summary.find((s) => s.hubCount === 1 && s.dbCount === 1);
// The ratio within each round, then its median: both scenarios of a round met the same spell of the machine.
const ratio = (s) =>
  one ? median(results[s.key].map((r, i) => r.rate / results[one.key][i].rate)).toFixed(2) + '×' : '–';
const fmt = (v) => (v < 10 ? v.toFixed(1) : Math.round(v).toLocaleString('en-US'));
const rows = summary.map(
  (s) =>
    `| ${s.name} | ${fmt(s.rate)} (${s.rates.map(fmt).join(', ')}) | ${ratio(s)} | ${fmt(s.p50)} | ${fmt(s.p99)} | ${fmt(s.cpuMs)} | ${s.retries.toFixed(2)} | ${s.mostAttempts} | ${s.failed}${s.failures.length ? ` (${s.failures.join('; ')})` : ''} | ${s.verified ? 'ok' : '**no**'} |`,
);
const table = [
  '| hub processes | audited writes/s: median (each round) | vs 1 hub | p50 ms | p99 ms | CPU ms per write | retries per append | most attempts | failed | chain verified, events = successes |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ...rows,
].join('\n');
console.log(table);
writeSection(
  'audit-writers',
  `## Audit chain under several writers

\`node packages/devtools/bench/audit-writers-bench.mjs\` under \`with-ferretdb.sh\`: hub processes (\`packages/hub/dist/main.js\`, no plugins, rate limit off, scheduler off) on fresh FerretDB 1.24 / SQLite databases, each set up with \`maru-hub setup\`; ${CLIENTS} concurrent clients spread evenly over the hubs send ${WRITES.toLocaleString('en-US')} audited mutations in all (\`updateOrganization\` with the platform admin's API key, each client its own organization: an intent written, the update, the event chained, the intent removed). Then \`verifyAuditChain\` on each database, and its \`organization.update\` SUCCESS events counted against the mutations that succeeded. Retries are positions on the chain another hub took first (each hub logs its counters at shutdown as \`auditAppends\`). CPU ms per write is the CPU time the hubs and FerretDB spent during the writes (from /proc) over the mutations: the work a scenario costs, which other load on the machine disturbs less than the rate; with ${cpus().length} cores, ${cpus().length * 1000} CPU ms a second is all there is, so it also bounds the rate. "3 hubs, 3 databases" shares nothing — three chains, three sets of collections, the same FerretDB server, processes and clients — so it shows what three hub processes can do on this machine, and the gap to "3 hubs, one database" is the cost of sharing. ${ROUNDS} rounds, scenarios interleaved; rates and latencies (the clients') are medians over the rounds, the ratio is the median of each round's ratio. ${cpus().length} cores (${cpus()[0]?.model.trim()}), shared with FerretDB, the clients and other work (load average ${loadBefore.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end); Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.

${table}

How an append finds its position: it tries the one after the head its process last saw, without reading (one hub alone never reads the head); a lost position reads the head hint in \`chain_heads\` by \`_id\`, and only a hint that stays behind sends it to the log itself. FerretDB 1.24 cannot use the \`bySeq\` index for that last read — it decodes the whole log to sort it, about 160 ms at 3,000 events on this machine against 1 ms for an insert — which is what made the first version of this measurement slow: one sorted read of the log per append, and per lost position. Measured the same way on 2026-12-05 before the hint (commit e5dd0b9, 400 mutations, one round): 1 hub 43 writes/s, 3 hubs on one database 17 writes/s (0.39×), 0.98 retries per append, up to 11 attempts (the limit was 20; at 600 mutations a run reached 18).

What is left between "3 hubs, one database" and "3 hubs, 3 databases" is the price of sharing one chain (and one SQLite file on FerretDB's side): each appended event moves the one head all instances write after, so another instance's next append loses its position, reads the hint and tries again. No mutation failed and every trail verified. See docs/architecture.md ("The audit chain under several hubs") for why the chain is not partitioned yet and what partitioning would take.`,
);
if (broken.length) {
  log('the audit chain did not verify, its events did not match the mutations, or mutations failed');
  process.exit(1);
}
