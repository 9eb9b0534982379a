import { describe } from 'vitest';
import { createMongoStore } from '../store/mongodb/mongo-store.js';
import { dropDatabase, mongoTestUri } from '../store/mongodb/mongo-test-target.js';
import type { Store } from '../store/port.js';
import { createSqliteStore } from '../store/sqlite/sqlite-store.js';

/** A suite of several hubs' work on one store: three store clients, and what to do after it. */
export type SeveralHubsSuite = (
  engine: string,
  openStores: () => Promise<Store[]>,
  cleanup?: () => Promise<void>,
) => void;

/**
 * Runs `suite` on each engine as several hubs would share it: on SQLite three hubs share one embedded store (one
 * process, as the embedded engine allows), on the MongoDB wire (FerretDB in CI, when `MONGODB_URI` is set) each of the
 * three has its own client of one fresh database — where a guarded update is read-then-write and only unique inserts
 * decide races. For the core's own tests; not part of `@maru/core/testing`, which does not depend on vitest.
 */
export function describeOnEachEngine(suiteName: string, suite: SeveralHubsSuite): void {
  const uri = mongoTestUri(suiteName);
  suite('sqlite', async () => {
    const store = createSqliteStore({ dataDir: ':memory:' });
    return [store, store, store];
  });
  describe.runIf(uri)('mongodb wire', () => {
    suite(
      'mongodb',
      () => Promise.all([0, 1, 2].map(() => createMongoStore({ uri: uri! }))),
      () => dropDatabase(uri!),
    );
  });
}
