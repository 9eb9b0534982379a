import { createMongoStore, createSqliteStore, type Store } from '@maru/core';
import type { HubConfig } from './config.js';

/**
 * The store engine the configuration selects: MongoDB when `MONGODB_URI` is
 * set, else the embedded SQLite engine under the data directory.
 */
export async function openStore(config: HubConfig): Promise<Store> {
  if (config.mongodbUri) return createMongoStore({ uri: config.mongodbUri });
  return createSqliteStore({ dataDir: config.dataDir });
}
