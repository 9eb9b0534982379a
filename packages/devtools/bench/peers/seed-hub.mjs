#!/usr/bin/env node
// Seeds an embedded store with the bench agencies and challenges before the
// hub starts on it: `node seed-hub.mjs <dataDir> <count>`. Inserted through the
// store directly (as challenges-bench.mjs does), not through the API, so that
// seeding 10,000 challenges takes seconds.
import { createSqliteStore, hubCollections } from '@maru/core';
import { agencyTree, challenge } from '../challenge-fixtures.mjs';

const [dataDir, count = '10000'] = process.argv.slice(2);
const store = createSqliteStore({ dataDir });
await store.migrate(hubCollections);
const agencies = agencyTree();
for (const org of agencies) await store.collection('organizations').insertOne(org);
for (let i = 0; i < Number(count); i++) await store.collection('challenges').insertOne(challenge(i, agencies));
await store.close();
