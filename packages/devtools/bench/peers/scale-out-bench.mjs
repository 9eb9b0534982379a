#!/usr/bin/env node
// Scale-out (issue #22): the keyed public list (and the keyed `viewer`, where the
// hub's own work dominates) on one hub, then spread over three hubs, all on one
// MongoDB-wire store (FerretDB 1.24 on SQLite, built from
// ../../ferretdb) behind one Redis (Debian's redis-server). The three hubs are
// started one after another (each waits for the previous one's /readyz: FerretDB
// drops connections when several hubs migrate at once) and stay up for the whole
// run; rounds interleave "1 hub" (all the load on the first hub, the other two
// idle) and "3 hubs" (the same number of connections split over the three, one
// autocannon child per hub). Nothing is pinned: hubs, FerretDB, Redis and the load
// generators share every core, which is what scale-out on one machine means.
// Every answer under load must be the bytes of the first hub's answer.
//
// `node scale-out-bench.mjs` prints its table; peer-bench.mjs runs it with
// BENCH_SCALE_OUT_JSON=<file> and puts its figures in its section. It never
// writes docs/benchmarks.md itself. Without Go (to build FerretDB) or
// redis-server it says so and exits 0 (with BENCH_SCALE_OUT_JSON, a `skipped` reason).
// BENCH_SMOKE=1: 200 challenges, one round of 24 requests per query and scenario.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Socket } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { childProcesses, demoKey, freePort, median, peakRss, sleep } from './processes.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const HUB_MAIN = process.env.BENCH_HUB_MAIN ?? join(here, '../../../hub/dist/main.js');
const FERRETDB = join(here, '../../ferretdb');
const env = (name, fallback) => Number(process.env[name] ?? fallback);
const SMOKE = !!process.env.BENCH_SMOKE;
// FerretDB 1.24 on SQLite decodes and sorts the matching documents itself for a sorted page (as the audit writers
// bench found), so the list's cost grows with the collection: a keyed list took about 100 CPU ms with 200
// challenges on a busy 2-core machine, and with 1,000 none answered within 5 s under 12 connections.
const CHALLENGES = env('BENCH_SCALE_OUT_CHALLENGES', 200);
const ROUNDS = env('BENCH_SCALE_OUT_ROUNDS', SMOKE ? 1 : 3);
const SECONDS = env('BENCH_SCALE_OUT_SECONDS', 5);
const WARMUP_SECONDS = env('BENCH_SCALE_OUT_WARMUP_SECONDS', SMOKE ? 0 : 2);
// Fewer than the peer bench's 50: a keyed list on FerretDB takes a good part of 100 ms, and 50 connections
// queue past autocannon's 10 s timeout. Divisible by 3.
const CONNECTIONS = env('BENCH_SCALE_OUT_CONNECTIONS', 12);
const HUB_COUNT = env('BENCH_SCALE_OUT_HUBS', 3);
const SMOKE_REQUESTS = 24;
const OUT = process.env.BENCH_SCALE_OUT_JSON;
const QUERIES = [
  {
    key: 'list',
    name: 'keyed public list',
    query: '{ challenges(first: 20) { nodes { id title status agency { name } tags } } }',
    check: (d) => d.challenges?.nodes?.length === 20,
  },
  {
    key: 'viewer',
    name: 'keyed `viewer`',
    query: '{ viewer { name roles organization { name } } }',
    check: (d) => d.viewer?.name,
  },
];

const log = (...args) => console.error('scale-out:', ...args);
const has = (cmd) => {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const finish = (result) => {
  if (OUT) writeFileSync(OUT, JSON.stringify(result));
};
const skip = (reason) => {
  log(`skipped: ${reason}`);
  finish({ skipped: reason });
  process.exit(0);
};

const redisBinary = [process.env.REDIS_SERVER, '/usr/bin/redis-server', '/usr/local/bin/redis-server'].find(
  (p) => p && existsSync(p),
);
if (!redisBinary) skip('redis-server is not installed (apt-get install redis-server)');
if (!has('go') && !existsSync(join(FERRETDB, 'bin/ferretdb')))
  skip('Go is not installed, so FerretDB (packages/devtools/ferretdb) cannot be built');

const TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
const cpuSeconds = (pid) => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return 0;
  }
};

