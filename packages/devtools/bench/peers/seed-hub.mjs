#!/usr/bin/env node
// Seeds a store with the bench agencies and challenges before the hub starts on
// it: `node seed-hub.mjs <dataDir | mongodb://…/db> <count>` — the embedded
// SQLite store in a folder, or a MongoDB-wire database (scale-out-bench.mjs).
// Inserted through the store directly (as challenges-bench.mjs does), not
// through the API, so that seeding 10,000 challenges takes seconds.
import { createMongoStore, createSqliteStore, hubCollections } from '@maru/core';
import { agencyTree, challenge } from '../challenge-fixtures.mjs';

const [target, count = '10000'] = process.argv.slice(2);
const mongo = /^mongodb(\+srv)?:\/\//.test(target);
const store = mongo ? await createMongoStore({ uri: target }) : createSqliteStore({ dataDir: target });
await store.migrate(hubCollections);
const agencies = agencyTree();
for (const org of agencies) await store.collection('organizations').insertOne(org);
// Over the wire, a round trip per insert: several under way at once.
const width = mongo ? 16 : 1;
let next = 0;
await Promise.all(
  Array.from({ length: width }, async () => {
    for (let i = next++; i < Number(count); i = next++)
      await store.collection('challenges').insertOne(challenge(i, agencies));
  }),
);
await store.close();
