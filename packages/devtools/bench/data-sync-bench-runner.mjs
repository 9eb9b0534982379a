#!/usr/bin/env node
// One sync in a process of its own, so its peak memory is its own: started by
// data-sync-bench.mjs with a JSON job as its argument, prints a JSON result as
// its last line. A first sync creates the agency, its admin and a PUBLIC CSV
// connection; a re-sync opens the same store and syncs that connection again.
import { createHub, createSqliteStore } from '@maru/core';

const job = JSON.parse(process.argv[2]);
const hub = await createHub({
  store: createSqliteStore({ dataDir: job.storeDir }),
  rateLimit: false,
  data: { importDir: job.importDir },
});
const { services } = hub;

async function firstSetup() {
  const { organization: agency } = await services.organizations.seed({
    kind: 'AGENCY',
    name: 'National Tax Service',
    slug: 'nts',
  });
  const { member: admin } = await services.members.seed({
    organizationId: agency._id,
    name: 'Data admin',
    email: 'data@nts.example',
    roles: ['AGENCY_ADMIN'],
  });
  const { secret } = await services.apiKeys.issue(admin, 'bench', ['READ', 'WRITE'], null);
  const viewer = await services.apiKeys.authenticate(secret);
  const connection = await services.data.connections.create(viewer, agency._id, {
    name: 'Business registrations',
    classification: 'PUBLIC',
    licence: 'KOGL-Type1',
    keyField: 'biz_no',
    connector: { kind: 'CSV', config: { path: job.file } },
  });
  return { viewer, apiKey: secret, connectionId: connection._id };
}

const setup = job.connectionId
  ? { viewer: await services.apiKeys.authenticate(job.apiKey), apiKey: job.apiKey, connectionId: job.connectionId }
  : await firstSetup();

// Sampled rather than only read from maxRSS at the end: the samples show the
// sync itself, maxRSS the whole process (hub start included) as the kernel saw it.
global.gc();
const rssBefore = process.memoryUsage.rss();
let peakRss = rssBefore;
let peakHeapUsed = 0;
const sampler = setInterval(() => {
  const { rss, heapUsed } = process.memoryUsage();
  peakRss = Math.max(peakRss, rss);
  peakHeapUsed = Math.max(peakHeapUsed, heapUsed);
}, 50);
const start = process.hrtime.bigint();
const { done } = await services.data.syncs.request(setup.viewer, setup.connectionId);
const sync = await done;
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage.rss());
const heapUsedEnd = process.memoryUsage().heapUsed;
global.gc();
const heapUsedAfterGc = process.memoryUsage().heapUsed;

const connection = await services.data.connections.get(setup.connectionId);
// Counted in the store itself: the evidence the sync's own figures are checked against.
const stored = await hub.store.collection('data_records').count({ connectionId: setup.connectionId });
await hub.close();
console.log(
  JSON.stringify({
    connectionId: setup.connectionId,
    apiKey: setup.apiKey,
    status: sync.status,
    error: sync.error,
    read: sync.read,
    inserted: sync.inserted,
    updated: sync.updated,
    removed: sync.removed,
    rejected: sync.rejected,
    recordCount: connection.recordCount,
    stored,
    fields: connection.fields.map((f) => `${f.name}:${f.type}`),
    seconds,
    rssBefore,
    peakRss,
    maxRss: process.resourceUsage().maxRSS * 1024,
    peakHeapUsed,
    heapUsedEnd,
    heapUsedAfterGc,
  }),
);
