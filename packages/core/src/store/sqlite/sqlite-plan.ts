import type { CollectionSpec, QueryPlan } from '../port.js';

/** A row of `EXPLAIN QUERY PLAN` (https://www.sqlite.org/eqp.html). */
export interface SqlitePlanRow {
  id: number;
  parent: number;
  detail: string;
}

/**
 * Reads SQLite's plan for a query on the table of `spec`. Only steps on that
 * table count: `json_each` steps (array matches) and temporary B-trees for
 * ORDER BY are part of the detail but say nothing about a full scan.
 * `SEARCH … USING INDEX` seeks; `SCAN … USING INDEX` walks an index in sort
 * order and stops at the limit; a bare `SCAN <table>` reads every row.
 */
export function readSqlitePlan(rows: SqlitePlanRow[], spec: CollectionSpec, table: string): QueryPlan {
  const depth = new Map<number, number>();
  const lines = rows.map((row) => {
    const level = (depth.get(row.parent) ?? -1) + 1;
    depth.set(row.id, level);
    return `${'  '.repeat(level)}${row.detail}`;
  });
  const step = new RegExp(`^(?:SCAN|SEARCH) ${table}\\b(.*)$`);
  // The index each step on the table uses; null for a full scan (or an undeclared index).
  const reads = rows.flatMap(({ detail }) => {
    const rest = step.exec(detail)?.[1];
    return rest === undefined ? [] : [declaredIndex(rest, spec, table)];
  });
  const indexed = reads.length > 0 && reads.every((index) => index !== null);
  return { indexed, index: indexed ? reads[0]! : null, detail: lines.join('\n') };
}

/**
 * The declared name of the index a plan step uses, `_id` for the primary key, or null for none (or an undeclared one).
 */
function declaredIndex(step: string, spec: CollectionSpec, table: string): string | null {
  if (/USING (?:INTEGER )?PRIMARY KEY/.test(step)) return '_id';
  const used = /USING (?:COVERING )?INDEX (\S+)/.exec(step)?.[1];
  if (!used) return null;
  // `id TEXT PRIMARY KEY` on a rowid table is kept in SQLite's automatic unique index.
  if (used.startsWith(`sqlite_autoindex_${table}_`)) return '_id';
  const prefix = `ix_${spec.name}__`;
  const name = used.startsWith(prefix) ? used.slice(prefix.length) : null;
  return name !== null && spec.indexes.some((i) => i.name === name) ? name : null;
}