const { children, start } = childProcesses();
const dir = mkdtempSync(join(tmpdir(), 'maru-bench-scale-out-'));
const ferretData = join(dir, 'ferretdb');
let ferretStarted = false;
const cleanUp = () => {
  for (const c of children) c.kill('SIGKILL');
  if (ferretStarted) {
    try {
      execFileSync(join(FERRETDB, 'stop.sh'), [ferretData], { stdio: 'ignore' });
    } catch {}
    ferretStarted = false;
  }
  rmSync(dir, { recursive: true, force: true });
};
// Whatever fails, the servers go with it.
process.on('uncaughtException', (error) => {
  console.error(error);
  process.exit(1);
});
process.on('exit', cleanUp);
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

async function startRedis() {
  const port = await freePort();
  const child = start(redisBinary, [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    '--loglevel',
    'warning',
  ]);
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  const deadline = Date.now() + 15_000;
  // Ready when INFO names this child's process id (not another Redis that took the port).
  for (;;) {
    const pid = await new Promise((resolve) => {
      const socket = new Socket();
      socket.setTimeout(500);
      socket.once('error', () => resolve(null));
      socket.once('timeout', () => (socket.destroy(), resolve(null)));
      socket.connect(port, '127.0.0.1', () => {
        socket.write('INFO server\r\n');
        let answer = '';
        socket.on('data', (d) => {
          answer += d;
          const m = /process_id:(\d+)/.exec(answer);
          if (m) (socket.destroy(), resolve(Number(m[1])));
        });
      });
    });
    if (pid === child.pid) return { child, url: `redis://127.0.0.1:${port}` };
    if (pid || child.exitCode !== null || Date.now() > deadline)
      throw new Error(`redis-server did not start on port ${port}:\n${output}`);
    await sleep(50);
  }
}

function hubEnv(extra) {
  const base = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^(MARU_|MONGODB_URI$)/.test(key)) base[key] = value;
  return {
    ...base,
    MARU_DEMO: 'true',
    MARU_RATE_LIMIT: '0',
    MARU_SCHEDULER_INTERVAL_MS: '0',
    MARU_AUDIT_CHECKPOINT_INTERVAL_MS: '0',
    MARU_GRAPHIQL: 'false',
    ...extra,
  };
}

async function startHub(i, mongoUri, redisUrl) {
  const port = await freePort();
  // The flags of the hub's own launcher (`maru-hub`): docs/production.md, "Memory".
  const child = start(process.execPath, ['--max-semi-space-size=16', HUB_MAIN], {
    env: hubEnv({
      PORT: String(port),
      MONGODB_URI: mongoUri,
      MARU_REDIS_URL: redisUrl,
      MARU_DATA_DIR: join(dir, `hub${i}`),
    }),
  });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  child.stdout.resume(); // one JSON log line per request: drained
  const t0 = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`hub ${i + 1} exited with ${child.exitCode}:\n${stderr}`);
    if (Date.now() - t0 > 120_000) throw new Error(`hub ${i + 1} not ready in 2 minutes:\n${stderr}`);
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    await sleep(50);
  }
  log(`hub ${i + 1} ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return { child, url: `http://127.0.0.1:${port}/graphql`, stderr: () => stderr };
}

function load(url, body, headers, connections, duration, expectBody) {
  const options = { url, body, headers, connections, expectBody };
  if (SMOKE) options.amount = SMOKE_REQUESTS;
  else options.duration = duration;
  return new Promise((resolve, reject) => {
    const child = start(process.execPath, [join(here, 'load.mjs'), JSON.stringify(options)]);
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => process.stderr.write(c));
    // 'close', not 'exit': the figures may still be in the pipe when the process has exited.
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`autocannon exited with ${code}`)),
    );
  });
}

// `connections` split as evenly as possible over `n` hubs.
const split = (n) => Array.from({ length: n }, (_, i) => Math.floor(CONNECTIONS / n) + (i < CONNECTIONS % n ? 1 : 0));

