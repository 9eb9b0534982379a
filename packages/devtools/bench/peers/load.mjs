#!/usr/bin/env node
// One autocannon run, in a process of its own so that it can be pinned to
// another core than the server: `node load.mjs '<json options>'`; prints the
// figures as one JSON line (with `amount`, req/s over the whole run: autocannon's
// per-second average needs whole seconds). `duration` (seconds) or `amount` (requests);
// `expectBody`: every answer must be these bytes, or it counts as a mismatch.
import autocannon from 'autocannon';

const { url, body, headers = {}, connections, duration, amount, expectBody } = JSON.parse(process.argv[2]);
const result = await autocannon({
  url,
  method: 'POST',
  body,
  headers: { 'content-type': 'application/json', ...headers },
  connections: amount ? Math.min(connections, amount) : connections,
  ...(amount ? { amount } : { duration }),
  ...(expectBody ? { expectBody } : {}),
});
process.stdout.write(
  `${JSON.stringify({ rps: amount ? result.requests.total / Math.max(result.duration, 0.001) : result.requests.average, total: result.requests.total, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts, mismatches: result.mismatches ?? 0 })}\n`,
);
