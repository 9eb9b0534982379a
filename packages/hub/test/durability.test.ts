import { describe, expect, it } from 'vitest';
import { gql, spawnHub, tempDir } from './helpers.js';

describe('durability on the embedded store', () => {
  it('keeps a mutation acknowledged just before SIGKILL', async () => {
    const dataDir = tempDir('maru-kill-');
    const first = await spawnHub({ MARU_DATA_DIR: dataDir }, ['--demo']);
    const login = await gql(first.url, 'mutation { demoLogin(email: "admin@maru.example") { secret } }');
    const key = login.body.data.demoLogin.secret as string;

    const created = await gql(
      first.url,
      'mutation { createOrganization(input: { kind: COMPANY, name: "Killed Right After", slug: "killed-right-after" }) { organization { id } } }',
      {},
      key,
    );
    expect(created.body.errors).toBeUndefined();
    // No grace: the process dies the moment the acknowledgement has arrived.
    first.child.kill('SIGKILL');
    await first.exited;

    const second = await spawnHub({ MARU_DATA_DIR: dataDir }, ['--demo']);
    try {
      const found = await gql(second.url, 'query($id: ID!) { node(id: $id) { ... on Organization { name slug } } }', {
        id: created.body.data.createOrganization.organization.id,
      });
      expect(found.body.data.node).toEqual({ name: 'Killed Right After', slug: 'killed-right-after' });
      // The audit event of that mutation survived too, and the chain is intact.
      const audit = await gql(
        second.url,
        '{ auditEvents(filter: { action: "organization.create" }) { nodes { outcome } } verifyAuditChain { ok } }',
        {},
        key,
      );
      expect(audit.body.data).toEqual({
        auditEvents: { nodes: [{ outcome: 'SUCCESS' }] },
        verifyAuditChain: { ok: true },
      });
      // Seeding was not repeated: no second set of demo keys.
      expect(second.stderr()).not.toContain('Demo API keys');
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
  }, 120_000);
});
