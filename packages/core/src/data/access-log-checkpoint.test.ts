import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCheckpointSigner, generateCheckpointKey } from '../audit/index.js';
import { createTestHub, type TestHub } from '../testing/test-hub.js';
import { hashEntry, type AccessLogInput } from './access-log.js';
import type { AccessLogEntry } from './model.js';

let hub: TestHub;
const signer = createCheckpointSigner(generateCheckpointKey());
beforeEach(async () => {
  hub = await createTestHub();
});
afterEach(async () => {
  await hub.close();
});

const entry = (i: number): AccessLogInput => ({
  connectionId: 'c1',
  ownerAgencyId: hub.fixtures.ministry._id,
  actorKind: 'ANONYMOUS',
  actorMemberId: null,
  actorApiKeyId: null,
  actorOrganizationId: null,
  actorPluginName: null,
  channel: 'records',
  fields: ['name'],
  purpose: null,
  basis: null,
  accessRequestId: null,
  consentIds: [],
  recordCount: i,
  subjectIds: [],
  outcome: 'SUCCESS',
  requestId: null,
});
const log = () => hub.store.collection<AccessLogEntry>('data_access_log');
async function reads(from: number, n: number): Promise<void> {
  for (let i = from; i < from + n; i++) await hub.services.data.accessLog.append(entry(i));
}
const VERIFY = `query($c: SignedCheckpointInput) {
  verifyDataAccessLog(checkpoint: $c) { ok checked firstBrokenSeq reason failedCheck checkpointSeq problems { check seq } }
}`;

describe('a signed checkpoint of the data access log', () => {
  it('the happy path: entries appended after the checkpoint verify ok', async () => {
    await reads(0, 8);
    const checkpoint = await hub.services.data.accessLog.checkpoint(signer);
    expect(checkpoint).toMatchObject({ log: 'data-access', seq: 8 });
    await reads(8, 4);
    const res = await hub.gql(VERIFY, { c: checkpoint }, hub.fixtures.keys.platformAdmin);
    expect(res.data.verifyDataAccessLog).toMatchObject({ ok: true, checked: 12, checkpointSeq: 8, problems: [] });
  });

  it('an edited entry is detected (CONTENT)', async () => {
    await reads(0, 8);
    await hub.services.data.accessLog.checkpoint(signer);
    await log().findOneAndUpdate({ seq: 2 }, { $set: { recordCount: 0 } });
    expect(await hub.services.data.accessLog.verify()).toMatchObject({ ok: false, failedCheck: 'CONTENT' });
  });

  it('deleting the newest 5 entries is detected (TRUNCATED)', async () => {
    await reads(0, 10);
    await hub.services.data.accessLog.checkpoint(signer);
    for (let seq = 6; seq <= 10; seq++) await log().deleteOne({ seq });
    const res = await hub.gql(VERIFY, {}, hub.fixtures.keys.platformAdmin);
    expect(res.data.verifyDataAccessLog).toMatchObject({ ok: false, firstBrokenSeq: 6, failedCheck: 'TRUNCATED' });
  });

  it('editing one entry and recomputing every later hash with plain SHA-256 is detected (REHASHED)', async () => {
    await reads(0, 10);
    await hub.services.data.accessLog.checkpoint(signer);
    const all = await log().find({}, { sort: [['seq', 1]] });
    let prevHash = all[1]!.hash;
    for (const record of all.slice(2)) {
      const { _id, hash, ...content } = record;
      const changed = {
        ...content,
        prevHash,
        ...(record.seq === 3 ? { subjectIds: [] as string[], recordCount: 0 } : {}),
      };
      prevHash = hashEntry(changed);
      await log().findOneAndUpdate({ seq: record.seq }, { $set: { ...changed, hash: prevHash } });
    }
    expect(await hub.services.data.accessLog.verify({ checkpoints: [] })).toMatchObject({ ok: true });
    expect(await hub.services.data.accessLog.verify()).toMatchObject({ ok: false, failedCheck: 'REHASHED' });
  });

  it('a forged checkpoint is refused (another key, an edited seq, the audit log’s)', async () => {
    await reads(0, 4);
    const genuine = await hub.services.data.accessLog.checkpoint(signer);
    const foreign = createCheckpointSigner(generateCheckpointKey()).sign(genuine);
    const auditOne = await hub.services.audit.checkpoint(signer);
    for (const forged of [foreign, { ...genuine, seq: 2 }, auditOne]) {
      const res = await hub.gql(VERIFY, { c: forged }, hub.fixtures.keys.platformAdmin);
      expect(res.errors?.[0]?.extensions?.code).toBe('AUDIT_CHECKPOINT_INVALID');
    }
  });

  it('only platform admins verify, before the checkpoint is looked at', async () => {
    const forged = createCheckpointSigner(generateCheckpointKey()).sign({
      log: 'data-access',
      seq: 0,
      headHash: '0'.repeat(64),
      at: new Date().toISOString(),
    });
    const res = await hub.gql(VERIFY, { c: forged }, hub.fixtures.keys.companyAAdmin);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
