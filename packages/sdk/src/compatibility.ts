import { PLUGIN_API_VERSION } from './version.js';

type Version = [number, number, number];

const VERSION = /^(\d+)\.(\d+)\.(\d+)(?:-[0-9A-Za-z.-]+)?$/;
const COMPARATOR = /^(\^|~|>=|<=|>|<|=)?(\d+|x|\*)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?$/;

function parse(version: string): Version | null {
  const match = VERSION.exec(version);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** Whether `range` is a semver range this SDK understands: `^1.2.0`, `~1.2.0`, `>=1.0.0 <2.0.0`, `1.x`, `1.2.3`, joined with `||`. */
export function isValidRange(range: string): boolean {
  const sets = range.split('||').map((set) => set.trim());
  return sets.every((set) => set.length > 0 && set.split(/\s+/).every((c) => COMPARATOR.test(c)));
}

function satisfiesComparator(version: Version, comparator: string): boolean {
  const match = COMPARATOR.exec(comparator);
  if (!match) return false;
  const op = match[1] ?? '';
  const parts = [match[2], match[3], match[4]].map((p) =>
    p === undefined || p === 'x' || p === '*' ? null : Number(p),
  );
  const floor: Version = [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0];
  const wildcard = parts.findIndex((p) => p === null);
  if (op === '' || op === '=') {
    if (wildcard === -1) return compare(version, floor) === 0;
    return parts.slice(0, wildcard).every((p, i) => version[i] === p);
  }
  if (op === '>=') return compare(version, floor) >= 0;
  if (op === '>') return compare(version, floor) > 0;
  if (op === '<=') return compare(version, floor) <= 0;
  if (op === '<') return compare(version, floor) < 0;
  if (compare(version, floor) < 0) return false;
  if (op === '~') return version[0] === floor[0] && (parts[1] === null || version[1] === floor[1]);
  // Caret: the left-most non-zero part may not change.
  if (floor[0] > 0 || parts[1] === null) return version[0] === floor[0];
  if (floor[1] > 0 || parts[2] === null) return version[0] === 0 && version[1] === floor[1];
  return compare(version, floor) === 0;
}

/**
 * Whether a plugin built for `range` runs on a hub whose plugin API is
 * `apiVersion` (this SDK's {@link PLUGIN_API_VERSION} by default).
 */
export function isCompatible(range: string, apiVersion: string = PLUGIN_API_VERSION): boolean {
  const version = parse(apiVersion);
  if (!version || !isValidRange(range)) return false;
  return range.split('||').some((set) =>
    set
      .trim()
      .split(/\s+/)
      .every((c) => satisfiesComparator(version, c)),
  );
}

export { parse as parseVersion };
