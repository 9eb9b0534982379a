/**
 * Which refusal a caller gets when a request is wrong in more than one way: who may not see a list
 * learns that first (not that `first` is too large or an id malformed), and a failure while checking
 * a key is an ordinary masked GraphQL error. Found by a hostile review after the module refactor.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestHub, type TestHub } from '../testing/test-hub.js';

const codeOf = (r: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => r.errors?.[0]?.extensions?.code;

describe('the order of refusals', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await createTestHub({ rateLimit: false, responseCache: false });
  });
  afterAll(() => hub.close());

  it.each([
    ['anonymous, a page too large', `{ auditEvents(first: 500) { totalCount } }`, null, 'UNAUTHENTICATED'],
    ['a developer, a page too large', `{ auditEvents(first: 500) { totalCount } }`, 'companyBDev', 'FORBIDDEN'],
    [
      'anonymous, a malformed organization id',
      `{ auditEvents(filter: { organizationId: "nope" }) { totalCount } }`,
      null,
      'UNAUTHENTICATED',
    ],
    [
      'anonymous, data access requests, a page too large',
      `{ dataAccessRequests(direction: INCOMING, first: 500) { totalCount } }`,
      null,
      'UNAUTHENTICATED',
    ],
  ] as const)('%s: %s is refused with %s', async (_who, query, key, code) => {
    const r = await hub.gql(query, {}, key ? hub.fixtures.keys[key] : undefined);
    expect(codeOf(r)).toBe(code);
  });

  it('still says a page is too large to a caller who may read the list', async () => {
    const r = await hub.gql(`{ auditEvents(first: 500) { totalCount } }`, {}, hub.fixtures.keys.platformAdmin);
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.message).toContain('`first` must be between 0 and 100');
  });

  it('answers a store failure while checking a key as a masked INTERNAL GraphQL error, no stack', async () => {
    const keys = hub.store.collection('api_keys');
    const spy = vi.spyOn(keys, 'findOne').mockRejectedValue(new Error('store unreachable at /var/lib/maru'));
    try {
      const r = await hub.gql(`{ viewer { roles } }`, {}, hub.fixtures.keys.companyAAdmin);
      expect(codeOf(r)).toBe('INTERNAL');
      expect(JSON.stringify(r)).not.toContain('/var/lib/maru');
      expect(JSON.stringify(r)).not.toMatch(/at .*\.(ts|js):\d+/);
    } finally {
      spy.mockRestore();
    }
  });
});
