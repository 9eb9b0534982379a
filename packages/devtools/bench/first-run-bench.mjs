#!/usr/bin/env node
// A newcomer's first run, timed: a fresh clone of this repository's HEAD →
// `npm install` → `npm start` → the portal answering, once with the npm cache this
// machine already has (warm) and once with an empty one (everything downloaded from
// the registry). Both run with the PATH this script was given, so `npm install`
// runs on whichever Node the machine has (20 on ours), as a newcomer's would.
// Writes the "first run" section of docs/benchmarks.md.
//
// `node packages/devtools/bench/first-run-bench.mjs [warm|cold]` runs one of the two.
// BENCH_SMOKE=1 runs the warm one only (the empty cache would download every package
// again) and writes nothing; it still fails when the install or the start does.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMOKE } from './smoke.mjs';
import { writeSection } from './write-section.mjs';

const repo = join(import.meta.dirname, '../../..');
const only = process.argv[2];
const START_LIMIT_MS = 10 * 60_000;

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

// The parent's npm_* variables and node_modules/.bin would make this no first run.
function newcomerEnv(extra) {
  const env = {};
  for (const [key, value] of Object.entries(process.env))
    if (!/^(npm_|INIT_CWD$|TURBO_|MARU_|MONGODB_URI$|NODE_OPTIONS$)/.test(key)) env[key] = value;
  env.PATH = env.PATH.split(':')
    .filter((dir) => !dir.includes('node_modules'))
    .join(':');
  return { ...env, ...extra };
}

function timedInstall(cwd, env) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let output = '';
    const child = spawn('npm', ['install'], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`npm install failed (${code}):\n${output.slice(-4000)}`));
      else resolve({ ms: performance.now() - started, output });
    });
  });
}

/** `npm start` until GET / answers with the portal's page; the start script's own line gives the build's share. */
async function timedStart(cwd, env) {
  const port = await freePort();
  const started = performance.now();
  let output = '';
  let built = null;
  const child = spawn('npm', ['start'], {
    cwd,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const collect = (chunk) => {
    output += chunk;
    if (built === null && /maru: built in/.test(output)) built = performance.now() - started;
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${output.slice(-4000)}`);
      if (performance.now() - started > START_LIMIT_MS)
        throw new Error(`the portal did not answer within ${START_LIMIT_MS / 60_000} min:\n${output.slice(-4000)}`);
      const page = await fetch(`http://127.0.0.1:${port}/`).then(
        (r) => (r.ok ? r.text() : ''),
        () => '',
      );
      if (page.includes('<div id="root"')) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    return { ms: performance.now() - started, buildMs: built, output };
  } finally {
    process.kill(-child.pid, 'SIGTERM');
    await new Promise((r) => child.once('close', r));
  }
}

const count = (text, pattern) => text.split('\n').filter((line) => pattern.test(line)).length;
// npm may warn about one package more than once (once per place it lands in the tree).
const distinct = (text, pattern) => new Set(text.split('\n').flatMap((line) => pattern.exec(line)?.[1] ?? [])).size;

async function firstRun(kind) {
  const work = mkdtempSync(join(tmpdir(), `maru-first-run-${kind}-`));
  try {
    const clone = join(work, 'maru');
    execFileSync('git', ['clone', '--quiet', '--no-hardlinks', repo, clone]);
    const env = newcomerEnv(kind === 'cold' ? { npm_config_cache: join(work, 'npm-cache') } : {});
    console.error(`first run (${kind} npm cache): npm install …`);
    const install = await timedInstall(clone, env);
    console.error(`  ${(install.ms / 1000).toFixed(1)} s; npm start …`);
    const start = await timedStart(clone, env);
    console.error(`  portal answering after ${(start.ms / 1000).toFixed(1)} s`);
    const nodeUsed = /Node (\d+\.\d+\.\d+)\)/.exec(start.output)?.[1] ?? '?';
    return {
      kind,
      installMs: install.ms,
      buildMs: start.buildMs,
      startMs: start.ms,
      nodeUsed,
      badEngine: distinct(install.output, /EBADENGINE +package: '?([^',]+)/),
      deprecated: count(install.output, /npm warn deprecated/),
      packages: /added (\d+) packages/.exec(install.output)?.[1] ?? '?',
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const kinds = only ? [only] : SMOKE ? ['warm'] : ['warm', 'cold'];
const results = [];
for (const kind of kinds) results.push(await firstRun(kind));

const s = (ms) => (ms === null ? '?' : `${(ms / 1000).toFixed(1)} s`);
const systemNode = execFileSync('node', ['--version'], { env: newcomerEnv({}), encoding: 'utf8' }).trim();
const rows = results.map(
  (r) =>
    `| ${r.kind === 'warm' ? 'warm (packages already in the npm cache)' : 'empty (all downloaded from the registry)'} | ${s(r.installMs)} | ${s(r.buildMs)} | ${s(r.startMs - (r.buildMs ?? 0))} | ${s(r.installMs + r.startMs)} | ${r.packages} | ${r.badEngine} | ${r.deprecated} |`,
);
const body = `## First run

\`node packages/devtools/bench/first-run-bench.mjs\`: a fresh clone of HEAD, \`npm install\`, then \`npm start\` until the portal answers at \`/\`, as a newcomer on this machine would (system Node ${systemNode} runs \`npm install\`; \`npm start\` runs on the Node ${results[0]?.nodeUsed} the repository installs). ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${new Date().toISOString().slice(0, 10)}. Goal with a warm cache: install ≤ 90 s, first start (build + seed) ≤ 60 s.

| npm cache | npm install | build | hub start + demo seed | clone to portal | packages | EBADENGINE | deprecated |
| --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

EBADENGINE counts packages npm warned about. They appear only when the system Node that runs \`npm install\` is older than what packages ask for (Node 20 here): our own packages ask for Node ≥ 24 and some dependencies for ≥ 22. Run by Node 24, \`npm install\` prints none. Everything after the install runs on the repository's Node 24.`;
console.log(body);
if (!only) writeSection('first-run', body);
