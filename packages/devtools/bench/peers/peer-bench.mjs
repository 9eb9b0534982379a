#!/usr/bin/env node
// The hub against the servers users would pick instead (issues #9, #22): each
// server in its own process pinned to CPU 1, autocannon in a child pinned to
// CPU 0, interleaved rounds after a warm-up; medians of req/s and latency, peak
// RSS (the hub's and its plugin host's), each server's ratio to raw node:http,
// bare yoga and Mercurius within a round, and the goals of #22 computed from
// them. Then the scale-out phase (scale-out-bench.mjs: 1 and 3 hubs on one
// FerretDB behind one Redis). Every answer under load is compared with the
// server's first answer; any mismatch, error or non-2xx makes the run fail.
// BENCH_SMOKE=1: 200 challenges, a fixed 200 requests per run, no warm-up, no
// scale-out phase, nothing written to docs/benchmarks.md; well under a minute.
// BENCH_PEER_NO_DOCS=1: a full-format run that leaves docs/benchmarks.md alone;
// BENCH_PEER_SECTION_OUT=<file>: the section it would write, written there.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSection } from '../write-section.mjs';
import { childProcesses, demoKey, freePort, median, peakRss, sleep } from './processes.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const HUB_MAIN = join(here, '../../../hub/dist/main.js');
// The Node flags the hub's own launcher (`maru-hub`, its shebang) starts it with: docs/production.md, "Memory".
const HUB_NODE_FLAGS = ['--max-semi-space-size=16'];
const env = (name, fallback) => Number(process.env[name] ?? fallback);
const SMOKE = !!process.env.BENCH_SMOKE;
const CHALLENGES = env('BENCH_CHALLENGES', SMOKE ? 200 : 10_000);
// 4 rounds of 3 s after a 2 s warm-up: about 8 minutes of load (33 runs of 14 s), then the scale-out phase.
const ROUNDS = env('BENCH_PEER_ROUNDS', SMOKE ? 1 : 4);
const SECONDS = env('BENCH_PEER_SECONDS', 3);
const WARMUP_SECONDS = env('BENCH_PEER_WARMUP_SECONDS', SMOKE ? 0 : 2);
const CONNECTIONS = env('BENCH_PEER_CONNECTIONS', 50);
// Smoke: a fixed number of requests per run instead of seconds (each answer still checked).
const SMOKE_REQUESTS = 200;
const NO_DOCS = SMOKE || !!process.env.BENCH_PEER_NO_DOCS;
// The scale-out phase: BENCH_SCALE_OUT=0 leaves it out (smoke always does).
const SCALE_OUT = !SMOKE && process.env.BENCH_SCALE_OUT !== '0';
const PROFILE = process.env.BENCH_PEER_PROFILE; // a folder: the hub runs with --cpu-prof into it
const PIN = (() => {
  try {
    execFileSync('sh', ['-c', 'command -v taskset'], { stdio: 'ignore' });
    return cpus().length >= 2;
  } catch {
    return false;
  }
})();
const pinned = (cpu, args) =>
  PIN ? ['taskset', ['-c', String(cpu), process.execPath, ...args]] : [process.execPath, args];

const PAGE_SELECTION =
  'id title summary status agency { name } criteria { key name weight } questions(first: 20) { nodes { question answer askedBy { name } } } results { rank weightedScore winner submission { title organization { name } } }';
