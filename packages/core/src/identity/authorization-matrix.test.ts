import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../graphql/global-id.js';
import {
  createTestHub,
  snapshotDomain,
  storedTables,
  type Fixtures,
  type GraphQLResponse,
  type TestHub,
} from '../testing/test-hub.js';
import type { ApiKey, Member, Organization } from './model.js';

/**
 * Who may read and change whose private data, proven through every path a
 * client can take: typed fields, `node`/`nodes`, nested selections and every
 * identity mutation. Each row runs one operation as one caller against one
 * organization.
 */

type OrgName = 'ministry' | 'bureau' | 'division' | 'companyA' | 'companyB';
/** A fixture member's handle, or no key at all. */
type Caller =
  | 'anonymous'
  | 'platformAdmin'
  | 'ministryAdmin'
  | 'bureauAdmin'
  | 'divisionAdmin'
  | 'divisionReviewer'
  | 'companyAAdmin'
  | 'companyADev'
  | 'companyBAdmin';
type Outcome = 'ALLOWED' | 'UNAUTHENTICATED' | 'FORBIDDEN';

/** The member of each organization whose private data the rows go after: never the caller of an allowed row. */
const TARGET_MEMBER = {
  ministry: 'ministryAdmin',
  bureau: 'bureauManager',
  division: 'divisionReviewer',
  companyA: 'companyADev',
  companyB: 'companyBDev',
} as const;

/** [caller, organization, outcome]: the same outcome holds for every read and every mutation below. */
const RELATIONS: Array<[Caller, OrgName, Outcome]> = [
  ['anonymous', 'companyB', 'UNAUTHENTICATED'],
  ['anonymous', 'division', 'UNAUTHENTICATED'],
  ['companyAAdmin', 'companyB', 'FORBIDDEN'],
  ['companyADev', 'companyB', 'FORBIDDEN'],
  ['companyBAdmin', 'companyA', 'FORBIDDEN'],
  ['companyAAdmin', 'ministry', 'FORBIDDEN'],
  ['ministryAdmin', 'companyA', 'FORBIDDEN'],
  ['divisionAdmin', 'bureau', 'FORBIDDEN'],
  ['divisionAdmin', 'ministry', 'FORBIDDEN'],
  ['bureauAdmin', 'ministry', 'FORBIDDEN'],
  ['divisionReviewer', 'bureau', 'FORBIDDEN'],
  ['companyBAdmin', 'companyB', 'ALLOWED'],
  ['ministryAdmin', 'division', 'ALLOWED'],
  ['ministryAdmin', 'bureau', 'ALLOWED'],
  ['bureauAdmin', 'division', 'ALLOWED'],
  ['platformAdmin', 'companyB', 'ALLOWED'],
  ['platformAdmin', 'ministry', 'ALLOWED'],
  ['platformAdmin', 'division', 'ALLOWED'],
];

const gid = (type: string, doc: { _id: string }) => encodeGlobalId(type, doc._id);

interface Target {
  org: Organization;
  member: Member;
  key: ApiKey;
}

async function targetOf(hub: TestHub, name: OrgName): Promise<Target> {
  const member = hub.fixtures.members[TARGET_MEMBER[name]]!;
  const key = (await storedTables(hub).apiKeys.findOne({ memberId: member._id }))!;
  return { org: hub.fixtures[name], member, key };
}

const keyOf = (fixtures: Fixtures, caller: Caller) => (caller === 'anonymous' ? null : fixtures.keys[caller]!);

/** Runs `run` and asserts every error carries `code` and the domain is unchanged. */
async function expectRefused(
  hub: TestHub,
  code: string,
  run: () => Promise<GraphQLResponse>,
): Promise<GraphQLResponse> {
  const before = await snapshotDomain(hub);
  const res = await run();
  expect(res.errors?.length, JSON.stringify(res)).toBeGreaterThan(0);
  expect(res.errors!.map((e) => e.extensions?.code)).toEqual(res.errors!.map(() => code));
  expect(await snapshotDomain(hub)).toBe(before);
  return res;
}

interface ReadProbe {
  name: string;
  query: string;
  variables: (t: Target, auditEventId: string) => Record<string, unknown>;
  /** A private value of the target that the response must contain when allowed, and never otherwise. */
  secret: (t: Target, auditHash: string) => string;
  /**
   * `node`/`nodes`: a refused read answers this, as for an id that does not exist, instead of an error (an error would
   * tell which ids exist).
   */
  hidden?: Record<string, unknown>;
}

