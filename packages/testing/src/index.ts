/**
 * @packageDocumentation
 * `@maru/testing` — test helpers for plugin authors: a `ctx` with the same
 * rules the hub enforces, to call a plugin's operations in unit tests.
 */
export { callOperation, createTestContext } from './create-test-context.js';
export type { LoggedLine, TestContext, TestContextOptions } from './create-test-context.js';
