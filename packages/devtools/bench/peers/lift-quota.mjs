#!/usr/bin/env node
// Lifts the daily quota of the demo service grants in a seeded store, so that
// a load test's thousands of calls a second are not refused after the 1,000th:
// `node lift-quota.mjs <dataDir>`.
import { createServices, createSqliteStore } from '@maru/core';

const [dataDir] = process.argv.slice(2);
const store = createSqliteStore({ dataDir });
// Migrated through the hub's services, then edited as a benchmark's own store: no API lifts every quota at once.
await createServices(store);
const grants = store.collection('service_grants');
for (const grant of await grants.find({}, { limit: 1_000 }))
  await grants.findOneAndUpdate({ _id: grant._id }, { $set: { dailyQuota: null } });
await store.close();