const READS: ReadProbe[] = [
  {
    name: 'organization(id) { members }',
    query: `query($o: ID!) { organization(id: $o) { name members { nodes { email } } } }`,
    variables: (t) => ({ o: gid('Organization', t.org) }),
    secret: (t) => t.member.email,
  },
  {
    name: 'organization(id) { apiKeys }',
    query: `query($o: ID!) { organization(id: $o) { name apiKeys(first: 100) { nodes { prefix } } } }`,
    variables: (t) => ({ o: gid('Organization', t.org) }),
    secret: (t) => t.key.prefix,
  },
  {
    name: 'organizations { nodes { members } }',
    query: `query($s: String!) { organizations(search: $s) { nodes { name members { nodes { email } } } } }`,
    variables: (t) => ({ s: t.org.name }),
    secret: (t) => t.member.email,
  },
  {
    name: 'node(Member)',
    hidden: { node: null },
    query: `query($id: ID!) { node(id: $id) { id ... on Member { email } } }`,
    variables: (t) => ({ id: gid('Member', t.member) }),
    secret: (t) => t.member.email,
  },
  {
    name: 'node(Member) { apiKeys }',
    hidden: { node: null },
    query: `query($id: ID!) { node(id: $id) { ... on Member { apiKeys { nodes { prefix } } } } }`,
    variables: (t) => ({ id: gid('Member', t.member) }),
    secret: (t) => t.key.prefix,
  },
  {
    name: 'node(ApiKey)',
    hidden: { node: null },
    query: `query($id: ID!) { node(id: $id) { id ... on ApiKey { prefix name } } }`,
    variables: (t) => ({ id: gid('ApiKey', t.key) }),
    secret: (t) => t.key.prefix,
  },
  {
    name: 'node(ApiKey) { member }',
    hidden: { node: null },
    query: `query($id: ID!) { node(id: $id) { ... on ApiKey { member { email } } } }`,
    variables: (t) => ({ id: gid('ApiKey', t.key) }),
    secret: (t) => t.member.email,
  },
  {
    name: 'nodes([Member, ApiKey])',
    hidden: { nodes: [null, null] },
    query: `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Member { email } ... on ApiKey { prefix } } }`,
    variables: (t) => ({ ids: [gid('Member', t.member), gid('ApiKey', t.key)] }),
    secret: (t) => t.key.prefix,
  },
  {
    name: 'node(AuditEvent)',
    hidden: { node: null },
    query: `query($id: ID!) { node(id: $id) { id ... on AuditEvent { action hash } } }`,
    variables: (_t, event) => ({ id: encodeGlobalId('AuditEvent', event) }),
    secret: (_t, hash) => hash,
  },
  {
    name: 'auditEvents(filter.organizationId)',
    query: `query($o: ID!) { auditEvents(filter: { organizationId: $o }) { nodes { action hash } } }`,
    variables: (t) => ({ o: gid('Organization', t.org) }),
    secret: (_t, hash) => hash,
  },
];

