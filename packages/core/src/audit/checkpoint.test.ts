import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHub } from '../create-hub.js';
import { encodeGlobalId } from '../graphql/global-id.js';
import { createTestHub, storedTables, type TestHub } from '../testing/test-hub.js';
import { hashEvent } from './audit-trail.js';
import {
  createCheckpointSigner,
  generateCheckpointKey,
  isCheckpointSigned,
  type SignedCheckpoint,
} from './checkpoint.js';

let hub: TestHub;
const signer = createCheckpointSigner(generateCheckpointKey());
beforeEach(async () => {
  hub = await createTestHub();
});
afterEach(async () => {
  await hub.close();
});

/** Runs `n` successful mutations as the company A admin: one audit event each. */
async function someMutations(n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const res = await hub.gql(
      `mutation($o: ID!, $d: String!) { updateOrganization(id: $o, input: { description: $d }) { organization { id } } }`,
      { o: encodeGlobalId('Organization', hub.fixtures.companyA._id), d: `v${i}` },
      hub.fixtures.keys.companyAAdmin,
    );
    expect(res.errors).toBeUndefined();
  }
}

/**
 * Appends `n` events through another hub on the same store: one that never saw the events an attacker dropped (a hub
 * restarted since, or another instance), so it reads the head and links onto what is left — the attacker having
 * dropped the chain's head hint too, which would otherwise point past the dropped events.
 */
async function appendThroughAnotherHub(n: number): Promise<void> {
  await hub.store.collection('chain_heads').deleteOne({ _id: 'audit_events' });
  const other = await createHub({ store: hub.store, graphiql: false });
  for (let i = 0; i < n; i++)
    await other.services.audit.append({
      action: 'organization.update',
      actorMemberId: null,
      actorOrganizationId: null,
      targetId: null,
      organizationId: null,
      outcome: 'SUCCESS',
      requestId: null,
    });
}

const VERIFY = `query($c: SignedCheckpointInput) {
  verifyAuditChain(checkpoint: $c) { ok checked firstBrokenSeq reason failedCheck checkpointSeq problems { check seq reason } }
}`;
const verifyOverGraphQL = (checkpoint?: SignedCheckpoint) =>
  hub.gql(VERIFY, checkpoint ? { c: checkpoint } : {}, hub.fixtures.keys.platformAdmin);

/** What an attacker with write access to the store does: rewrite event `seq`, then recompute every later hash. */
async function rewriteAndRehash(seq: number): Promise<void> {
  const events = storedTables(hub).auditEvents;
  const all = await events.find({}, { sort: [['seq', 1]] });
  let prevHash = all[seq - 2]?.hash ?? '0'.repeat(64);
  for (const event of all.slice(seq - 1)) {
    const { _id, hash, ...content } = event;
    const changed = { ...content, prevHash, ...(event.seq === seq ? { outcome: 'FORBIDDEN' } : {}) };
    const newHash = hashEvent(changed);
    await events.findOneAndUpdate({ seq: event.seq }, { $set: { ...changed, hash: newHash } });
    prevHash = newHash;
  }
}

