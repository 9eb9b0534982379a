import type { Document } from 'mongodb';
import type { CollectionSpec, QueryPlan } from '../port.js';

/**
 * Reads the output of `find(...).explain('queryPlanner')`.
 *
 * MongoDB describes the winning plan as a tree of stages (nested under
 * `shards` on a sharded cluster, under `queryPlan` with the slot-based
 * engine): `IXSCAN` / `IDHACK` read an index, `COLLSCAN` reads every
 * document. FerretDB 1.x has no stage tree; it returns SQLite's own
 * `EXPLAIN QUERY PLAN` lines for its table under `queryPlanner.Plan`, read
 * here the way the SQLite engine reads its plans.
 */
export function readMongoPlan(explained: Document, spec: CollectionSpec): QueryPlan {
  const planner = (explained.queryPlanner ?? {}) as Document;
  // The index each data-reading step uses; null for a collection scan or an undeclared index.
  const reads: Array<string | null> = [];
  const lines: string[] = [];
  walkStages(planner.winningPlan, spec, reads, lines, 0);
  if (lines.length === 0) readFerretdbLines(planner.Plan, spec, reads, lines);
  const pushdown = ['filterPushdown', 'sortPushdown', 'limitPushdown'].filter((key) => key in explained);
  if (pushdown.length) lines.push(pushdown.map((key) => `${key}=${String(explained[key])}`).join(' '));
  const indexed = reads.length > 0 && reads.every((index) => index !== null);
  return { indexed, index: indexed ? reads[0]! : null, detail: lines.join('\n') };
}

const INDEX_STAGES = /^(?:EXPRESS_)?IXSCAN$|^DISTINCT_SCAN$|^COUNT_SCAN$/;
const ID_STAGES = /^(?:EXPRESS_)?IDHACK$|^(?:EXPRESS_)?CLUSTERED_IXSCAN$/;

const CHILD_KEYS = ['inputStage', 'inputStages', 'shards', 'winningPlan', 'queryPlan'] as const;

function walkStages(
  node: unknown,
  spec: CollectionSpec,
  reads: Array<string | null>,
  lines: string[],
  depth: number,
): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) walkStages(item, spec, reads, lines, depth);
    return;
  }
  const stage = (node as Document).stage;
  let next = depth;
  if (typeof stage === 'string') {
    const indexName = (node as Document).indexName as string | undefined;
    let line = stage;
    if (INDEX_STAGES.test(stage)) {
      reads.push(declaredName(indexName, spec));
      line += ` ${indexName ?? '?'} ${JSON.stringify((node as Document).indexBounds ?? {})}`;
    } else if (ID_STAGES.test(stage)) {
      reads.push('_id');
    } else if (stage === 'COLLSCAN') {
      reads.push(null);
      line += ` ${JSON.stringify((node as Document).filter ?? {})}`;
    }
    lines.push(`${'  '.repeat(depth)}${line}`);
    next = depth + 1;
  }
  // Only the keys that hold stages: a filter or bounds object may itself have a field named `stage`.
  for (const key of CHILD_KEYS) walkStages((node as Document)[key], spec, reads, lines, next);
}

function declaredName(indexName: string | undefined, spec: CollectionSpec): string | null {
  if (indexName === '_id_') return '_id';
  return indexName !== undefined && spec.indexes.some((i) => i.name === indexName) ? indexName : null;
}

/** FerretDB's SQLite lines, e.g. `id=2 parent=0 notused=0 detail=SCAN items_3a79338f`. */
function readFerretdbLines(plan: unknown, spec: CollectionSpec, reads: Array<string | null>, lines: string[]): void {
  if (!Array.isArray(plan)) return;
  for (const line of plan) {
    const detail = /detail=(.*)$/.exec(String(line))?.[1] ?? String(line);
    lines.push(detail);
    const table = /^(?:SCAN|SEARCH) (\S+)/.exec(detail)?.[1];
    if (!table) continue;
    // FerretDB names its SQLite indexes `<table>_<index name>`; its `_id` index is `_id_`.
    const used = /USING (?:COVERING )?INDEX (\S+)/.exec(detail)?.[1];
    reads.push(used?.startsWith(`${table}_`) ? declaredName(used.slice(table.length + 1), spec) : null);
  }
}
