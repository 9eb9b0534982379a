import { assertFieldPath, StoreQueryError, type Update } from './port.js';

type Obj = Record<string, unknown>;

const OPERATORS = new Set(['$set', '$unset', '$inc', '$push', '$addToSet', '$pull', '$setOnInsert']);

/**
 * Applies MongoDB update operators to a copy of `doc`, for engines that store
 * documents as opaque JSON. Mirrors MongoDB's semantics for the operators the
 * port promises, including its refusals (`$inc` on a non-number, `$push` on a
 * non-array), so both engines fail alike.
 */
export function applyUpdate<T extends object>(doc: T, update: Update, inserting = false): T {
  const next = structuredClone(doc) as Obj;
  for (const [operator, fields] of Object.entries(update)) {
    if (!OPERATORS.has(operator)) throw new StoreQueryError(`unsupported update operator ${operator}`);
    if (operator === '$setOnInsert' && !inserting) continue;
    for (const [path, value] of Object.entries(fields as Obj)) {
      assertFieldPath(path);
      if (path === '_id' || path.startsWith('_id.')) throw new StoreQueryError('_id cannot be updated');
      applyOne(next, operator, path, value);
    }
  }
  return next as T;
}

function applyOne(doc: Obj, operator: string, path: string, value: unknown): void {
  const parts = path.split('.');
  const leaf = parts.pop()!;
  const parent = operator === '$unset' || operator === '$pull' ? lookupParent(doc, parts) : ensureParent(doc, parts);
  if (!parent) return;
  const current = parent[leaf];
  switch (operator) {
    case '$set':
    case '$setOnInsert':
      parent[leaf] = structuredClone(value);
      return;
    case '$unset':
      delete parent[leaf];
      return;
    case '$inc':
      if (typeof value !== 'number') throw new StoreQueryError(`$inc of ${path} needs a number`);
      if (current !== undefined && typeof current !== 'number')
        throw new StoreQueryError(`$inc of non-numeric field ${path}`);
      parent[leaf] = ((current as number | undefined) ?? 0) + value;
      return;
    case '$push':
    case '$addToSet': {
      if (current !== undefined && !Array.isArray(current))
        throw new StoreQueryError(`${operator} to non-array field ${path}`);
      const list = (current as unknown[] | undefined) ?? [];
      const items = isEach(value) ? value.$each : [value];
      for (const item of items) {
        if (operator === '$addToSet' && list.some((existing) => sameValue(existing, item))) continue;
        list.push(structuredClone(item));
      }
      parent[leaf] = list;
      return;
    }
    case '$pull':
      if (Array.isArray(current)) {
        const drop = isIn(value) ? value.$in : [value];
        parent[leaf] = current.filter((item) => !drop.some((d) => sameValue(item, d)));
      }
      return;
  }
}

function isEach(value: unknown): value is { $each: unknown[] } {
  return typeof value === 'object' && value !== null && Array.isArray((value as Obj).$each);
}

function isIn(value: unknown): value is { $in: unknown[] } {
  return typeof value === 'object' && value !== null && Array.isArray((value as Obj).$in);
}

function ensureParent(doc: Obj, parts: string[]): Obj {
  let node = doc;
  for (const part of parts) {
    const child = node[part];
    if (child === undefined || child === null) node[part] = {};
    else if (typeof child !== 'object' || Array.isArray(child))
      throw new StoreQueryError(`cannot create field inside non-object ${part}`);
    node = node[part] as Obj;
  }
  return node;
}

function lookupParent(doc: Obj, parts: string[]): Obj | undefined {
  let node: unknown = doc;
  for (const part of parts) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Obj)[part];
  }
  return node !== null && typeof node === 'object' ? (node as Obj) : undefined;
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