const loadBefore = loadavg()[0];
log(`FerretDB (building it if needed), redis-server, ${CHALLENGES.toLocaleString('en-US')} challenges`);
const ferretPort = await freePort();
const ferretUri = execFileSync(join(FERRETDB, 'start.sh'), [ferretData, String(ferretPort)], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
}).trim();
ferretStarted = true;
const ferretPid = Number(readFileSync(join(ferretData, 'ferretdb.pid'), 'utf8'));
const mongoUri = `${ferretUri.replace(/\/$/, '')}/maru_bench_scale_out`;
const redis = await startRedis();
const seedStart = Date.now();
execFileSync(process.execPath, [join(here, 'seed-hub.mjs'), mongoUri, String(CHALLENGES)], { stdio: 'inherit' });
log(`seeded in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);

const hubs = [];
for (let i = 0; i < HUB_COUNT; i++) hubs.push(await startHub(i, mongoUri, redis.url));
// The first hub seeded the demo members and keys and printed them.
const companyKey = demoKey(hubs[0].stderr(), 'admin@hanbit.example');
if (!companyKey) throw new Error(`no demo API key in the first hub's output:\n${hubs[0].stderr()}`);
const headers = { authorization: `Bearer ${companyKey}` };
for (const q of QUERIES) {
  q.body = JSON.stringify({ query: q.query });
  for (const [i, hub] of hubs.entries()) {
    const res = await fetch(hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: q.body,
    });
    const text = await res.text();
    const json = JSON.parse(text);
    if (res.status !== 200 || json.errors || !q.check(json.data))
      throw new Error(`hub ${i + 1}: ${q.key}: ${res.status} ${text.slice(0, 300)}`);
    q.expected ??= text;
    if (text !== q.expected)
      throw new Error(`hub ${i + 1}: ${q.key}: another answer than hub 1's: ${text.slice(0, 300)}`);
  }
}

const failures = [];
// A warm-up may end before a slow list answers at all; a measured run may not.
const check = (label, r, warmUp = false) => {
  if ((!r.total && !warmUp) || r.non2xx || r.errors || r.timeouts || r.mismatches) {
    const what = `${label}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts, ${r.mismatches} answers unlike the first (of ${r.total} answered)`;
    failures.push(what);
    log(what);
  }
};
const pids = [...hubs.map((h) => h.child.pid), ferretPid, redis.child.pid];
const cpuNow = () => pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
// Requests a run left queued in a hub (its clients gone) still run against FerretDB: the next run waits until the
// hubs and FerretDB are idle (under 5% of a core over 250 ms), at most 30 s.
const settle = async () => {
  const t0 = Date.now();
  for (let before = cpuNow(); Date.now() - t0 < 30_000;) {
    await sleep(250);
    const now = cpuNow();
    if (now - before < 0.0125) return;
    before = now;
  }
  log('hubs and FerretDB still busy after 30 s; going on');
};
const scenarios = {
  one: async (q, duration) => [await load(hubs[0].url, q.body, headers, CONNECTIONS, duration, q.expected)],
  three: (q, duration) =>
    Promise.all(split(HUB_COUNT).map((c, i) => load(hubs[i].url, q.body, headers, c, duration, q.expected))),
};
if (WARMUP_SECONDS > 0) {
  log(`warm-up: ${WARMUP_SECONDS} s per query and scenario`);
  for (const q of QUERIES)
    for (const [key, run] of Object.entries(scenarios))
      for (const [i, r] of (await (await settle(), run(q, WARMUP_SECONDS))).entries())
        check(`warm-up ${q.key} ${key}, hub ${i + 1}`, r, true);
}
// results[query][scenario] = one entry per round
const results = Object.fromEntries(QUERIES.map((q) => [q.key, { one: [], three: [] }]));
for (let round = 1; round <= ROUNDS; round++) {
  for (const q of QUERIES) {
    for (const [key, run] of Object.entries(scenarios)) {
      await settle();
      const cpu0 = cpuNow();
      const rs = await run(q, SECONDS);
      const cpu = cpuNow() - cpu0;
      rs.forEach((r, i) => check(`round ${round} ${q.key} ${key}, hub ${i + 1}`, r));
      const total = rs.reduce((n, r) => n + r.total, 0);
      results[q.key][key].push({
        rps: rs.reduce((n, r) => n + r.rps, 0),
        perHub: rs,
        cpuMsPerRequest: (cpu * 1000) / Math.max(1, total),
      });
      log(
        `round ${round}/${ROUNDS} ${q.key}, ${key === 'one' ? '1 hub' : `${HUB_COUNT} hubs`}: ${Math.round(results[q.key][key].at(-1).rps)} req/s (${rs.map((r) => Math.round(r.rps)).join(' + ')}), p99 ${rs.map((r) => r.p99).join(' / ')} ms`,
      );
    }
  }
}
const rss = hubs.map((h) => peakRss(h.child.pid));
const ferretRss = peakRss(ferretPid);