describe('reading private data of an organization', () => {
  let hub: TestHub;
  /** One audit event about each organization, written by a real mutation. */
  const events = new Map<string, { id: string; hash: string }>();

  beforeAll(async () => {
    hub = await createTestHub();
    for (const name of Object.keys(TARGET_MEMBER) as OrgName[]) {
      const org = hub.fixtures[name];
      const res = await hub.gql(
        `mutation($o: ID!) { updateOrganization(id: $o, input: { description: "audited" }) { organization { id } } }`,
        { o: gid('Organization', org) },
        hub.fixtures.keys.platformAdmin,
      );
      expect(res.errors).toBeUndefined();
      const event = (await storedTables(hub).auditEvents.findOne({ organizationId: org._id }))!;
      events.set(name, { id: event._id, hash: event.hash });
    }
  });
  afterAll(async () => {
    await hub.close();
  });

  const rows = RELATIONS.flatMap(([caller, org, outcome]) => READS.map((probe) => ({ caller, org, outcome, probe })));

  it.each(rows)('$caller → $org via $probe.name: $outcome', async ({ caller, org, outcome, probe }) => {
    const target = await targetOf(hub, org);
    const event = events.get(org)!;
    const run = () => hub.gql(probe.query, probe.variables(target, event.id), keyOf(hub.fixtures, caller));
    const secret = probe.secret(target, event.hash);
    // The hub as it ships: graphql-jit and the response cache on. Each row runs twice (the second
    // time from the cache where one applies), and after an allowed read the same request without
    // a key must not get the secret back.
    for (let time = 0; time < 2; time++) {
      if (outcome === 'ALLOWED') {
        const res = await run();
        expect(res.errors).toBeUndefined();
        expect(JSON.stringify(res.data)).toContain(secret);
        const anonymous = await hub.gql(probe.query, probe.variables(target, event.id), null);
        expect(JSON.stringify(anonymous)).not.toContain(secret);
      } else if (probe.hidden) {
        const before = await snapshotDomain(hub);
        expect(await run()).toEqual({ data: probe.hidden });
        expect(await snapshotDomain(hub)).toBe(before);
      } else {
        const res = await expectRefused(hub, outcome, run);
        expect(JSON.stringify(res)).not.toContain(secret);
      }
    }
  });

  it('organizations themselves are public: anonymous callers read names and kinds, by list, id and node', async () => {
    const { companyB, division } = hub.fixtures;
    const list = await hub.gql(`{ organizations { totalCount nodes { name kind } } }`);
    expect(list.errors).toBeUndefined();
    expect(list.data.organizations.nodes).toEqual(
      expect.arrayContaining([
        { name: 'Company B', kind: 'COMPANY' },
        { name: 'Division', kind: 'AGENCY' },
        { name: 'Platform', kind: 'PLATFORM' },
      ]),
    );
    const one = await hub.gql(
      `query($id: ID!) { organization(id: $id) { name slug parent { name } } node(id: $id) { ... on Organization { kind } } }`,
      { id: gid('Organization', division) },
    );
    expect(one).toEqual({
      data: {
        organization: { name: 'Division', slug: 'division', parent: { name: 'Bureau' } },
        node: { kind: 'AGENCY' },
      },
    });
    const b = await hub.gql(`query($id: ID!) { organization(id: $id) { name kind } }`, {
      id: gid('Organization', companyB),
    });
    expect(b.data.organization).toEqual({ name: 'Company B', kind: 'COMPANY' });
  });

  it('viewer is the caller and nobody else; anonymous callers get null', async () => {
    const { members, keys } = hub.fixtures;
    expect(await hub.gql(`{ viewer { email } }`)).toEqual({ data: { viewer: null } });
    for (const handle of ['companyAAdmin', 'companyBDev', 'divisionAdmin'] as const) {
      const res = await hub.gql(`{ viewer { email organization { slug } } }`, {}, keys[handle]);
      expect(res.data.viewer.email).toBe(members[handle]!.email);
    }
  });

  it('nested paths stop at the boundary: a division admin cannot climb to the bureau or ministry', async () => {
    const { keys, members } = hub.fixtures;
    const up = await expectRefused(hub, 'FORBIDDEN', () =>
      hub.gql(`{ viewer { organization { parent { members { nodes { email } } } } } }`, {}, keys.divisionAdmin),
    );
    expect(up.errors?.[0]?.path).toEqual(['viewer', 'organization', 'parent', 'members']);
    expect(JSON.stringify(up)).not.toContain(members.bureauAdmin!.email);
    const ancestors = await expectRefused(hub, 'FORBIDDEN', () =>
      hub.gql(`{ viewer { organization { ancestors { apiKeys { totalCount } } } } }`, {}, keys.divisionAdmin),
    );
    expect(ancestors.errors?.[0]?.path?.slice(0, 4)).toEqual(['viewer', 'organization', 'ancestors', 0]);
  });
});

