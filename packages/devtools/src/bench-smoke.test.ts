// Every benchmark, run as `npm run bench` runs it but in its smoke size (BENCH_SMOKE=1,
// bench/smoke.mjs): each must finish, print its figures and leave docs/benchmarks.md
// alone. A benchmark whose answers are wrong (0 rows synced, a short page, a trail that
// does not verify) exits non-zero, so a broken one fails here instead of rotting until
// the next full run. No speed is asserted: that is what the full runs are for.
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const benchDir = fileURLToPath(new URL('../bench/', import.meta.url));
const docs = fileURLToPath(new URL('../../../docs/benchmarks.md', import.meta.url));

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The smoke sizes come from the contract: BENCH_* sizes a developer exported stay out. */
function smokeEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('BENCH_')) env[key] = value;
  return { ...env, BENCH_SMOKE: '1' };
}

/** `node <bench>` on the Node running the tests (the repository's Node 24, from node_modules/.bin). */
function runBench(script: string, timeoutMs: number): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`${benchDir}${script}`], {
      cwd: fileURLToPath(new URL('../../../', import.meta.url)),
      env: smokeEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so that a bench that hangs is stopped with whatever it started.
      detached: true,
    });
    // Lowest priority (and so for the servers and load generators it starts, which inherit it): a smoke run measures
    // nothing, and at full priority its load generators starved the suites running beside it under turbo (two CI runs
    // timed out in the portal's browser tests while the benches ran).
    if (child.pid) {
      try {
        setPriority(child.pid, 19);
      } catch {
        // Not allowed here: it runs at the test's own priority.
      }
    }
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // A bench that hangs gets SIGTERM first, so that it can stop what it started (servers it detached), then SIGKILL.
    let killer: NodeJS.Timeout | undefined;
    const stop = (signal: NodeJS.Signals) => {
      try {
        if (child.pid) process.kill(-child.pid, signal);
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => {
      stderr += `\n[bench-smoke] ${script} still running after ${timeoutMs / 1000} s: stopped`;
      stop('SIGTERM');
      killer = setTimeout(() => stop('SIGKILL'), 10_000);
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(killer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** A table row starting with `label` whose next cell is a number (ops/s, ms, rows/s …). */
const row = (label: string) =>
  new RegExp(`^\\| ${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\| [0-9][0-9,.]*( ms| s)? \\|`, 'm');

interface Bench {
  /** The figures it prints: a row of its table with a number in it. */
  figures: RegExp[];
  /** Its section in docs/benchmarks.md, whose write the smoke run must skip (null: not checked by name). */
  section: string | null;
  timeoutMs: number;
  /**
   * What it says when a server it needs is missing (it then exits 0 without figures), as the MongoDB suites
   * skip: accepted on a developer's machine, a failure under CI=true, where .ci/run provides them all.
   */
  skipped?: RegExp;
}

const MINUTE = 60_000;
/** Every `*-bench.mjs` under bench/ and bench/peers/ must be here: a new benchmark fails this suite until it is. */
const benches: Record<string, Bench> = {
  'store-bench.mjs': {
    figures: [row('insert one document'), row('page of 20, filtered and sorted (keyset)')],
    section: 'store',
    timeoutMs: 3 * MINUTE,
  },
  'challenges-bench.mjs': {
    figures: [
      row('open challenges, soonest deadline first'),
      row('first page, then second page by keyset (two queries)'),
    ],
    section: 'challenges',
    timeoutMs: 3 * MINUTE,
  },
  'insights-bench.mjs': {
    figures: [row('participation, whole platform'), row('service usage of one consumer (its own calls)')],
    section: 'insights',
    timeoutMs: 3 * MINUTE,
  },
  'plugin-bench.mjs': {
    figures: [row('worker thread in the hub (unconfined)'), row('isolate, one ctx.kv round trip')],
    section: 'plugins',
    timeoutMs: 3 * MINUTE,
  },
  // The first run on a machine compiles better-sqlite3 into node_modules/.cache (about a minute).
  'sqlite-driver-bench.mjs': {
    figures: [row('insert one document (fsync each)'), row('bulk upsert (documents/s, 2,000 a transaction)')],
    section: 'sqlite-driver',
    // A fresh clone compiles better-sqlite3 first (node headers and the package from the registry, then C++): one CI
    // run took more than 6 minutes over it.
    timeoutMs: 15 * MINUTE,
  },
  // 2,000 rows synced, then re-synced; it exits 1 on any count that is not 2,000 (or 0 where it should be).
  'data-sync-bench.mjs': {
    figures: [
      /^\| first sync, 2,000 rows \| [0-9]+ MiB \| [0-9.]+ \| [0-9,]+ \|/m,
      /^\| re-sync, 2,000 rows \| [0-9]+ MiB \| [0-9.]+ \| [0-9,]+ \|/m,
    ],
    section: 'data-sync',
    timeoutMs: 3 * MINUTE,
  },
  'group-commit-bench.mjs': {
    figures: [
      /^\| metered call \| [0-9]+ \| [a-z]+ \| [0-9]+ \|/m,
      /^\| audited mutation \| [0-9]+ \| [a-z]+ \| [0-9]+ \|/m,
    ],
    section: null,
    timeoutMs: 3 * MINUTE,
  },
  // Hub processes sharing one database: CI starts FerretDB for `npm test`.
  'audit-writers-bench.mjs': {
    figures: [/^\| 1 hub \| [0-9][0-9,.]* \(/m, /^\| 3 hubs, one database \| [0-9][0-9,.]* \(/m],
    section: 'audit-writers',
    timeoutMs: 4 * MINUTE,
    skipped: /audit writers bench: MONGODB_URI not set/,
  },
  // A fresh clone of HEAD, `npm install` with the npm cache this machine has, `npm start` until the portal answers.
  'first-run-bench.mjs': {
    figures: [/^\| warm \(packages already in the npm cache\) \| [0-9.]+ s \|/m],
    section: 'first-run',
    timeoutMs: 8 * MINUTE,
  },
  // The hub's dist/main.js and its bundled plugins, built before this suite (turbo.json).
  'peers/peer-bench.mjs': {
    figures: [/\| req\/s \|/, /^\| [^|]+ \| [0-9][0-9,]* \| [0-9.]+ \| [0-9.]+ \|/m],
    section: null,
    timeoutMs: 6 * MINUTE,
  },
  // Three hubs on FerretDB behind one Redis (Go and redis-server, which .ci/run installs).
  'peers/scale-out-bench.mjs': {
    figures: [/^\| [^|]+ \| [0-9][0-9,.]* /m],
    section: null,
    timeoutMs: 6 * MINUTE,
    skipped: /scale-out: skipped:/,
  },
};

/** The benchmarks on disk: `*-bench.mjs` in bench/ and bench/peers/ (their helpers are named otherwise). */
const onDisk = ['', 'peers/'].flatMap((folder) =>
  readdirSync(`${benchDir}${folder}`)
    .filter((name) => name.endsWith('-bench.mjs'))
    .map((name) => `${folder}${name}`),
);

function expectFigures(script: string, bench: Bench, outcome: Outcome, docsBefore: string) {
  const output = `exit ${outcome.code ?? outcome.signal}\n--- stdout\n${outcome.stdout}\n--- stderr\n${outcome.stderr}`;
  expect(outcome.code, output).toBe(0);
  expect(readFileSync(docs, 'utf8'), 'docs/benchmarks.md changed by a smoke run').toBe(docsBefore);
  if (bench.skipped && bench.skipped.test(outcome.stderr)) {
    // As the MongoDB suites: under CI=true a missing server is a failure, elsewhere the bench says it skipped.
    expect(process.env.CI, `${script} skipped under CI=true:\n${output}`).toBeFalsy();
    return;
  }
  for (const figure of bench.figures) expect(outcome.stdout, output).toMatch(figure);
  if (bench.section)
    expect(outcome.stderr).toContain(`bench ${bench.section}: smoke run, docs/benchmarks.md left as it is`);
}

describe('benchmarks in their smoke size (BENCH_SMOKE=1)', () => {
  it('knows every benchmark there is', () => {
    expect(onDisk.filter((script) => !(script in benches))).toEqual([]);
  });

  for (const script of onDisk) {
    const bench = benches[script];
    if (!bench) continue;
    it(
      `${script} runs, checks its answers and prints its figures`,
      async () => {
        const before = readFileSync(docs, 'utf8');
        expectFigures(script, bench, await runBench(script, bench.timeoutMs), before);
      },
      bench.timeoutMs + 20_000,
    );
  }
});
