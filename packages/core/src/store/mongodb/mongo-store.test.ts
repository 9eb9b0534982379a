import { afterAll, describe } from 'vitest';
import { describeStoreContract } from '../store-contract.js';
import { createMongoStore } from './mongo-store.js';
import { dropDatabase, mongoTestUri } from './mongo-test-target.js';

const uri = mongoTestUri('store_contract');

describe.runIf(uri)('mongodb engine', () => {
  afterAll(() => dropDatabase(uri!));
  describeStoreContract('mongodb', { open: () => createMongoStore({ uri: uri! }) });
});
