import { afterEach, beforeEach, expect, it } from 'vitest';
import { newId } from '../ids.js';
import { createTestHub, type TestHub } from '../testing/test-hub.js';
import { encodeGlobalId } from './global-id.js';

let hub: TestHub;
beforeEach(async () => {
  hub = await createTestHub();
});
afterEach(async () => {
  await hub.close();
});

const WITHDRAW = `mutation($id: ID!) { withdrawSubmission(id: $id) { submission { status } } }`;
const TRAIL = `query($org: ID!) { auditEvents(filter: { organizationId: $org, action: "submission.withdraw" }) {
  nodes { action outcome organizationId } } }`;

it("a refusal before its target was read is filed under the caller's organization, so its admins see it", async () => {
  const { keys, companyA, companyB } = hub.fixtures;
  const refused = await hub.gql(WITHDRAW, { id: encodeGlobalId('Submission', newId()) }, keys.companyADev);
  expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

  const orgA = encodeGlobalId('Organization', companyA._id);
  const seen = await hub.gql<{ auditEvents: { nodes: unknown[] } }>(TRAIL, { org: orgA }, keys.companyAAdmin);
  expect(seen.data?.auditEvents.nodes).toEqual([
    { action: 'submission.withdraw', outcome: 'NOT_FOUND', organizationId: orgA },
  ]);
  // Another company's admin does not see it under their organization.
  const orgB = encodeGlobalId('Organization', companyB._id);
  const other = await hub.gql<{ auditEvents: { nodes: unknown[] } }>(TRAIL, { org: orgB }, keys.companyBAdmin);
  expect(other.data?.auditEvents.nodes).toEqual([]);
});
