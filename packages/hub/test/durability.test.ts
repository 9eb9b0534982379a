import { createSqliteStore, hubCollections } from '@maru/core';
import { describe, expect, it } from 'vitest';
import { gql, spawnHub, tempDir } from './helpers.js';

const CALL = '{ serviceQuery(service: "address-lookup", operation: "search", input: { query: "세종", limit: 3 }) }';

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

  it('keeps every metered call acknowledged during bursts cut by SIGKILL at random moments', async () => {
    // Concurrent calls share one transaction (the store's group commit); each is answered only after it committed, so
    // whatever the moment of the kill, every answered call's metering record is on disk, completed.
    const RUNS = 5;
    const WORKERS = 8;
    const dataDir = tempDir('maru-kill-burst-');
    const env = { MARU_DATA_DIR: dataDir, MARU_RATE_LIMIT: '0' };
    let hub = await spawnHub(env, ['--demo']);
    const keyOf = async (email: string) =>
      (await gql(hub.url, `mutation { demoLogin(email: "${email}") { secret } }`)).body.data.demoLogin.secret as string;
    const operator = await keyOf('admin@maru.example');
    const consumer = await keyOf('admin@msit.example');
    // A LIVE grant without a daily quota, as the peer bench calls it: no call is refused for the quota.
    const requested = await gql(
      hub.url,
      'mutation { requestServiceAccess(service: "address-lookup", purpose: "Kill test") { grant { id } } }',
      {},
      consumer,
    );
    const approved = await gql(
      hub.url,
      'mutation($id: ID!) { approveServiceAccess(id: $id) { grant { status dailyQuota } } }',
      { id: requested.body.data.requestServiceAccess.grant.id },
      operator,
    );
    expect(approved.body.data.approveServiceAccess.grant).toEqual({ status: 'ACTIVE', dailyQuota: null });

    let acknowledged = 0;
    let sent = 0;
    for (let run = 0; run < RUNS; run++) {
      if (run > 0) hub = await spawnHub(env, ['--demo']);
      // One call first, so the burst does not wait for the plugin's isolate to start.
      sent++;
      expect((await gql(hub.url, CALL, {}, consumer)).body.errors).toBeUndefined();
      acknowledged++;
      let stop = false;
      const workers = Array.from({ length: WORKERS }, async () => {
        while (!stop) {
          sent++;
          try {
            const answer = await gql(hub.url, CALL, {}, consumer);
            if (answer.body.errors) throw new Error(JSON.stringify(answer.body.errors));
            acknowledged++;
          } catch (error) {
            if (error instanceof Error && error.message.startsWith('[')) throw error;
            return; // The connection died with the process: not acknowledged.
          }
        }
      });
      await new Promise((resolve) => setTimeout(resolve, 200 + Math.floor(Math.random() * 800)));
      hub.child.kill('SIGKILL');
      await hub.exited;
      stop = true;
      await Promise.all(workers);
    }

    const store = createSqliteStore({ dataDir });
    await store.migrate(hubCollections);
    try {
      const calls = await store
        .collection<{ _id: string; outcome: string; mode: string }>('service_calls')
        .countBy({ serviceKey: 'address-lookup', mode: 'live' }, { by: ['outcome'] });
      const succeeded = calls.find((c) => c.key[0] === 'SUCCESS')?.count ?? 0;
      const pending = calls.find((c) => c.key[0] === 'PENDING')?.count ?? 0;
      console.info(
        `kill -9 metering test: ${sent} calls sent, ${acknowledged} acknowledged, ${succeeded} stored as SUCCESS, ` +
          `${pending} PENDING (in flight at a kill)`,
      );
      expect(acknowledged).toBeGreaterThan(RUNS * WORKERS);
      // Every acknowledged call is stored and completed; at most the calls in flight at each kill were completed
      // without their answer reaching the client.
      expect(succeeded).toBeGreaterThanOrEqual(acknowledged);
      expect(succeeded).toBeLessThanOrEqual(acknowledged + RUNS * WORKERS);
      expect(calls.every((c) => c.key[0] === 'SUCCESS' || c.key[0] === 'PENDING')).toBe(true);
    } finally {
      await store.close();
    }
  }, 300_000);
});
