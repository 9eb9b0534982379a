import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../graphql/global-id.js';
import { createTestHub, snapshotDomain, type TestHub } from '../testing/test-hub.js';

let hub: TestHub;
beforeEach(async () => {
  hub = await createTestHub();
});
afterEach(async () => {
  await hub.close();
});

const orgId = (o: { _id: string }) => encodeGlobalId('Organization', o._id);
const memberId = (m: { _id: string }) => encodeGlobalId('Member', m._id);

describe('organizations', () => {
  it('are public: anonymous callers list them with parents, filtered by agency subtree', async () => {
    const { ministry } = hub.fixtures;
    const res = await hub.gql(
      `query($p: ID!) { organizations(parentId: $p, includeDescendants: true) { totalCount nodes { name parent { name } ancestors { name } } } }`,
      { p: orgId(ministry) },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.organizations.nodes).toEqual([
      { name: 'Bureau', parent: { name: 'Ministry' }, ancestors: [{ name: 'Ministry' }] },
      { name: 'Division', parent: { name: 'Bureau' }, ancestors: [{ name: 'Ministry' }, { name: 'Bureau' }] },
    ]);
    expect(res.data.organizations.totalCount).toBe(2);
  });

  it('lets an agency admin create a sub-agency below their own, and refuses a company there', async () => {
    const { bureau } = hub.fixtures;
    const created = await hub.gql(
      `mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { organization { name parent { name } ancestors { slug } } } }`,
      { i: { kind: 'AGENCY', name: 'Data Team', slug: 'data-team', parentId: orgId(bureau) } },
      hub.fixtures.keys.bureauAdmin,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data.createOrganization.organization).toEqual({
      name: 'Data Team',
      parent: { name: 'Bureau' },
      ancestors: [{ slug: 'ministry' }, { slug: 'bureau' }],
    });

    const before = await snapshotDomain(hub);
    const refused = await hub.gql(
      `mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { organization { id } } }`,
      { i: { kind: 'COMPANY', name: 'Shell Co', slug: 'shell' } },
      hub.fixtures.keys.bureauAdmin,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await snapshotDomain(hub)).toBe(before);
  });

  it('refuses a duplicate slug with CONFLICT naming the field, and keeps the store unchanged', async () => {
    const before = await snapshotDomain(hub);
    const res = await hub.gql(
      `mutation { createOrganization(input: { kind: COMPANY, name: "Again", slug: "company-a" }) { organization { id } } }`,
      {},
      hub.fixtures.keys.platformAdmin,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.slug' });
    expect(res.errors?.[0]?.message).toMatch(/already taken/);
    expect(await snapshotDomain(hub)).toBe(before);
  });

  it('refuses an over-long name and a malformed slug with BAD_USER_INPUT naming the field', async () => {
    const before = await snapshotDomain(hub);
    const long = await hub.gql(
      `mutation($n: String!) { createOrganization(input: { kind: COMPANY, name: $n, slug: "fine" }) { organization { id } } }`,
      { n: 'x'.repeat(201) },
      hub.fixtures.keys.platformAdmin,
    );
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect(long.errors?.[0]?.message).toMatch(/at most 200 characters/);
    const slug = await hub.gql(
      `mutation { createOrganization(input: { kind: COMPANY, name: "Fine", slug: "Not OK!" }) { organization { id } } }`,
      {},
      hub.fixtures.keys.platformAdmin,
    );
    expect(slug.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.slug' });
    expect(await snapshotDomain(hub)).toBe(before);
  });

  it('updates with optimistic concurrency: a stale expectedVersion is a CONFLICT', async () => {
    const { companyA, keys } = hub.fixtures;
    const ok = await hub.gql(
      `mutation($id: ID!) { updateOrganization(id: $id, input: { name: "Company A Ltd", expectedVersion: 1 }) { organization { name version } } }`,
      { id: orgId(companyA) },
      keys.companyAAdmin,
    );
    expect(ok.data.updateOrganization.organization).toEqual({ name: 'Company A Ltd', version: 2 });
    const before = await snapshotDomain(hub);
    const stale = await hub.gql(
      `mutation($id: ID!) { updateOrganization(id: $id, input: { name: "Lost update", expectedVersion: 1 }) { organization { name } } }`,
      { id: orgId(companyA) },
      keys.companyAAdmin,
    );
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await snapshotDomain(hub)).toBe(before);
  });
});

describe('members', () => {
  it('an admin adds a member with roles valid for the organization kind', async () => {
    const { companyA, keys } = hub.fixtures;
    const res = await hub.gql(
      `mutation($o: ID!) { addMember(input: { organizationId: $o, name: "Kim Minji", email: "Minji@A.example", roles: [DEVELOPER] }) { member { name email roles status organization { slug } } } }`,
      { o: orgId(companyA) },
      keys.companyAAdmin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.addMember.member).toEqual({
      name: 'Kim Minji',
      email: 'minji@a.example',
      roles: ['DEVELOPER'],
      status: 'ACTIVE',
      organization: { slug: 'company-a' },
    });
  });

  it('refuses a role that does not exist in the organization kind, a developer adding members, and a duplicate email', async () => {
    const { companyA, keys } = hub.fixtures;
    const before = await snapshotDomain(hub);
    const wrongRole = await hub.gql(
      `mutation($o: ID!) { addMember(input: { organizationId: $o, name: "X", email: "x@a.example", roles: [AGENCY_ADMIN] }) { member { id } } }`,
      { o: orgId(companyA) },
      keys.companyAAdmin,
    );
    expect(wrongRole.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.roles' });
    const developer = await hub.gql(
      `mutation($o: ID!) { addMember(input: { organizationId: $o, name: "X", email: "x@a.example", roles: [DEVELOPER] }) { member { id } } }`,
      { o: orgId(companyA) },
      keys.companyADev,
    );
    expect(developer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const duplicate = await hub.gql(
      `mutation($o: ID!) { addMember(input: { organizationId: $o, name: "X", email: "companyADev@test.example", roles: [DEVELOPER] }) { member { id } } }`,
      { o: orgId(companyA) },
      keys.companyAAdmin,
    );
    expect(duplicate.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.email' });
    const badEmail = await hub.gql(
      `mutation($o: ID!) { addMember(input: { organizationId: $o, name: "X", email: "not-an-email", roles: [DEVELOPER] }) { member { id } } }`,
      { o: orgId(companyA) },
      keys.companyAAdmin,
    );
    expect(badEmail.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.email' });
    expect(await snapshotDomain(hub)).toBe(before);
  });

  it('a disabled member cannot use their keys any more', async () => {
    const { members, keys } = hub.fixtures;
    const res = await hub.gql(
      `mutation($id: ID!) { disableMember(id: $id) { member { status } } }`,
      { id: memberId(members.companyADev!) },
      keys.companyAAdmin,
    );
    expect(res.data.disableMember.member.status).toBe('DISABLED');
    const after = await hub.gql(`{ viewer { name } }`, {}, keys.companyADev);
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('an admin cannot remove their own admin role', async () => {
    const { members, keys } = hub.fixtures;
    const before = await snapshotDomain(hub);
    const res = await hub.gql(
      `mutation($id: ID!) { updateMember(id: $id, input: { roles: [DEVELOPER] }) { member { roles } } }`,
      { id: memberId(members.companyAAdmin!) },
      keys.companyAAdmin,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.roles' });
    expect(await snapshotDomain(hub)).toBe(before);
  });
});
