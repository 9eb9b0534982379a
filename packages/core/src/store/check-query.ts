import { assertFieldPath, StoreQueryError, type Filter, type Update } from './port.js';

const FIELD_OPERATORS = new Set([
  '$eq',
  '$ne',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$in',
  '$nin',
  '$all',
  '$exists',
  '$regex',
  '$options',
]);

/**
 * Refuses any filter outside what the port promises, with the same errors the
 * SQLite engine gives, so an engine that would accept more (MongoDB) cannot
 * let code come to depend on it.
 */
export function checkFilter(filter: Filter): void {
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' || key === '$or') {
      if (!Array.isArray(value) || value.length === 0) throw new StoreQueryError(`${key} needs a non-empty array`);
      value.forEach((branch) => checkFilter(branch as Filter));
      continue;
    }
    if (key.startsWith('$')) throw new StoreQueryError(`unsupported filter operator ${key}`);
    if (key !== '_id') assertFieldPath(key);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const ops = Object.keys(value);
      if (ops.some((op) => op.startsWith('$'))) {
        for (const op of ops)
          if (!FIELD_OPERATORS.has(op)) throw new StoreQueryError(`unsupported filter operator ${op} on ${key}`);
        const options = (value as { $options?: unknown }).$options;
        if (options !== undefined && !/^i*$/.test(String(options)))
          throw new StoreQueryError(`$options "${String(options)}" on ${key}: only "i" is supported`);
        continue;
      }
      throw new StoreQueryError(`filter on ${key} compares with an object; only scalars are supported`);
    }
    if (Array.isArray(value))
      throw new StoreQueryError(`filter on ${key} compares with an array; only scalars are supported`);
  }
}

const UPDATE_OPERATORS = new Set(['$set', '$unset', '$inc', '$push', '$addToSet', '$pull', '$setOnInsert']);

export function checkUpdate(update: Update): void {
  for (const [operator, fields] of Object.entries(update)) {
    if (!UPDATE_OPERATORS.has(operator)) throw new StoreQueryError(`unsupported update operator ${operator}`);
    for (const path of Object.keys(fields as object)) {
      assertFieldPath(path);
      if (path === '_id' || path.startsWith('_id.')) throw new StoreQueryError('_id cannot be updated');
    }
  }
}