const summarize = (q, key) => {
  const rs = results[q][key];
  const perHub = rs[0].perHub.map((_, i) => ({
    rps: median(rs.map((r) => r.perHub[i].rps)),
    p50: median(rs.map((r) => r.perHub[i].p50)),
    p99: median(rs.map((r) => r.perHub[i].p99)),
  }));
  return {
    rps: median(rs.map((r) => r.rps)),
    rounds: rs.map((r) => r.rps),
    p50: perHub[0].p50,
    p99: perHub[0].p99,
    perHub,
    cpuMsPerRequest: median(rs.map((r) => r.cpuMsPerRequest)),
  };
};
const figures = Object.fromEntries(
  QUERIES.map((q) => [
    q.key,
    {
      one: summarize(q.key, 'one'),
      three: summarize(q.key, 'three'),
      ratio: median(results[q.key].three.map((r, i) => r.rps / results[q.key].one[i].rps)),
    },
  ]),
);
const num = (v) => (Number.isNaN(v) ? '–' : Math.round(v).toLocaleString('en-US'));
const c = split(HUB_COUNT);
const table = [
  '| query | hubs | req/s: median (each round) | × 1 hub | per hub: req/s, p50 / p99 ms | CPU ms per request (hubs, FerretDB, Redis) |',
  '| --- | --- | ---: | ---: | --- | ---: |',
  ...QUERIES.flatMap((q) => {
    const { one, three, ratio } = figures[q.key];
    return [
      `| ${q.name} | 1 hub, ${CONNECTIONS} connections | ${num(one.rps)} (${one.rounds.map(num).join(', ')}) | 1.00× | ${num(one.perHub[0].rps)}, ${one.p50} / ${one.p99} | ${one.cpuMsPerRequest.toFixed(2)} |`,
      `| ${q.name} | ${HUB_COUNT} hubs, ${c.join(' + ')} connections | ${num(three.rps)} (${three.rounds.map(num).join(', ')}) | ${ratio.toFixed(2)}× | ${three.perHub.map((h) => `${num(h.rps)}, ${h.p50} / ${h.p99}`).join('; ')} | ${three.cpuMsPerRequest.toFixed(2)} |`,
    ];
  }),
].join('\n');
const description = `\`bench/peers/scale-out-bench.mjs\`: the public list with a company's API key (never cached) on hubs (\`packages/hub/dist/main.js\`, demo mode, rate limit and scheduler off) sharing one FerretDB 1.24 / SQLite database seeded with ${CHALLENGES.toLocaleString('en-US')} challenges (fewer than above: FerretDB on SQLite decodes and sorts the matching documents itself for a sorted page, so the list's cost grows with the collection) and one Redis (\`MARU_REDIS_URL\`, Debian's redis-server, no persistence). The ${HUB_COUNT} hubs start one after another and stay up; rounds interleave "1 hub" (all ${CONNECTIONS} connections on the first hub, the others idle) and "${HUB_COUNT} hubs" (the same connections split over them, one autocannon per hub, totals summed); ${SECONDS} s per run, ${ROUNDS} rounds after a ${WARMUP_SECONDS} s warm-up; medians over rounds, the ratio is the median of each round's ratio. Every answer must be the bytes of the first hub's answer. Nothing is pinned: the hubs, FerretDB, Redis and the load generators share the machine's ${cpus().length} cores (load average ${loadBefore.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end), so the ratio is what more hub processes buy on one machine, not on a machine each; CPU ms per request (from /proc: hubs, FerretDB and Redis) shows whether the work per request grows with more hubs. The keyed \`viewer\` (the key, its member and organization, read by id) is beside the list: there the hubs' own work dominates, in the list FerretDB's. Peak RSS: hubs ${rss.map(num).join(' / ')} MiB, FerretDB ${num(ferretRss)} MiB.`;
console.log(table);
finish({
  ...figures.list,
  viewer: figures.viewer,
  table,
  description,
  loadSeconds: (ROUNDS * SECONDS + WARMUP_SECONDS) * 2 * QUERIES.length,
  failures,
});
if (failures.length) log(`FAILED: ${failures.length} run(s) had errors, wrong answers or none`);
// The hubs, Redis and FerretDB are stopped on exit (their pipes would keep this process alive).
process.exit(failures.length ? 1 : 0);