describe('a member without an admin role, inside their own organization', () => {
  let hub: TestHub;
  beforeEach(async () => {
    hub = await createTestHub();
  });
  afterEach(async () => {
    await hub.close();
  });

  it('reads colleagues and their own keys, but not the organization’s key list or a colleague’s keys', async () => {
    const { companyA, members, keys } = hub.fixtures;
    const colleagues = await hub.gql(
      `query($o: ID!) { organization(id: $o) { members { nodes { email } } } }`,
      { o: gid('Organization', companyA) },
      keys.companyADev,
    );
    expect(colleagues.data.organization.members.nodes.map((m: { email: string }) => m.email)).toEqual([
      members.companyAAdmin!.email,
      members.companyADev!.email,
    ]);
    const own = await hub.gql(`{ viewer { apiKeys { totalCount } } }`, {}, keys.companyADev);
    expect(own.data.viewer.apiKeys.totalCount).toBe(1);

    const adminKey = (await storedTables(hub).apiKeys.findOne({ memberId: members.companyAAdmin!._id }))!;
    await expectRefused(hub, 'FORBIDDEN', () =>
      hub.gql(
        `query($o: ID!) { organization(id: $o) { apiKeys { nodes { prefix } } } }`,
        { o: gid('Organization', companyA) },
        keys.companyADev,
      ),
    );
    // By node(id), another member's key answers as an id that does not exist.
    expect(
      await hub.gql(
        `query($id: ID!) { node(id: $id) { ... on ApiKey { prefix } } }`,
        { id: gid('ApiKey', adminKey) },
        keys.companyADev,
      ),
    ).toEqual({ data: { node: null } });
    await expectRefused(hub, 'FORBIDDEN', () =>
      hub.gql(
        `query($id: ID!) { node(id: $id) { ... on Member { apiKeys { totalCount } } } }`,
        { id: gid('Member', members.companyAAdmin!) },
        keys.companyADev,
      ),
    );
    await expectRefused(hub, 'FORBIDDEN', () =>
      hub.gql(
        `{ viewer { apiKeys { nodes { member { organization { apiKeys { nodes { prefix } } } } } } } }`,
        {},
        keys.companyADev,
      ),
    );
    await expectRefused(hub, 'FORBIDDEN', () =>
      hub.gql(
        `query($o: ID!) { auditEvents(filter: { organizationId: $o }) { totalCount } }`,
        { o: gid('Organization', companyA) },
        keys.companyADev,
      ),
    );
  });

  it.each([
    [
      'addMember',
      `mutation($o: ID!) { addMember(input: { organizationId: $o, name: "New", email: "new@a.example", roles: [DEVELOPER] }) { member { id } } }`,
      (f: Fixtures) => ({ o: gid('Organization', f.companyA) }),
    ],
    [
      'updateOrganization',
      `mutation($o: ID!) { updateOrganization(id: $o, input: { name: "Mine now" }) { organization { id } } }`,
      (f: Fixtures) => ({ o: gid('Organization', f.companyA) }),
    ],
    [
      'updateMember of a colleague',
      `mutation($m: ID!) { updateMember(id: $m, input: { name: "Renamed" }) { member { id } } }`,
      (f: Fixtures) => ({ m: gid('Member', f.members.companyAAdmin!) }),
    ],
    [
      'updateMember to make themself admin',
      `mutation($m: ID!) { updateMember(id: $m, input: { roles: [COMPANY_ADMIN] }) { member { roles } } }`,
      (f: Fixtures) => ({ m: gid('Member', f.members.companyADev!) }),
    ],
    [
      'disableMember of a colleague',
      `mutation($m: ID!) { disableMember(id: $m) { member { id } } }`,
      (f: Fixtures) => ({ m: gid('Member', f.members.companyAAdmin!) }),
    ],
    [
      'createApiKey for a colleague',
      `mutation($m: ID!) { createApiKey(input: { name: "x", scopes: [READ], memberId: $m }) { secret } }`,
      (f: Fixtures) => ({ m: gid('Member', f.members.companyAAdmin!) }),
    ],
  ])('refuses %s with FORBIDDEN', async (_name, query, variables) => {
    await expectRefused(hub, 'FORBIDDEN', () => hub.gql(query, variables(hub.fixtures), hub.fixtures.keys.companyADev));
  });

  it('an agency reviewer cannot add members to their own division', async () => {
    const { division, keys } = hub.fixtures;
    await expectRefused(hub, 'FORBIDDEN', () =>
      hub.gql(
        `mutation($o: ID!) { addMember(input: { organizationId: $o, name: "New", email: "new@d.example", roles: [REVIEWER] }) { member { id } } }`,
        { o: gid('Organization', division) },
        keys.divisionReviewer,
      ),
    );
  });
});

interface MutationProbe {
  name: string;
  /** Prepares the store, then gives the operation; `ok` checks an allowed run's answer. */
  prepare: (hub: TestHub, t: Target) => Promise<{ query: string; variables: Record<string, unknown> }>;
  ok: (data: any, t: Target) => void;
}

