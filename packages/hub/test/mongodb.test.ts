import { afterAll, describe, expect, it } from 'vitest';
import { dropDatabase, mongoTestUri } from '@maru/core/testing';
import { gql, spawnHub, tempDir } from './helpers.js';

const uri = mongoTestUri('hub_e2e');

describe.runIf(uri)('the hub on MongoDB', () => {
  afterAll(() => dropDatabase(uri!));

  it('seeds, queries and mutates through GraphQL, and keeps everything across a restart', async () => {
    // A data dir that stays empty proves the embedded engine is not in use.
    const dataDir = tempDir('maru-unused-');
    const first = await spawnHub({ MONGODB_URI: uri!, MARU_DATA_DIR: dataDir }, ['--demo']);
    let key: string;
    let orgId: string;
    try {
      const ready = await fetch(first.url.replace('/graphql', '/readyz'));
      expect(await ready.json()).toEqual({ status: 'ready', store: 'mongodb' });
      expect(first.stderr()).toContain('Demo API keys');
      key = (await gql(first.url, 'mutation { demoLogin(email: "admin@maru.example") { secret } }')).body.data.demoLogin
        .secret;
      const created = await gql(
        first.url,
        'mutation { createOrganization(input: { kind: COMPANY, name: "Mongo Works", slug: "mongo-works" }) { organization { id } } }',
        {},
        key,
      );
      expect(created.body.errors).toBeUndefined();
      orgId = created.body.data.createOrganization.organization.id;
      const duplicate = await gql(
        first.url,
        'mutation { createOrganization(input: { kind: COMPANY, name: "Again", slug: "mongo-works" }) { organization { id } } }',
        {},
        key,
      );
      expect(duplicate.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.slug' });
    } finally {
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
    }

    const second = await spawnHub({ MONGODB_URI: uri!, MARU_DATA_DIR: dataDir }, ['--demo']);
    try {
      expect(second.stderr()).not.toContain('Demo API keys');
      const found = await gql(
        second.url,
        'query($id: ID!) { node(id: $id) { ... on Organization { name } } organizations(kind: AGENCY) { totalCount } }',
        { id: orgId },
      );
      expect(found.body.data).toEqual({ node: { name: 'Mongo Works' }, organizations: { totalCount: 5 } });
      const audit = await gql(
        second.url,
        '{ auditEvents { nodes { action outcome } } verifyAuditChain { ok checked } }',
        {},
        key,
      );
      expect(
        audit.body.data.auditEvents.nodes.map((e: { action: string; outcome: string }) => `${e.action}:${e.outcome}`),
      ).toEqual(['organization.create:CONFLICT', 'organization.create:SUCCESS', 'demo.login:SUCCESS']);
      expect(audit.body.data.verifyAuditChain).toEqual({ ok: true, checked: 3 });
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
  }, 120_000);
});
