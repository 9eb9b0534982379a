import type { CountByGroup } from '../store/port.js';
import type { StatusCount } from './model.js';

/** The Monday (UTC) starting the week of `day` (`YYYY-MM-DD`). */
export function weekOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return new Date(date.getTime() - sinceMonday * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The median of values given as a histogram (value → how many), exactly: the middle value, or the mean of the two
 * middle values. The store counts challenges per whole day to award; no challenge is read one by one.
 */
export function medianOf(histogram: ReadonlyArray<readonly [number, number]>): number | null {
  const sorted = [...histogram].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = sorted.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return null;
  const at = (position: number): number => {
    let seen = 0;
    for (const [value, n] of sorted) {
      seen += n;
      if (position < seen) return value;
    }
    return sorted.at(-1)![0];
  };
  return total % 2 === 1 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

/** Adds `count` under `key` of a map of status counts. */
export function addStatus(into: Map<string, number>, status: unknown, count: number): void {
  const key = String(status);
  into.set(key, (into.get(key) ?? 0) + count);
}

export const statusList = (counts: Map<string, number>): StatusCount[] =>
  [...counts].map(([status, count]) => ({ status, count })).sort((a, b) => a.status.localeCompare(b.status));

/** Groups of a `countBy` folded on their first key value. */
export function byFirstKey(groups: readonly CountByGroup[]): Map<string | number | null, CountByGroup[]> {
  const out = new Map<string | number | null, CountByGroup[]>();
  for (const group of groups) {
    const list = out.get(group.key[0] ?? null) ?? [];
    list.push(group);
    out.set(group.key[0] ?? null, list);
  }
  return out;
}