let emailSeq = 0;
const MUTATIONS: MutationProbe[] = [
  {
    name: 'updateOrganization',
    prepare: async (_hub, t) => ({
      query: `mutation($o: ID!) { updateOrganization(id: $o, input: { description: "taken over" }) { organization { description } } }`,
      variables: { o: gid('Organization', t.org) },
    }),
    ok: (data) => expect(data.updateOrganization.organization.description).toBe('taken over'),
  },
  {
    name: 'addMember',
    prepare: async (_hub, t) => ({
      query: `mutation($o: ID!, $e: String!) { addMember(input: { organizationId: $o, name: "Mole", email: $e, roles: [REVIEWER] }) { member { organization { id } } } }`,
      variables: { o: gid('Organization', t.org), e: `mole${++emailSeq}@x.example` },
    }),
    ok: (data, t) => expect(data.addMember.member.organization.id).toBe(gid('Organization', t.org)),
  },
  {
    name: 'updateMember',
    prepare: async (_hub, t) => ({
      query: `mutation($m: ID!) { updateMember(id: $m, input: { name: "Renamed" }) { member { name } } }`,
      variables: { m: gid('Member', t.member) },
    }),
    ok: (data) => expect(data.updateMember.member.name).toBe('Renamed'),
  },
  {
    name: 'disableMember',
    prepare: async (_hub, t) => ({
      query: `mutation($m: ID!) { disableMember(id: $m) { member { status } } }`,
      variables: { m: gid('Member', t.member) },
    }),
    ok: (data) => expect(data.disableMember.member.status).toBe('DISABLED'),
  },
  {
    name: 'enableMember',
    prepare: async (hub, t) => {
      await storedTables(hub).members.findOneAndUpdate({ _id: t.member._id }, { $set: { status: 'DISABLED' } });
      return {
        query: `mutation($m: ID!) { enableMember(id: $m) { member { status } } }`,
        variables: { m: gid('Member', t.member) },
      };
    },
    ok: (data) => expect(data.enableMember.member.status).toBe('ACTIVE'),
  },
  {
    name: 'inviteMember',
    prepare: async (_hub, t) => ({
      query: `mutation($o: ID!, $e: String!) { inviteMember(input: { organizationId: $o, name: "Guest", email: $e, roles: [REVIEWER] }) { member { status organization { id } } invitation { status } } }`,
      variables: { o: gid('Organization', t.org), e: `guest${++emailSeq}@x.example` },
    }),
    ok: (data, t) => {
      expect(data.inviteMember.member).toEqual({ status: 'INVITED', organization: { id: gid('Organization', t.org) } });
      expect(data.inviteMember.invitation.status).toBe('PENDING');
    },
  },
  {
    name: 'revokeInvitation',
    prepare: async (hub, t) => {
      const { member } = await hub.services.members.seed({
        organizationId: t.org._id,
        name: 'Invited',
        email: `invited${++emailSeq}@x.example`,
        roles: ['REVIEWER'],
        status: 'INVITED',
      });
      const invitation = await hub.services.invitations.issue(member, null);
      return {
        query: `mutation($i: ID!) { revokeInvitation(id: $i) { invitation { status } } }`,
        variables: { i: gid('Invitation', invitation) },
      };
    },
    ok: (data) => expect(data.revokeInvitation.invitation.status).toBe('REVOKED'),
  },
  {
    name: 'createApiKey for their member',
    prepare: async (_hub, t) => ({
      query: `mutation($m: ID!) { createApiKey(input: { name: "backdoor", scopes: [READ], memberId: $m }) { secret apiKey { member { id } } } }`,
      variables: { m: gid('Member', t.member) },
    }),
    ok: (data, t) => expect(data.createApiKey.apiKey.member.id).toBe(gid('Member', t.member)),
  },
  {
    name: 'revokeApiKey of their key',
    prepare: async (_hub, t) => ({
      query: `mutation($k: ID!) { revokeApiKey(id: $k) { apiKey { status } } }`,
      variables: { k: gid('ApiKey', t.key) },
    }),
    ok: (data) => expect(data.revokeApiKey.apiKey.status).toBe('REVOKED'),
  },
];

