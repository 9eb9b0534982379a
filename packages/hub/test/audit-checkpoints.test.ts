import { spawnProcess } from '@maru/devtools/test-support';
import { createSqliteStore, hubCollections } from '@maru/core';
import { appendFileSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gql, MAIN, spawnHub, tempDir } from './helpers.js';

const base = () => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' });

/** Runs `maru-hub <args>` as the built bin, to its end. */
async function run(args: string[], env: Record<string, string>) {
  const child = spawnProcess({ name: `maru-hub ${args.join(' ')}`, args: [MAIN, ...args], env: { ...base(), ...env } });
  const code = await child.exited;
  return { code, stdout: child.stdout(), stderr: child.stderr() };
}

describe('signed audit checkpoints', () => {
  it('are published at start and shutdown; maru-hub audit verify detects truncation and forged lines', async () => {
    const dataDir = tempDir('maru-checkpoints-');
    const store = { MARU_DATA_DIR: dataDir, MARU_AUDIT_CHECKPOINT_INTERVAL_MS: '0' };
    const setup = await run(['setup', '--email', 'ops@maru.example.go.kr', '--name', 'Ops'], store);
    expect(setup.code).toBe(0);
    const key = /^ {2}(maru_\S+)$/m.exec(setup.stdout)![1]!;

    const hub = await spawnHub(store);
    let published: any;
    try {
      const keyFile = join(dataDir, 'audit-signing-key.pem');
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
      expect(await hub.waitFor(/"msg":"audit checkpoint"/)).toBeTruthy();

      const response = await fetch(new URL('/audit/checkpoint', hub.url));
      expect(response.status).toBe(200);
      published = await response.json();
      expect(published.publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----/);
      expect(published.audit).toMatchObject({ log: 'audit', seq: 1 });
      expect(published.dataAccess).toMatchObject({ log: 'data-access', seq: 0 });
      expect((await fetch(new URL('/audit/checkpoint', hub.url), { method: 'POST' })).status).toBe(405);

      const viewer = await gql(hub.url, '{ viewer { organization { id } } }', {}, key);
      const orgId = viewer.body.data.viewer.organization.id;
      for (let i = 0; i < 6; i++) {
        const res = await gql(
          hub.url,
          'mutation($o: ID!, $d: String!) { updateOrganization(id: $o, input: { description: $d }) { organization { id } } }',
          { o: orgId, d: `v${i}` },
          key,
        );
        expect(res.body.errors).toBeUndefined();
      }
      const verified = await gql(
        hub.url,
        'query($c: SignedCheckpointInput) { verifyAuditChain(checkpoint: $c) { ok checked checkpointSeq failedCheck } }',
        { c: published.audit },
        key,
      );
      expect(verified.body.data.verifyAuditChain).toEqual({
        ok: true,
        checked: 7,
        checkpointSeq: 1,
        failedCheck: null,
      });
      const forged = await gql(
        hub.url,
        'query($c: SignedCheckpointInput) { verifyAuditChain(checkpoint: $c) { ok } }',
        { c: { ...published.audit, seq: 5 } },
        key,
      );
      expect(forged.body.errors?.[0]?.extensions?.code).toBe('AUDIT_CHECKPOINT_INVALID');
    } finally {
      expect(await hub.stop()).toBe(0);
    }

    const file = join(dataDir, 'audit-checkpoints.jsonl');
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    // At start both logs; at shutdown the audit trail, which had moved (the data access log had not).
    expect(lines.map((c) => [c.log, c.seq])).toEqual([
      ['audit', 1],
      ['data-access', 0],
      ['audit', 7],
    ]);

    const ok = await run(['audit', 'verify'], store);
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toContain('audit trail: ok, 7 records checked against 2 checkpoints (the latest at 7)');
    expect(ok.code).toBe(0);

    // A witness's copy and the hub's public key alone do as well.
    const publicKeyFile = join(dataDir, 'hub-public.pem');
    appendFileSync(publicKeyFile, published.publicKey);
    const witness = await run(['audit', 'verify', '--checkpoints', file, '--public-key', publicKeyFile], {
      MARU_DATA_DIR: dataDir,
      MARU_AUDIT_KEY_FILE: join(dataDir, 'absent.pem'),
    });
    expect(witness.code).toBe(0);

    // A store administrator deletes the newest 5 events, and adds a checkpoint line of their own making.
    const sqlite = createSqliteStore({ dataDir });
    await sqlite.migrate(hubCollections);
    for (let seq = 3; seq <= 7; seq++) await sqlite.collection('audit_events').deleteOne({ seq });
    await sqlite.close();
    appendFileSync(file, `${JSON.stringify({ ...lines[2], seq: 3 })}\nnot json\n`);

    const broken = await run(['audit', 'verify'], store);
    expect(broken.code).toBe(1);
    const problems = broken.stderr.trim().split('\n');
    expect(problems).toEqual([
      expect.stringMatching(/audit-checkpoints\.jsonl:4: the signature does not verify with the hub's key/),
      expect.stringMatching(/audit-checkpoints\.jsonl:5: not JSON/),
      expect.stringMatching(/audit: TRUNCATED at 3: the checkpoint of .* covers 7 events but the log holds 2/),
    ]);
    expect(broken.stdout).toContain('audit trail: NOT OK');

    // The hub, started again, says so before signing anything new.
    const again = await spawnHub(store);
    try {
      expect(again.output()).toMatch(/audit log does not match its last checkpoint/);
    } finally {
      await again.stop();
    }
  }, 60_000);
});
