/**
 * @packageDocumentation
 * `@maru/testing` — test helpers for plugin authors: `createPluginTestHub`
 * starts a real hub in-process with the plugin under test; `createTestContext`
 * and `callOperation` call one operation in a unit test, with the same rules
 * the hub enforces.
 */
export { callOperation, createTestContext } from './create-test-context.js';
export type { LoggedLine, TestContext, TestContextOptions } from './create-test-context.js';
export { createPluginTestHub } from './create-plugin-test-hub.js';
export type { PluginTestHub, PluginTestHubOptions, ServiceUsage, TestCaller } from './create-plugin-test-hub.js';
export { HubCallError } from './hub-call-error.js';
export { resolvePluginEntry } from './resolve-plugin-entry.js';
export type { GraphQLResponse } from '@maru/core/testing';
