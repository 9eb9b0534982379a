// The smoke contract every benchmark here follows, so that `npm test` can run
// them all and they cannot rot unseen (packages/devtools/src/bench-smoke.test.ts):
//
// - BENCH_SMOKE=1 runs a benchmark at a tiny size: small data, one short round,
//   no more warm-up than it needs. A BENCH_* size variable set explicitly still wins.
// - It still checks its answers: wrong or empty results (0 rows synced, a page
//   short, a trail that does not verify) exit non-zero, in smoke size as at full size.
// - It never writes docs/benchmarks.md (write-section.mjs does nothing): smoke
//   figures measure nothing worth writing down.
// - What needs MONGODB_URI skips that part without it, as at full size.
//
// Full size: `npm run bench -w @maru/devtools` (all), `bench:data`, `bench:peers`.

/** True when BENCH_SMOKE is set to anything but '' or '0'. */
export const SMOKE = Boolean(process.env.BENCH_SMOKE) && process.env.BENCH_SMOKE !== '0';

/** A size from `name` when set, else `smoke` under BENCH_SMOKE, else `full`. */
export function size(name, full, smoke) {
  const value = process.env[name];
  if (value !== undefined && value !== '') return Number(value);
  return SMOKE ? smoke : full;
}

/** A text setting from `name` when set, else `smoke` under BENCH_SMOKE, else `full`. */
export function setting(name, full, smoke) {
  const value = process.env[name];
  if (value !== undefined && value !== '') return value;
  return SMOKE ? smoke : full;
}
