#!/usr/bin/env node
// One autocannon run, in a process of its own so that it can be pinned to
// another core than the server: `node load.mjs '<json options>'`; prints the
// figures as one JSON line.
import autocannon from 'autocannon';

const { url, body, headers = {}, connections, duration } = JSON.parse(process.argv[2]);
const result = await autocannon({
  url,
  method: 'POST',
  body,
  headers: { 'content-type': 'application/json', ...headers },
  connections,
  duration,
});
process.stdout.write(
  `${JSON.stringify({ rps: result.requests.average, total: result.requests.total, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts })}\n`,
);
