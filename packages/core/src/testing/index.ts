/**
 * `@maru/core/testing`: helpers for tests of the core and of the packages
 * built on it. Never imported by production code.
 */
export { createTestHub, snapshotDomain } from './test-hub.js';
export type { Fixtures, GraphQLResponse, TestHub } from './test-hub.js';
export { dropDatabase, mongoTestUri } from '../store/mongodb/mongo-test-target.js';
export { pluginTestCrypto, pluginTestSleep } from './plugin-context-parts.js';