const QUERIES = [
  { key: 'typename', name: '`{ __typename }`', query: '{ __typename }' },
  {
    key: 'list',
    name: 'public list: `challenges(first: 20) { nodes { id title status agency { name } tags } }`',
    query: '{ challenges(first: 20) { nodes { id title status agency { name } tags } } }',
    check: (d) => d.challenges.nodes.length === 20,
  },
  // The same documents with a company's API key: never from the response cache. Peers have no keys: their
  // anonymous answer is the comparison (`anon`).
  {
    key: 'list-key',
    name: 'public list with an API key: the same document, a company’s key (`authorization: Bearer …`)',
    query: '{ challenges(first: 20) { nodes { id title status agency { name } tags } } }',
    hubOnly: true,
    as: 'company',
    anon: 'list',
  },
  // The id is the awarded demo challenge's, filled in once the hub has seeded it.
  {
    key: 'page',
    name: `challenge page: \`challenge(id:) { ${PAGE_SELECTION} }\` (an awarded demo challenge: 2 questions, 3 ranked submissions)`,
    query: null,
    check: (d) => d.challenge?.results?.length > 0 && d.challenge.questions.nodes.length > 0,
  },
  {
    key: 'page-key',
    name: 'challenge page with an API key: the same document, a company’s key',
    query: null,
    hubOnly: true,
    as: 'company',
    anon: 'page',
  },
  // Only the hub has members, keys and plugins.
  {
    key: 'viewer',
    name: 'authenticated: `{ viewer { name roles organization { name } } }` with an API key',
    query: '{ viewer { name roles organization { name } } }',
    hubOnly: true,
    as: 'admin',
    check: (d) => d.viewer?.name,
  },
  {
    key: 'service',
    name: 'plugin service call: `serviceQuery(service: "address-lookup", operation: "search", input: { query: "세종", limit: 3 })` with a company’s LIVE key (an isolate of the plugin host, grant check, metering)',
    query: '{ serviceQuery(service: "address-lookup", operation: "search", input: { query: "세종", limit: 3 }) }',
    hubOnly: true,
    as: 'company',
    check: (d) => d.serviceQuery?.addresses?.length > 0,
  },
];
const HUBS = ['hub', 'hub-nocache'];
const SERVERS = [
  {
    key: 'hub',
    name: `Maru hub (yoga + Pothos + graphql-jit, response cache on, SQLite, ${CHALLENGES.toLocaleString('en-US')} challenges)`,
  },
  { key: 'hub-nocache', name: 'Maru hub, response cache off (`MARU_RESPONSE_CACHE_TTL_MS=0`)' },
  { key: 'raw', name: 'raw node:http, the hub’s bytes' },
  { key: 'yoga', name: 'graphql-yoga 5 (graphql-js schema)' },
  { key: 'apollo', name: 'Apollo Server 5 (standalone)' },
  { key: 'mercurius', name: 'Mercurius 16 on Fastify 5' },
  { key: 'mercurius-jit', name: 'Mercurius 16 + graphql-jit' },
];

const log = (...args) => console.error('peers:', ...args);
// JSON with its keys in order: the peers' answers hold the hub's data, not necessarily in its key order.
const sortKeys = (v) =>
  Array.isArray(v)
    ? v.map(sortKeys)
    : v && typeof v === 'object'
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, sortKeys(v[k])]),
        )
      : v;
// A process's descendants (the hub's plugin host and whatever it starts), from /proc.
const descendants = (pid) => {
  const out = [];
  const visit = (p) => {
    let tasks = [];
    try {
      tasks = readdirSync(`/proc/${p}/task`);
    } catch {
      return;
    }
    for (const task of tasks) {
      let kids = '';
      try {
        kids = readFileSync(`/proc/${p}/task/${task}/children`, 'utf8');
      } catch {}
      for (const kid of kids.split(' ').filter(Boolean).map(Number)) {
        out.push(kid);
        visit(kid);
      }
    }
  };
  visit(pid);
  return out;
};
// Each descendant's peak RSS, kept across samples: a plugin host that is restarted (or exits at the end) keeps its
// last figure. childPeaks[hubPid] = Map(pid → MiB).
const childPeaks = new Map();
const sampleChildren = (pid) => {
  const peaks = childPeaks.get(pid) ?? new Map();
  childPeaks.set(pid, peaks);
  for (const kid of descendants(pid)) {
    const rss = peakRss(kid);
    if (!Number.isNaN(rss)) peaks.set(kid, Math.max(peaks.get(kid) ?? 0, rss));
  }
  return peaks;
};

const { start, stopAll } = childProcesses();
process.on('exit', stopAll);
process.on('SIGINT', () => process.exit(130));

async function post(url, query, headers = {}) {
  const body = JSON.stringify({ query });
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await res.text();
  return { status: res.status, body, text, json: JSON.parse(text) };
}

async function waitReady(url, child, limitMs = 60_000) {
  const t0 = Date.now();
  while (Date.now() - t0 < limitMs) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {}
    await sleep(5);
  }
  throw new Error(`${url} not ready in ${limitMs} ms`);
}

async function startHub(dataDir, port, { profile, env: extra = {} } = {}) {
  const [cmd, args] = pinned(1, [
    ...HUB_NODE_FLAGS,
    ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []),
    HUB_MAIN,
  ]);
  const t0 = process.hrtime.bigint();
  const child = start(cmd, args, {
    env: {
      ...process.env,
      PORT: String(port),
      MARU_DATA_DIR: dataDir,
      MARU_DEMO: 'true',
      MARU_RATE_LIMIT: '0',
      MARU_SCHEDULER_INTERVAL_MS: '0',
      MARU_GRAPHIQL: 'false',
      ...extra,
    },
  });
  let stderr = '';
  child.stderr.on('data', (c) => {
    stderr += c;
  });
  child.stdout.resume(); // JSON logs, one line per request at the default level: drained, not kept
  await waitReady(`http://127.0.0.1:${port}/readyz`, child);
  const readyMs = Number(process.hrtime.bigint() - t0) / 1e6;
  return { child, readyMs, stderr: () => stderr, url: `http://127.0.0.1:${port}/graphql` };
}

