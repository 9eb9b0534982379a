import { createSqliteStore, type Store } from '@maru/core';
import type { HubConfig } from './config.js';
import { ConfigError } from './config.js';

/**
 * The store engine the configuration selects: MongoDB when `MONGODB_URI` is
 * set, else the embedded SQLite engine under the data directory.
 */
export async function openStore(config: HubConfig): Promise<Store> {
  if (config.mongodbUri) {
    throw new ConfigError('MONGODB_URI is set, but this build has no MongoDB engine yet (issue #3); unset MONGODB_URI to use the embedded store.');
  }
  return createSqliteStore({ dataDir: config.dataDir });
}
