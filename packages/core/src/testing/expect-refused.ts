import { expect } from 'vitest';
import type { Hub } from '../create-hub.js';
import { snapshotDomain, type GraphQLResponse } from './test-hub.js';

/**
 * Runs an operation that must be refused: asserts the first error's code (and
 * `extensions.field` when given) and that no domain collection changed.
 * For the core's own tests; not part of `@maru/core/testing`, which does not
 * depend on vitest.
 */
export async function expectRefused(
  hub: Hub,
  code: string,
  run: () => Promise<GraphQLResponse>,
  field?: string,
): Promise<GraphQLResponse> {
  const before = await snapshotDomain(hub);
  const res = await run();
  expect(res.errors?.[0]?.extensions?.code, JSON.stringify(res)).toBe(code);
  if (field) expect(res.errors?.[0]?.extensions?.field).toBe(field);
  expect(await snapshotDomain(hub)).toBe(before);
  return res;
}
