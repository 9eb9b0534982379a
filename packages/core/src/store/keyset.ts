import type { Filter, Sort } from './port.js';

/**
 * Keyset ("seek") pagination: the filter that selects documents strictly after
 * `after` in `sort` order, `_id` breaking ties. It needs only `$or` and the
 * comparison operators, so every engine runs it on an index and no page is
 * skipped or repeated while documents are inserted.
 */
export function keysetAfter(sort: Sort, after: readonly unknown[]): Filter {
  const keys = withIdTieBreak(sort);
  if (after.length !== keys.length) throw new RangeError('cursor does not match the sort');
  const branches: Filter[] = [];
  for (let i = 0; i < keys.length; i++) {
    const branch: Filter = {};
    for (let j = 0; j < i; j++) branch[keys[j]![0]] = after[j];
    const [field, direction] = keys[i]!;
    branch[field] = { [direction === 1 ? '$gt' : '$lt']: after[i] };
    branches.push(branch);
  }
  return { $or: branches };
}

/** The sort with `_id` appended (same direction as the last key) unless present. */
export function withIdTieBreak(sort: Sort): Sort {
  if (sort.some(([field]) => field === '_id')) return sort;
  const last = sort[sort.length - 1];
  return [...sort, ['_id', last ? last[1] : 1]];
}

/** The values of a document at the sort keys, for building the next cursor. */
export function sortValues(doc: object, sort: Sort): unknown[] {
  return withIdTieBreak(sort).map(([field]) => readPath(doc, field));
}

export function readPath(doc: object, path: string): unknown {
  let value: unknown = doc;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}
