import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Every benchmark in its smoke size (bench-smoke.test.ts) runs when asked (`BENCH_SMOKE_TEST=1 npm test -w
    // @maru/devtools`): in the last CI runs it failed twice (better-sqlite3's compile never finished; the peer bench's
    // first list answer came back short) and is being looked into; .ci/run runs the benchmarks' proven smoke subset.
    exclude: process.env.BENCH_SMOKE_TEST === '1' ? [] : ['src/bench-smoke.test.ts'],
  },
});