describe('a signed checkpoint of the audit trail', () => {
  it('signs the head: seq, head hash and time, with a signature that verifies with the public key only', async () => {
    await someMutations(3);
    const checkpoint = await hub.services.audit.checkpoint(signer);
    const head = (await storedTables(hub).auditEvents.findOne({ seq: 3 }))!;
    expect(checkpoint).toMatchObject({ log: 'audit', seq: 3, headHash: head.hash });
    expect(isCheckpointSigned(checkpoint, signer.publicKey)).toBe(true);
    expect(isCheckpointSigned(checkpoint, createCheckpointSigner(generateCheckpointKey()).publicKey)).toBe(false);
    expect(hub.services.audit.latestCheckpoint()).toEqual({ checkpoint, publicKey: signer.publicKey });
  });

  it('the happy path: events appended after the checkpoint still verify ok against it', async () => {
    await someMutations(10);
    const checkpoint = await hub.services.audit.checkpoint(signer);
    await someMutations(5);
    const res = await verifyOverGraphQL(checkpoint);
    expect(res.errors).toBeUndefined();
    expect(res.data.verifyAuditChain).toEqual({
      ok: true,
      checked: 15,
      firstBrokenSeq: null,
      reason: null,
      failedCheck: null,
      checkpointSeq: 10,
      problems: [],
    });
  });

  it('an edited event is detected (CONTENT)', async () => {
    await someMutations(10);
    await hub.services.audit.checkpoint(signer);
    await storedTables(hub).auditEvents.findOneAndUpdate({ seq: 4 }, { $set: { outcome: 'FORBIDDEN' } });
    const res = await verifyOverGraphQL();
    expect(res.data.verifyAuditChain).toMatchObject({ ok: false, firstBrokenSeq: 4, failedCheck: 'CONTENT' });
  });

  it('deleting the newest 5 events is detected (TRUNCATED), though the links alone still look whole', async () => {
    await someMutations(10);
    await hub.services.audit.checkpoint(signer);
    for (let seq = 6; seq <= 10; seq++) await storedTables(hub).auditEvents.deleteOne({ seq });
    // Without the checkpoint, what is left is a valid chain: this is what checkpoints are for.
    expect(await hub.services.audit.verify({ checkpoints: [] })).toMatchObject({ ok: true, checked: 5 });
    const res = await verifyOverGraphQL();
    expect(res.data.verifyAuditChain).toMatchObject({
      ok: false,
      checked: 5,
      firstBrokenSeq: 6,
      failedCheck: 'TRUNCATED',
      checkpointSeq: 10,
    });
    expect(res.data.verifyAuditChain.reason).toMatch(
      /covers 10 events but the log holds 5: events 6 to 10 were removed/,
    );
  });

  it('truncating and then appending new events past the checkpoint is detected (REHASHED)', async () => {
    await someMutations(10);
    await hub.services.audit.checkpoint(signer);
    for (let seq = 6; seq <= 10; seq++) await storedTables(hub).auditEvents.deleteOne({ seq });
    await appendThroughAnotherHub(7);
    expect(await hub.services.audit.verify()).toMatchObject({ ok: false, firstBrokenSeq: 10, failedCheck: 'REHASHED' });
  });

  it('a running hub appends after the head it remembers: events dropped under it leave a gap (SEQUENCE)', async () => {
    await someMutations(10);
    for (let seq = 6; seq <= 10; seq++) await storedTables(hub).auditEvents.deleteOne({ seq });
    await someMutations(2);
    expect(await hub.services.audit.verify({ checkpoints: [] })).toMatchObject({
      ok: false,
      firstBrokenSeq: 6,
      failedCheck: 'SEQUENCE',
    });
  });

  it('editing one event and recomputing every later hash with plain SHA-256 is detected (REHASHED)', async () => {
    await someMutations(10);
    const checkpoint = await hub.services.audit.checkpoint(signer);
    await someMutations(2);
    await rewriteAndRehash(4);
    expect(await hub.services.audit.verify({ checkpoints: [] })).toMatchObject({ ok: true });
    const res = await verifyOverGraphQL(checkpoint);
    expect(res.data.verifyAuditChain).toMatchObject({ ok: false, firstBrokenSeq: 10, failedCheck: 'REHASHED' });
    expect(res.data.verifyAuditChain.reason).toMatch(/rewritten and re-hashed/);
  });

  it('a re-hash after the checkpoint point is beyond it: the next checkpoint is what covers it', async () => {
    await someMutations(10);
    const checkpoint = await hub.services.audit.checkpoint(signer);
    await someMutations(3);
    await rewriteAndRehash(12);
    expect(await hub.services.audit.verify({ checkpoints: [checkpoint] })).toMatchObject({ ok: true });
  });

  it('checks against every checkpoint given and reports each one that fails', async () => {
    await someMutations(4);
    const first = await hub.services.audit.checkpoint(signer);
    await someMutations(4);
    const second = await hub.services.audit.checkpoint(signer);
    for (let seq = 3; seq <= 8; seq++) await storedTables(hub).auditEvents.deleteOne({ seq });
    await appendThroughAnotherHub(3);
    const result = await hub.services.audit.verify({ checkpoints: [first, second] });
    expect(result.problems.map((p) => [p.check, p.seq])).toEqual([
      ['REHASHED', 4],
      ['TRUNCATED', 6],
    ]);
  });

  it('a forged checkpoint is refused: signed with another key, or its seq edited after signing', async () => {
    await someMutations(10);
    const genuine = await hub.services.audit.checkpoint(signer);
    const otherKey = await hub.services.audit.checkpoint(createCheckpointSigner(generateCheckpointKey()));
    // The hub now trusts the last signer's key; sign with ours again so it is the hub's key.
    await hub.services.audit.checkpoint(signer);
    for (const forged of [otherKey, { ...genuine, seq: 5 }, { ...genuine, headHash: 'f'.repeat(64) }]) {
      const res = await verifyOverGraphQL(forged);
      expect(res.errors?.[0]?.extensions?.code, JSON.stringify(forged)).toBe('AUDIT_CHECKPOINT_INVALID');
      expect(res.data?.verifyAuditChain ?? null).toBeNull();
    }
    await expect(hub.services.audit.verify({ checkpoints: [{ ...genuine, seq: 5 }] })).rejects.toMatchObject({
      code: 'AUDIT_CHECKPOINT_INVALID',
    });
    // A checkpoint of the other log is refused too, however well signed.
    const dataCheckpoint = await hub.services.data.accessLog.checkpoint(signer);
    expect((await verifyOverGraphQL(dataCheckpoint)).errors?.[0]?.extensions?.code).toBe('AUDIT_CHECKPOINT_INVALID');
  });

  it('a hub that never signed a checkpoint refuses one given to it, and verifies the links without one', async () => {
    await someMutations(2);
    const foreign = createCheckpointSigner(generateCheckpointKey()).sign({
      log: 'audit',
      seq: 2,
      headHash: (await storedTables(hub).auditEvents.findOne({ seq: 2 }))!.hash,
      at: new Date().toISOString(),
    });
    expect((await verifyOverGraphQL(foreign)).errors?.[0]?.extensions?.code).toBe('AUDIT_CHECKPOINT_INVALID');
    expect((await verifyOverGraphQL()).data.verifyAuditChain).toMatchObject({ ok: true, checkpointSeq: null });
  });

  it('a restarted hub adopts the last published checkpoint and verifies against it', async () => {
    await someMutations(6);
    const published = await hub.services.audit.checkpoint(signer);
    const restarted = await createHub({ store: hub.store, graphiql: false });
    expect(restarted.services.audit.adoptCheckpoint({ ...published, seq: 7 }, signer.publicKey)).toBe(false);
    expect(restarted.services.audit.adoptCheckpoint(published, signer.publicKey)).toBe(true);
    expect(restarted.services.audit.latestCheckpoint()?.checkpoint).toEqual(published);
    for (let seq = 4; seq <= 6; seq++) await storedTables(hub).auditEvents.deleteOne({ seq });
    expect(await restarted.services.audit.verify()).toMatchObject({ ok: false, failedCheck: 'TRUNCATED' });
  });
});
