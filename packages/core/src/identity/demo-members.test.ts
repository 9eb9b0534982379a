import { afterEach, describe, expect, it } from 'vitest';
import { createTestHub, storedTables, type TestHub } from '../testing/test-hub.js';

const DEMO_MEMBERS = `{ demoMembers { email name organizationName roles } }`;

let hub: TestHub | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
});

describe('demoMembers', () => {
  it('lists, to anyone on a demo hub, the active members with their organization names and roles, by first role', async () => {
    hub = await createTestHub({ features: { demoLogin: true } });
    await storedTables(hub).members.findOneAndUpdate(
      { _id: hub.fixtures.members.companyBDev!._id },
      { $set: { status: 'DISABLED' } },
    );
    const res = await hub.gql(DEMO_MEMBERS);
    expect(res.errors).toBeUndefined();
    expect(res.data.demoMembers[0]).toEqual({
      email: 'bureaumanager@test.example',
      name: 'bureauManager',
      organizationName: 'Bureau',
      roles: ['CHALLENGE_MANAGER'],
    });
    // Within a role, in the order the members were added.
    expect(res.data.demoMembers.map((m: { name: string }) => m.name)).toEqual([
      'bureauManager',
      'companyAAdmin',
      'companyBAdmin',
      'divisionReviewer',
      'platformAdmin',
      'ministryAdmin',
      'bureauAdmin',
      'divisionAdmin',
      'companyADev',
    ]);
  });

  it('is an empty list, not an error, when demo login is off (the default)', async () => {
    hub = await createTestHub();
    const res = await hub.gql(DEMO_MEMBERS);
    expect(res.errors).toBeUndefined();
    expect(res.data.demoMembers).toEqual([]);
  });
});