describe('changing an organization', () => {
  let hub: TestHub;
  beforeEach(async () => {
    hub = await createTestHub();
  });
  afterEach(async () => {
    await hub.close();
  });

  it.each([
    ['divisionAdmin', 'bureau', 'FORBIDDEN'],
    ['bureauAdmin', 'ministry', 'FORBIDDEN'],
    ['companyAAdmin', 'ministry', 'FORBIDDEN'],
    ['anonymous', 'ministry', 'UNAUTHENTICATED'],
    ['ministryAdmin', 'division', 'ALLOWED'],
    ['platformAdmin', 'bureau', 'ALLOWED'],
  ] as Array<[Caller, OrgName, Outcome]>)('%s → a sub-agency under %s: %s', async (caller, parent, outcome) => {
    const run = () =>
      hub.gql(
        `mutation($p: ID!) { createOrganization(input: { kind: AGENCY, name: "Annex", slug: "annex", parentId: $p }) { organization { parent { id } } } }`,
        { p: gid('Organization', hub.fixtures[parent]) },
        keyOf(hub.fixtures, caller),
      );
    if (outcome === 'ALLOWED') {
      const res = await run();
      expect(res.data.createOrganization.organization.parent.id).toBe(gid('Organization', hub.fixtures[parent]));
    } else {
      await expectRefused(hub, outcome, run);
    }
  });

  const rows = RELATIONS.flatMap(([caller, org, outcome]) =>
    MUTATIONS.map((probe) => ({ caller, org, outcome, probe })),
  );

  it.each(rows)('$caller → $org via $probe.name: $outcome', async ({ caller, org, outcome, probe }) => {
    const target = await targetOf(hub, org);
    const { query, variables } = await probe.prepare(hub, target);
    const run = () => hub.gql(query, variables, keyOf(hub.fixtures, caller));
    if (outcome === 'ALLOWED') {
      const before = await snapshotDomain(hub);
      const res = await run();
      expect(res.errors).toBeUndefined();
      probe.ok(res.data, target);
      expect(await snapshotDomain(hub)).not.toBe(before);
    } else {
      const res = await expectRefused(hub, outcome, run);
      expect(res.data).toBeNull();
    }
  });
});

describe('a TEST key (issue #17 item 5): reads, and changes nobody’s rights', () => {
  let hub: TestHub;
  let testKey: string;
  beforeEach(async () => {
    hub = await createTestHub();
    // A platform admin's key with every scope, in TEST mode: only the mode stands between it and every change.
    testKey = (
      await hub.services.apiKeys.issue(
        hub.fixtures.members.platformAdmin!,
        'sandbox',
        ['READ', 'WRITE', 'ADMIN'],
        null,
        'TEST',
      )
    ).secret;
  });
  afterEach(async () => {
    await hub.close();
  });

  it('reads private data as its member may', async () => {
    const res = await hub.gql(
      `query($o: ID!) { organization(id: $o) { members { totalCount } invitations { totalCount } } }`,
      { o: gid('Organization', hub.fixtures.companyB) },
      testKey,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.organization.members.totalCount).toBe(2);
  });

  it.each(MUTATIONS.map((probe) => [probe.name, probe] as const))(
    'refuses %s with FORBIDDEN, changes nothing and audits the refusal',
    async (_name, probe) => {
      const target = await targetOf(hub, 'companyB');
      const { query, variables } = await probe.prepare(hub, target);
      const refusals = await hub.services.audit.countEvents({ outcome: 'FORBIDDEN' });
      const res = await expectRefused(hub, 'FORBIDDEN', () => hub.gql(query, variables, testKey));
      expect(res.errors![0]!.message).toMatch(/^A TEST key cannot .+; use a LIVE key\.$/);
      expect(await hub.services.audit.countEvents({ outcome: 'FORBIDDEN' })).toBe(refusals + 1);
    },
  );

  it('refuses createOrganization and a LIVE key made from it', async () => {
    await expectRefused(hub, 'FORBIDDEN', () =>
      hub.gql(
        `mutation { createOrganization(input: { kind: COMPANY, name: "Shell", slug: "shell" }) { organization { id } } }`,
        {},
        testKey,
      ),
    );
    const res = await expectRefused(hub, 'FORBIDDEN', () =>
      hub.gql(
        `mutation { createApiKey(input: { name: "escalate", scopes: [ADMIN], mode: LIVE }) { secret } }`,
        {},
        testKey,
      ),
    );
    expect(res.errors![0]!.message).toBe('A TEST key cannot create API keys; use a LIVE key.');
  });
});
