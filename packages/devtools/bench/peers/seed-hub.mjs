#!/usr/bin/env node
// Seeds an embedded store with the bench agencies and challenges before the
// hub starts on it: `node seed-hub.mjs <dataDir> <count>`. Inserted through the
// store directly (as challenges-bench.mjs does), not through the API, so that
// seeding 10,000 challenges takes seconds.
import { createServices, createSqliteStore } from '@maru/core';
import { agencyTree, challenge } from '../challenge-fixtures.mjs';

const [dataDir, count = '10000'] = process.argv.slice(2);
const store = createSqliteStore({ dataDir });
const services = await createServices(store);
const agencies = agencyTree();
for (const org of agencies) await services.organizations.collection.insertOne(org);
for (let i = 0; i < Number(count); i++) await services.challenges.collection.insertOne(challenge(i, agencies));
await store.close();
