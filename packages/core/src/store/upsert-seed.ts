import type { Filter } from './port.js';

/**
 * The document an upsert starts from: the filter's plain equality fields, as
 * MongoDB does. Operator conditions (`{ n: { $gt: 1 } }`) contribute nothing.
 */
export function upsertSeed(filter: Filter): Record<string, unknown> {
  const seed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (key.startsWith('$')) continue;
    if (
      value !== null &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      Object.keys(value).some((k) => k.startsWith('$'))
    ) {
      const eq = (value as Record<string, unknown>).$eq;
      if (eq !== undefined) setPath(seed, key, eq);
      continue;
    }
    setPath(seed, key, value);
  }
  return seed;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  const leaf = parts.pop()!;
  let node = target;
  for (const part of parts) node = (node[part] ??= {}) as Record<string, unknown>;
  node[leaf] = value;
}
