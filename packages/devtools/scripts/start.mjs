#!/usr/bin/env node
// `npm start`: builds what the demo hub serves — the SDK, the core, the hub, the
// bundled plugins and the portal — saying what it builds and how long it takes,
// then runs the hub in demo mode in the foreground. Arguments after `npm start --`
// go to the hub (`npm start -- --help`).
//
// The build leaves type declarations out (MARU_BUILD_TYPES=0): a running hub does
// not read them, and they were most of the build's time. `npm test` and
// `npm run typecheck` build with them; turbo keys its cache on the variable, so the
// two builds never stand in for each other.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../../..');
const args = process.argv.slice(2);
const tty = process.stdout.isTTY === true;
const started = performance.now();
const seconds = (from = started) => `${((performance.now() - from) / 1000).toFixed(1)} s`;

// The example partner plugin too: the demo's awarded challenge launches it as a pilot.
const FILTERS = [
  '--filter=@maru/hub...',
  '--filter=./plugins/*',
  '--filter=@maru/portal',
  '--filter=@acme/maru-business-status',
];

function say(line) {
  if (tty) process.stdout.write('\r\x1b[K');
  process.stdout.write(`${line}\n`);
}

/** Runs turbo; each task's output arrives as one block when the task ends (grouped log order). */
function build() {
  return new Promise((resolvePromise) => {
    say(
      `maru: building the SDK, the core, the hub, the bundled plugins, the example partner plugin and the portal (Node ${process.versions.node})`,
    );
    const child = spawn(
      join(root, 'node_modules/.bin/turbo'),
      ['run', 'build', ...FILTERS, '--output-logs=full', '--log-order=grouped', '--log-prefix=task', '--summarize'],
      {
        cwd: root,
        env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', MARU_BUILD_TYPES: '0', FORCE_COLOR: '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const output = new Map();
    const done = new Set();
    let summary = null;
    let rest = '';
    const onLine = (line) => {
      const summaryFile = /Summary:\s+(\S+\.json)/.exec(line)?.[1];
      if (summaryFile) summary = summaryFile;
      const match = /^(\S+?):build: (.*)$/.exec(line);
      if (!match) return;
      const [, task, text] = match;
      if (!output.has(task)) output.set(task, []);
      output.get(task).push(text);
      if (!done.has(task)) {
        done.add(task);
        say(`  ✓ ${task.padEnd(24)} ${/cache hit/.test(text) ? 'from cache' : `done at ${seconds()}`}`);
      }
    };
    const read = (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop();
      lines.forEach(onLine);
    };
    child.stdout.setEncoding('utf8').on('data', read);
    child.stderr.setEncoding('utf8').on('data', read);
    // A line that moves while turbo works, so a first build is never three silent minutes.
    const ticker = tty ? setInterval(() => process.stdout.write(`\r\x1b[K  … building (${seconds()})`), 500) : null;
    child.on('close', (code) => {
      if (ticker) clearInterval(ticker);
      if (rest) onLine(rest);
      if (code !== 0) {
        say(`maru: the build failed after ${seconds()}. What the failing steps printed:`);
        for (const [task, lines] of output)
          if (lines.some((l) => /error|ERR!|failed/i.test(l))) say(`\n--- ${task}\n${lines.join('\n')}`);
        resolvePromise(code ?? 1);
        return;
      }
      say(`maru: built in ${seconds()}${slowest(summary)}`);
      resolvePromise(0);
    });
  });
}

/** The slowest steps of the run, from turbo's run summary, when any took long enough to name. */
function slowest(file) {
  if (!file) return '';
  try {
    const run = JSON.parse(readFileSync(join(root, file), 'utf8'));
    const times = run.tasks
      .filter((t) => t.cache?.status !== 'HIT' && t.execution?.endTime)
      .map((t) => ({ name: t.package, ms: t.execution.endTime - t.execution.startTime }))
      .filter((t) => t.ms >= 1000)
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 3);
    return times.length ? ` (longest: ${times.map((t) => `${t.name} ${(t.ms / 1000).toFixed(1)} s`).join(', ')})` : '';
  } catch {
    return '';
  }
}

const code = await build();
if (code !== 0) process.exit(code);

say('maru: starting the hub in demo mode (Ctrl+C stops it)');
// The young generation bounded as the hub's own launcher bounds it (docs/production.md, "Memory").
const hub = spawn(
  process.execPath,
  ['--max-semi-space-size=16', join(root, 'packages/hub/dist/main.js'), '--demo', ...args],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
// Ctrl+C reaches the hub from the terminal itself (same process group): passing it on as
// well would be the hub's second signal, which means "exit now". Others are passed on.
process.on('SIGINT', () => {});
for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => hub.kill(signal));
hub.on('exit', (exitCode, signal) => process.exit(exitCode ?? (signal ? 1 : 0)));