function startPeer(kind, answersFile) {
  const [cmd, args] = pinned(1, [join(here, 'peer-server.mjs'), kind, ...(answersFile ? [answersFile] : [])]);
  const child = start(cmd, args);
  child.stderr.on('data', (c) => process.stderr.write(`${kind}: ${c}`));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ child, url: `http://127.0.0.1:${JSON.parse(line).port}/graphql` });
    });
    child.on('exit', (code) => reject(new Error(`${kind} exited with ${code}`)));
  });
}

function load(url, body, headers, duration, expectBody) {
  const [cmd, args] = pinned(0, [
    join(here, 'load.mjs'),
    JSON.stringify({
      url,
      body,
      headers,
      connections: CONNECTIONS,
      ...(SMOKE ? { amount: SMOKE_REQUESTS } : { duration }),
      expectBody,
    }),
  ]);
  return new Promise((resolve, reject) => {
    const child = start(cmd, args);
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
    });
    child.stderr.on('data', (c) => process.stderr.write(c));
    // 'close', not 'exit': the figures may still be in the pipe when the process has exited.
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`autocannon exited with ${code}`)),
    );
  });
}

const dir = mkdtempSync(join(tmpdir(), 'maru-bench-peers-'));
try {
  const dataDir = join(dir, 'data');
  log(`seeding ${CHALLENGES.toLocaleString('en-US')} challenges`);
  const seedStart = Date.now();
  execFileSync(process.execPath, [join(here, 'seed-hub.mjs'), dataDir, String(CHALLENGES)], { stdio: 'inherit' });
  log(`seeded in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);

  // First start seeds the demo organizations, members, keys and plugins; the
  // cold start measured is the next one, on a store that holds everything.
  const port = await freePort();
  let hub = await startHub(dataDir, port);
  const keyLine =
    hub
      .stderr()
      .split('\n')
      .find((l) => /^\s+admin@maru\.example\s/.test(l)) ??
    hub
      .stderr()
      .split('\n')
      .find((l) => /^\s+\S+@\S+\s+\S+\s+\S{20,}$/.test(l));
  const apiKey = keyLine?.trim().split(/\s+/).at(-1);
  const companyKey = demoKey(hub.stderr(), 'admin@hanbit.example');
  if (!apiKey || !companyKey) throw new Error(`no demo API keys in the hub's output:\n${hub.stderr()}`);
  const awarded = await post(
    hub.url,
    '{ challenges(first: 50, filter: { statuses: [AWARDED] }) { nodes { id results { rank } questions { totalCount } } } }',
  );
  const pageId = awarded.json.data.challenges.nodes.find((c) => c.results?.length && c.questions.totalCount)?.id;
  if (!pageId) throw new Error(`no awarded demo challenge with results and questions: ${awarded.text.slice(0, 300)}`);
  for (const q of QUERIES.filter((q) => q.key === 'page' || q.anon === 'page'))
    q.query = `{ challenge(id: "${pageId}") { ${PAGE_SELECTION} } }`;
  hub.child.kill('SIGTERM');
  await new Promise((r) => hub.child.once('exit', r));
  execFileSync(process.execPath, [join(here, 'lift-quota.mjs'), dataDir], { stdio: 'inherit' });
  // The cache-off hub gets a copy of the same store: two processes never write one SQLite file.
  const noCacheDir = join(dir, 'data-nocache');
  cpSync(dataDir, noCacheDir, { recursive: true });
  hub = await startHub(dataDir, port, { profile: PROFILE });
  log(`hub ready in ${hub.readyMs.toFixed(0)} ms (cold start, ${CHALLENGES.toLocaleString('en-US')} challenges)`);
  const coldStartMs = hub.readyMs;
  const readyRss = peakRss(hub.child.pid);
  const hubNoCache = await startHub(noCacheDir, await freePort(), { env: { MARU_RESPONSE_CACHE_TTL_MS: '0' } });

  // The hub's answers: checked, and served byte for byte by the raw server.
  const answers = {};
  for (const q of QUERIES) {
    q.headers =
      q.as === 'admin'
        ? { authorization: `Bearer ${apiKey}` }
        : q.as === 'company'
          ? { authorization: `Bearer ${companyKey}` }
          : {};
    let r = await post(hub.url, q.query, q.headers);
    const wrong = (a) => a.status !== 200 || a.json.errors || (q.check && !q.check(a.json.data));
    if (wrong(r)) {
      // Said in full, then asked once more: one CI smoke run saw a wrong first answer right after the hub started
      // (its end was cut off); a second wrong answer fails the run.
      log(`hub: ${q.key}: a wrong first answer, asking again: ${r.status} ${r.text.slice(-2000)}`);
      await sleep(500);
      r = await post(hub.url, q.query, q.headers);
    }
    if (wrong(r)) throw new Error(`hub: ${q.query}: ${r.status} ${r.text.slice(-2000)}`);
    // A keyed query must answer the very bytes of its anonymous twin: the same documents, so the same work.
    if (q.anon && answers[r.body] !== r.text)
      throw new Error(`hub: ${q.key} answers otherwise than ${q.anon}: ${r.text.slice(0, 300)}`);
    q.body = r.body;
    answers[r.body] = r.text;
  }
  const answersFile = join(dir, 'answers.json');
  writeFileSync(answersFile, JSON.stringify(answers));
  // The peers serve the same challenge page, from the hub's answer.
  process.env.BENCH_PEER_PAGE = join(dir, 'page.json');
  writeFileSync(
    process.env.BENCH_PEER_PAGE,
    JSON.stringify(JSON.parse(answers[QUERIES.find((q) => q.key === 'page').body]).data.challenge),
  );

  const servers = [
    { ...SERVERS[0], ...hub },
    { ...SERVERS[1], ...hubNoCache },
  ];
  for (const s of SERVERS.slice(2))
    servers.push({ ...s, ...(await startPeer(s.key, s.key === 'raw' ? answersFile : null)) });
  // Each server's first answer: checked, then expected byte for byte from every request under load.
  const expected = {};
  for (const s of servers) {
    expected[s.key] = {};
    for (const q of QUERIES.filter((q) => !q.hubOnly || HUBS.includes(s.key) || s.key === 'raw')) {
      const r = await post(s.url, q.query, q.headers);
      if (r.status !== 200 || r.json.errors || (q.check && !q.check(r.json.data)))
        throw new Error(`${s.key}: ${q.query}: ${r.status} ${r.text.slice(0, 300)}`);
      // The peers' page holds the same data as the hub's (in their key order); their list is their own 20
      // challenges of the same shape (the hub's has its demo challenges first), checked by \`check\`.
      const hubData = JSON.parse(answers[q.body]).data;
      if (
        !HUBS.includes(s.key) &&
        q.key !== 'list' &&
        JSON.stringify(sortKeys(r.json.data)) !== JSON.stringify(sortKeys(hubData))
      )
        throw new Error(`${s.key}: ${q.key}: another answer than the hub's: ${r.text.slice(0, 300)}`);
      expected[s.key][q.key] = r.text;
    }
  }
  const runs = (q) => servers.filter((s) => !q.hubOnly || HUBS.includes(s.key) || s.key === 'raw');
  const failures = [];
  const checkRun = (s, q, r) => {
    if (r.non2xx || r.errors || r.timeouts || r.mismatches) {
      const what = `${s.key} ${q.key}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts, ${r.mismatches} answers unlike the first (of ${r.total})`;
      failures.push(what);
      log(what);
    }
  };

  if (WARMUP_SECONDS > 0) {
    log(`warm-up: ${WARMUP_SECONDS} s per server and query`);
    for (const q of QUERIES)
      for (const s of runs(q))
        checkRun(s, q, await load(s.url, q.body, q.headers, WARMUP_SECONDS, expected[s.key][q.key]));
  }

  // results[query][server] = one entry per round
  const results = Object.fromEntries(QUERIES.map((q) => [q.key, Object.fromEntries(runs(q).map((s) => [s.key, []]))]));
  for (let round = 1; round <= ROUNDS; round++) {
    for (const q of QUERIES) {
      const one = async (s) => {
        const r = await load(s.url, q.body, q.headers, SECONDS, expected[s.key][q.key]);
        checkRun(s, q, r);
        results[q.key][s.key].push(r);
        if (HUBS.includes(s.key)) sampleChildren(s.child.pid);
      };
      // A smoke run checks answers, not speed: its servers take their 200 requests side by side.
      if (SMOKE) await Promise.all(runs(q).map(one));
      else for (const s of runs(q)) await one(s);
      log(
        `round ${round}/${ROUNDS} ${q.key}: ${runs(q)
          .map((s) => `${s.key} ${Math.round(results[q.key][s.key].at(-1).rps)}`)
          .join(', ')}`,
      );
    }
  }
  const rss = Object.fromEntries(servers.map((s) => [s.key, peakRss(s.child.pid)]));
  // The plugin host(s) of each hub: every descendant process, its own peak.
  const hostPeaks = Object.fromEntries(
    servers.filter((s) => HUBS.includes(s.key)).map((s) => [s.key, [...sampleChildren(s.child.pid).values()]]),
  );

  // Ratio of two runs, round by round, then the median: `query/server` against `query/server`.
  const ratioOf = (q, s, q2, s2) =>
    results[q]?.[s] && results[q2]?.[s2] ? median(results[q][s].map((r, i) => r.rps / results[q2][s2][i].rps)) : NaN;
  const summary = Object.fromEntries(
    QUERIES.map((q) => [
      q.key,
      Object.fromEntries(
        runs(q).map((s) => {
          const rounds = results[q.key][s.key];
          // Peers answer keyed queries anonymously (they have no keys): the comparison is their anonymous run.
          const peer = q.anon ?? q.key;
          return [
            s.key,
            {
              rps: median(rounds.map((r) => r.rps)),
              p50: median(rounds.map((r) => r.p50)),
              p99: median(rounds.map((r) => r.p99)),
              toRaw: ratioOf(q.key, s.key, q.key, 'raw'),
              toYoga: ratioOf(q.key, s.key, peer, 'yoga'),
              toMercurius: ratioOf(q.key, s.key, peer, 'mercurius'),
              toMercuriusJit: ratioOf(q.key, s.key, peer, 'mercurius-jit'),
            },
          ];
        }),
      ),
    ]),
  );

  const num = (v) => (Number.isNaN(v) ? '–' : Math.round(v).toLocaleString('en-US'));
  const x = (v) => (Number.isNaN(v) ? '–' : `${v.toFixed(2)}×`);
  const mib = (v) => (Number.isNaN(v) ? '–' : `${Math.round(v)} MiB`);
  const tables = QUERIES.map((q) =>
    [
      `**${q.name}**`,
      '',
      `| server | req/s | p50 ms | p99 ms | × raw | × yoga${q.anon ? ' (anonymous)' : ''} | × Mercurius${q.anon ? ' (anonymous)' : ''} | peak RSS MiB |`,
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...runs(q).map((s) => {
        const r = summary[q.key][s.key];
        return `| ${s.name} | ${num(r.rps)} | ${r.p50} | ${r.p99} | ${x(r.toRaw)} | ${x(r.toYoga)} | ${x(r.toMercurius)} | ${num(rss[s.key])} |`;
      }),
    ].join('\n'),
  ).join('\n\n');

  if (PROFILE) {
    hub.child.kill('SIGTERM');
    await new Promise((r) => hub.child.once('exit', r));
    log(`hub CPU profile written to ${PROFILE}`);
  }
  // The scale-out phase runs alone: the servers above are stopped first.
  stopAll();
  await sleep(500);
  let scale = { skipped: 'left out (BENCH_SCALE_OUT=0)' };
  if (SCALE_OUT && !PROFILE) {
    const out = join(dir, 'scale-out.json');
    try {
      execFileSync(process.execPath, [join(here, 'scale-out-bench.mjs')], {
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, BENCH_SCALE_OUT_JSON: out },
      });
    } catch (error) {
      failures.push(`scale-out: ${error.message.split('\n')[0]}`);
    }
    try {
      scale = JSON.parse(readFileSync(out, 'utf8'));
      for (const f of scale.failures ?? []) failures.push(`scale-out ${f}`);
    } catch {
      scale = { skipped: 'the scale-out phase failed (see its output above)' };
    }
  } else if (SMOKE) scale = { skipped: 'left out of a smoke run' };
  else if (PROFILE) scale = { skipped: 'left out of a profiled run' };

  const S = summary;
  const hostLine = (key) =>
    hostPeaks[key].length
      ? `plugin host ${hostPeaks[key].map(mib).join(' + ')}${hostPeaks[key].length > 1 ? ` (${hostPeaks[key].length} processes)` : ''}`
      : 'no plugin host process seen';
  const goals = [
    [
      '1. uncached public list ≥ 1.0× Mercurius (no jit): response cache off',
      `${x(S.list['hub-nocache'].toMercurius)} Mercurius`,
      S.list['hub-nocache'].toMercurius >= 1,
    ],
    [
      '1. uncached public list ≥ 1.0× Mercurius: with an API key (hub with its defaults)',
      `${x(S['list-key'].hub.toMercurius)} Mercurius’s anonymous list (cache-off hub: ${x(S['list-key']['hub-nocache'].toMercurius)})`,
      S['list-key'].hub.toMercurius >= 1,
    ],
    [
      '1. uncached challenge page ≥ 1.0× Mercurius: response cache off',
      `${x(S.page['hub-nocache'].toMercurius)} Mercurius`,
      S.page['hub-nocache'].toMercurius >= 1,
    ],
    [
      '1. uncached challenge page ≥ 1.0× Mercurius: with an API key',
      `${x(S['page-key'].hub.toMercurius)} Mercurius’s anonymous page (cache-off hub: ${x(S['page-key']['hub-nocache'].toMercurius)})`,
      S['page-key'].hub.toMercurius >= 1,
    ],
    [
      '1. moonshot: uncached list and page within 2× of Mercurius + jit (≥ 0.5×)',
      `list ${x(S.list['hub-nocache'].toMercuriusJit)} cache off, ${x(S['list-key'].hub.toMercuriusJit)} keyed; page ${x(S.page['hub-nocache'].toMercuriusJit)} cache off, ${x(S['page-key'].hub.toMercuriusJit)} keyed`,
      Math.min(
        S.list['hub-nocache'].toMercuriusJit,
        S['list-key'].hub.toMercuriusJit,
        S.page['hub-nocache'].toMercuriusJit,
        S['page-key'].hub.toMercuriusJit,
      ) >= 0.5,
    ],
    [
      '2. keyed `viewer` ≥ the uncached public list (same process: cache-off hub)',
      `${x(ratioOf('viewer', 'hub-nocache', 'list', 'hub-nocache'))} (hub with its defaults: viewer ${x(ratioOf('viewer', 'hub', 'list', 'hub-nocache'))} the cache-off list)`,
      ratioOf('viewer', 'hub-nocache', 'list', 'hub-nocache') >= 1,
    ],
    [
      '2. metered plugin call through the sandbox ≥ 0.5× keyed `viewer`',
      `${x(ratioOf('service', 'hub', 'viewer', 'hub'))} (${num(S.service.hub.rps)} against ${num(S.viewer.hub.rps)} req/s)`,
      ratioOf('service', 'hub', 'viewer', 'hub') >= 0.5,
    ],
    [
      '2. plugin call p99 ≤ 3× its p50',
      `p99 ${S.service.hub.p99} ms, p50 ${S.service.hub.p50} ms: ${x(S.service.hub.p99 / S.service.hub.p50)}`,
      S.service.hub.p99 <= 3 * S.service.hub.p50,
    ],
    [
      '3. hub peak RSS < 200 MiB over the whole bench, bundled plugins loaded',
      `${mib(rss.hub)} (${hostLine('hub')}); cache-off hub ${mib(rss['hub-nocache'])} (${hostLine('hub-nocache')}); ${mib(readyRss)} at ready`,
      rss.hub < 200 && rss['hub-nocache'] < 200,
    ],
    [
      '4. `{ __typename }` uncached ≥ 0.5× Mercurius',
      `${x(S.typename['hub-nocache'].toMercurius)} Mercurius (cached: ${x(S.typename.hub.toMercurius)})`,
      S.typename['hub-nocache'].toMercurius >= 0.5,
    ],
  ];
  const scaleGoal = scale.skipped
    ? ['6. scale-out: 3 hubs against 1 on one store and one Redis, keyed list', `not measured: ${scale.skipped}`, null]
    : [
        '6. scale-out: 3 hubs against 1 on one store and one Redis, keyed list',
        `${x(scale.ratio)} the req/s of one hub (${num(scale.one.rps)} → ${num(scale.three.rps)} req/s; p99 ${scale.one.p99} ms → ${scale.three.perHub.map((h) => h.p99).join(' / ')} ms per hub) on ${cpus().length} cores; keyed \`viewer\` ${x(scale.viewer.ratio)}`,
        'measured',
      ];
  const mark = (ok) => (ok === true ? 'met' : ok === false ? '**not met**' : ok === null ? 'not measured' : ok);
  const goalTable = [
    '| goal (#22) | measured | |',
    '| --- | --- | --- |',
    ...[...goals, scaleGoal].map(([g, m, ok]) => `| ${g} | ${m} | ${mark(ok)} |`),
  ].join('\n');
  const hubList = S.list.hub;
  const watched = [
    [
      'public list, response cache on, ≥ Mercurius',
      `${x(hubList.toMercurius)} Mercurius, ${x(hubList.toYoga)} bare yoga`,
      hubList.toMercurius >= 1,
    ],
    [
      '`{ __typename }`, response cache on, ≥ 0.5× raw node:http',
      `${x(S.typename.hub.toRaw)} raw`,
      S.typename.hub.toRaw >= 0.5,
    ],
    [
      `public list p99 under ${CONNECTIONS} connections below Mercurius's × 1.5`,
      `${hubList.p99} ms cached, ${S.list['hub-nocache'].p99} ms cache off, vs ${S.list.mercurius.p99} ms × 1.5 = ${(S.list.mercurius.p99 * 1.5).toFixed(1)} ms`,
      hubList.p99 < S.list.mercurius.p99 * 1.5,
    ],
    ['cold start to ready under 2 s', `${(coldStartMs / 1000).toFixed(2)} s`, coldStartMs < 2000],
  ];
  const watchedTable = [
    '| still watched (#9) | measured | |',
    '| --- | --- | --- |',
    ...watched.map(([g, m, ok]) => `| ${g} | ${m} | ${mark(ok)} |`),
  ].join('\n');
  console.log(tables);
  console.log();
  console.log(goalTable);
  console.log();
  console.log(watchedTable);
  if (scale.table) {
    console.log();
    console.log(scale.table);
  }

  const machine = `${cpus().length} cores (${cpus()[0]?.model?.trim() ?? 'unknown CPU'})`;
  const loadMinutes = Math.round(
    (QUERIES.reduce((n, q) => n + runs(q).length, 0) * (ROUNDS * SECONDS + WARMUP_SECONDS) + (scale.loadSeconds ?? 0)) /
      60,
  );
  if (failures.length) {
    log(`FAILED: ${failures.length} run(s) had errors or wrong answers; docs/benchmarks.md left as it is`);
    for (const f of failures) log(`  ${f}`);
    process.exitCode = 1;
  }
  // A profiled hub runs slower: its figures stay out of the docs; so do failed runs and smoke runs.
  // Composed on every run (a smoke run checks it too); written to docs/benchmarks.md only by a full, clean run.
  // BENCH_PEER_SECTION_OUT=<file>: the section goes there as well, to read it without touching the docs.
  const section = `## GraphQL servers compared

The hub against the servers users would pick instead (issues #9 and #22). Each server runs in its own process${PIN ? ' pinned to CPU 1 (`taskset -c 1`), autocannon 9 in a child pinned to CPU 0' : ' (taskset unavailable: server and load generator share the cores)'}; ${CONNECTIONS} connections, ${SECONDS} s per run, ${ROUNDS} interleaved rounds (every server, then again) after a ${WARMUP_SECONDS} s warm-up each; figures are medians over rounds, ratios are taken within a round, then their median. Every answer under load must be the bytes of the server's first answer (autocannon's \`expectBody\`), itself checked before the runs (a peer's challenge page holds the hub's data, a keyed answer is the bytes of the anonymous one, a list has its 20 challenges); a run with a mismatch, an error or a non-2xx answer fails the benchmark and writes nothing here.

- **Maru hub**: \`node --max-semi-space-size=16 packages/hub/dist/main.js\` as an operator runs it (the flag of \`maru-hub\`'s own launcher, docs/production.md "Memory"; demo mode for its members, API keys and its bundled plugins; rate limit off with \`MARU_RATE_LIMIT=0\`; default log level, one JSON log line per request, drained), on the embedded SQLite store seeded with ${CHALLENGES.toLocaleString('en-US')} challenges (\`bench/challenge-fixtures.mjs\`); anonymous callers see the published ones. Queries and mutations run as graphql-jit code. With its defaults, anonymous answers are kept in memory in front of yoga (ended by any write on the instance, at most 5 s old): every anonymous request of a run after the first is answered from there. **Maru hub, response cache off** is the same hub on a copy of the store with \`MARU_RESPONSE_CACHE_TTL_MS=0\`: every request goes through yoga, graphql-jit and the store.
- **With an API key**: the public list and the challenge page again, the same request bodies with a company's API key (\`authorization: Bearer …\`), answering the same bytes as the anonymous request (checked). A keyed request is never answered from the response cache, so on both hubs it measures the uncached path plus reading the key, its member and organization. Only the hubs and raw run them; the peers have no keys, so a keyed row's "× Mercurius" and "× yoga" are against the peer's anonymous run of the same document in the same round — the comparison issue #22 asks for.
- **Peers** (\`bench/peers/peer-server.mjs\`): one hand-written graphql-js schema of the same shape (\`bench/peers/peer-data.mjs\`: the same ${CHALLENGES.toLocaleString('en-US')} challenges in memory, drafts left out, the agency looked up per challenge), served by bare graphql-yoga on node:http, Apollo Server 5 standalone, Mercurius 16 on Fastify 5 without and with graphql-jit (\`jit: 1\`). **raw** is node:http answering with the hub's own bytes for each request body: the ceiling of the machine. Peers keep their data in memory and log nothing: they are the bar, not an equal setting.
- The challenge page is an awarded demo challenge of the hub; the peers serve the same records (from the hub's answer, each relation a lookup). The authenticated \`viewer\` and the plugin service call need members, keys and plugins, which only the hub has: they run on the hubs and raw only. The service call goes to the address plugin's isolate in the plugin host (plugin API 2: a child process of the hub; its memory is not in the hub's peak RSS and is reported beside it) under a LIVE grant (its daily quota lifted for the run, \`bench/peers/lift-quota.mjs\`), and each call is metered (a store write).

${tables}

### Goals of #22

All ratios are within this run. "Uncached" is measured twice: the cache-off hub (\`MARU_RESPONSE_CACHE_TTL_MS=0\`), and requests with an API key to the hub with its defaults (never cached). Peak RSS: \`VmHWM\` of the hub process at the end of the whole run (every query, warm-up included); the plugin host is every descendant process of the hub (found through \`/proc/<pid>/task/*/children\`), its own \`VmHWM\` sampled after each run.

${goalTable}

### Still watched from #9

The goals of #9 that #22 does not replace (the cached public list, the cached \`{ __typename }\`, tail latency, cold start: spawn of \`node dist/main.js\` to the first \`/readyz\` 200, on a store already seeded). #9's "≥ 2× bare yoga" and its memory goal are left out: #22's Mercurius and memory goals are the stricter ones.

${watchedTable}

### Scale-out: hubs behind one Redis on one MongoDB-wire store

${scale.skipped ? `Not measured in this run: ${scale.skipped}.` : `${scale.description}\n\n${scale.table}`}

**What the hub does for these figures** (issue #22 added the four marked ★). graphql-jit executes every query and mutation (compiled once per schema and document; graphql-js for what it cannot compile). ★ Plain requests (GET, or a JSON POST of up to 64 KiB asking for JSON) take yoga's own stages without its Fetch \`Request\`/\`Response\` objects (\`packages/core/src/http/graphql-lane.ts\`; an equivalence test and the graphql-http audits hold its answers to yoga's byte for byte). ★ The SQLite store keeps parsed documents (deep-frozen, forgotten by every write, dropped when another connection writes the file): a query selects ids, and the challenge list indexes carry status and publication so visibility is checked in the index. ★ A key's or session's viewer is kept for 30 s and forgotten on every hub at once when anything that could change it changes (Redis, when several hubs run). ★ Writes issued together share one SQLite commit (group commit): the two metering writes of concurrent plugin calls cost one fsync per batch, each call acknowledged after its batch commits. Anonymous answers are served from memory in front of yoga while the store has seen no write on the instance (at most 5 s). Relations of a page are read with one \`$in\` query per collection (DataLoader). The hub runs with \`--max-semi-space-size=16\`, as its launcher starts it.

**What stands in the way of the rest** (profiles: \`BENCH_PEER_PROFILE=<dir>\`; see "Where the time goes" below for an uncached list request):
- Uncached list and page against Mercurius: what is left is spread thin — the store (two queries and their freshness checks: about a fifth of the CPU of a request), Node's HTTP server and the response write (about a fifth), yoga's result processing and JSON (under a tenth), the DataLoader batch, and promise plumbing through yoga's and envelop's hooks for much of the rest. Mercurius runs graphql-js on Fastify over the same data held in a JavaScript array. Reaching it would mean leaving yoga's envelop chain for the hot path, which #22 ruled out.
- \`{ __typename }\` uncached: the lane halved its cost; the rest is Node's HTTP server, the hub's request id, security headers and access-log line, and yoga's stages. The peers log nothing and send two headers.
- The plugin call: a round trip to the isolate host (a child process: one pipe write and read each way, structured-clone of input and output), the grant check and two metering writes (one shared commit under load); the viewer is cached now.
- Memory: V8 grows the old space under 50 connections before a full collection; bounding the young generation took the largest part away, an old-space cap (\`--max-old-space-size\`) would take the rest at the risk of an out-of-memory exit (docs/production.md, "Memory"). The plugin host is a process of its own, reported beside the hub.

Run on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${machine}${process.env.BENCH_MACHINE ? `, ${process.env.BENCH_MACHINE}` : ''}; \`npm run bench:peers -w @maru/devtools\` (about ${loadMinutes} min of load; \`BENCH_PEER_ROUNDS\`, \`BENCH_PEER_SECONDS\`, \`BENCH_PEER_WARMUP_SECONDS\`, \`BENCH_PEER_CONNECTIONS\`, \`BENCH_CHALLENGES\` change it, \`BENCH_SCALE_OUT=0\` leaves the scale-out phase out).`;
  if (process.env.BENCH_PEER_SECTION_OUT) writeFileSync(process.env.BENCH_PEER_SECTION_OUT, `${section}\n`);
  if (!PROFILE && !NO_DOCS && !failures.length) writeSection('peers', section);
} finally {
  stopAll();
  rmSync(dir, { recursive: true, force: true });
}
