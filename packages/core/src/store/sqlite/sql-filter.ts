import { assertFieldPath, StoreQueryError, type Filter, type Sort } from '../port.js';

/** What a compiled filter binds: SQLite cannot bind booleans, arrays or objects. */
export type SqlParam = string | number | bigint | null;
type Param = SqlParam;

export interface SqlFragment {
  sql: string;
  params: Param[];
}

/**
 * The SQL expression for a field. It must be spelled exactly the same way in
 * queries and in `CREATE INDEX`, or SQLite will not use the expression index.
 */
export function fieldExpr(path: string): string {
  if (path === '_id') return 'id';
  assertFieldPath(path);
  return `json_extract(doc, '$.${path}')`;
}

/** SQLite cannot bind booleans; `json_extract` yields 1 / 0 for JSON true / false. */
function toParam(value: unknown, path: string): Param {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') return value;
  throw new StoreQueryError(
    `filter on ${path} compares with a ${Array.isArray(value) ? 'array' : typeof value}; only scalars are supported`,
  );
}

const COMPARISONS: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };

/** Translates a port filter to a WHERE clause over `json_extract`. */
export function compileFilter(filter: Filter, arrayFields: ReadonlySet<string>): SqlFragment {
  const parts: string[] = [];
  const params: Param[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined) continue;
    if (key === '$and' || key === '$or') {
      if (!Array.isArray(value) || value.length === 0) throw new StoreQueryError(`${key} needs a non-empty array`);
      const branches = value.map((branch) => compileFilter(branch as Filter, arrayFields));
      parts.push(`(${branches.map((b) => `(${b.sql})`).join(key === '$and' ? ' AND ' : ' OR ')})`);
      for (const b of branches) params.push(...b.params);
      continue;
    }
    if (key.startsWith('$')) throw new StoreQueryError(`unsupported filter operator ${key}`);
    const field = compileField(key, value, arrayFields.has(key));
    parts.push(field.sql);
    params.push(...field.params);
  }
  return { sql: parts.length ? parts.join(' AND ') : '1', params };
}

function isOperatorObject(value: unknown): value is Record<string, unknown> {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.keys(value).length > 0 &&
    Object.keys(value).every((k) => k.startsWith('$'))
  );
}

function compileField(path: string, condition: unknown, isArray: boolean): SqlFragment {
  const expr = fieldExpr(path);
  const ops = isOperatorObject(condition) ? condition : { $eq: condition };
  const parts: string[] = [];
  const params: Param[] = [];
  const elements = `SELECT value FROM json_each(doc, '$.${path}')`;
  for (const [op, operand] of Object.entries(ops)) {
    switch (op) {
      case '$eq':
        if (operand === null) parts.push(`${expr} IS NULL`);
        else if (isArray) (parts.push(`EXISTS (${elements} WHERE value = ?)`), params.push(toParam(operand, path)));
        else (parts.push(`${expr} = ?`), params.push(toParam(operand, path)));
        break;
      case '$ne':
        if (operand === null) parts.push(`${expr} IS NOT NULL`);
        else if (isArray) (parts.push(`NOT EXISTS (${elements} WHERE value = ?)`), params.push(toParam(operand, path)));
        else (parts.push(`(${expr} IS NULL OR ${expr} != ?)`), params.push(toParam(operand, path)));
        break;
      case '$gt':
      case '$gte':
      case '$lt':
      case '$lte':
        if (operand === null) throw new StoreQueryError(`${op} on ${path} needs a value`);
        parts.push(`${expr} ${COMPARISONS[op]} ?`);
        params.push(toParam(operand, path));
        break;
      case '$in':
      case '$nin': {
        if (!Array.isArray(operand)) throw new StoreQueryError(`${op} on ${path} needs an array`);
        const values = operand.filter((v) => v !== null).map((v) => toParam(v, path));
        const withNull = values.length !== operand.length;
        const list = values.map(() => '?').join(', ');
        const matches: string[] = [];
        if (values.length)
          matches.push(isArray ? `EXISTS (${elements} WHERE value IN (${list}))` : `${expr} IN (${list})`);
        if (withNull) matches.push(`${expr} IS NULL`);
        const positive = matches.length ? `(${matches.join(' OR ')})` : '0';
        // NOT (x IN (...)) is NULL, not true, for a missing x; MongoDB's $nin matches missing fields.
        parts.push(op === '$in' ? positive : `NOT COALESCE(${positive}, 0)`);
        params.push(...values);
        break;
      }
      case '$all': {
        if (!Array.isArray(operand) || operand.length === 0)
          throw new StoreQueryError(`$all on ${path} needs a non-empty array`);
        for (const item of operand) {
          parts.push(isArray ? `EXISTS (${elements} WHERE value = ?)` : `${expr} = ?`);
          params.push(toParam(item, path));
        }
        break;
      }
      case '$exists':
        parts.push(
          path === '_id' ? (operand ? '1' : '0') : `json_type(doc, '$.${path}') IS ${operand ? 'NOT ' : ''}NULL`,
        );
        break;
      case '$regex': {
        const options = (ops.$options as string | undefined) ?? '';
        if (!/^[i]*$/.test(options))
          throw new StoreQueryError(`$options "${options}" on ${path}: only "i" is supported`);
        if (typeof operand !== 'string') throw new StoreQueryError(`$regex on ${path} needs a string`);
        parts.push(isArray ? `EXISTS (${elements} WHERE maru_regexp(?, ?, value))` : `maru_regexp(?, ?, ${expr})`);
        params.push(operand, options);
        break;
      }
      case '$options':
        break;
      default:
        throw new StoreQueryError(`unsupported filter operator ${op} on ${path}`);
    }
  }
  return { sql: parts.length ? parts.join(' AND ') : '1', params };
}

export function compileSort(sort: Sort | undefined): string {
  const keys = sort ?? [];
  const clauses = keys.map(([field, direction]) => `${fieldExpr(field)} ${direction === 1 ? 'ASC' : 'DESC'}`);
  if (!keys.some(([field]) => field === '_id')) clauses.push(`id ${keys.at(-1)?.[1] === -1 ? 'DESC' : 'ASC'}`);
  return clauses.join(', ');
}
