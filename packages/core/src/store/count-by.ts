import { assertFieldPath, StoreQueryError, type CountByGroup, type CountByOptions } from './port.js';

/** Checks `countBy` options before they reach an engine: one to three field paths, no injected syntax. */
export function checkCountBy(options: CountByOptions): void {
  if (options.by.length < 1 || options.by.length > 3)
    throw new StoreQueryError('countBy groups by one to three fields');
  for (const field of options.by) assertFieldPath(field);
}

/** A group key value as both engines hand it back: missing, undefined and null are all `null`. */
export function groupValue(value: unknown): string | number | null {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  return null;
}

const rank = (value: string | number | null) => (value === null ? 0 : typeof value === 'number' ? 1 : 2);

/** Engines order groups differently (or not at all); one order for every engine: by key, null before numbers before strings. */
export function sortGroups(groups: CountByGroup[]): CountByGroup[] {
  return groups.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) {
      const x = a.key[i] ?? null;
      const y = b.key[i] ?? null;
      if (rank(x) !== rank(y)) return rank(x) - rank(y);
      if (x === null || y === null || x === y) continue;
      return x < y ? -1 : 1;
    }
    return 0;
  });
}
