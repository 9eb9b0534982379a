import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, spawnHub, tempDir, type HubProcess } from './helpers.js';

const TITLE = '사업자 휴업·폐업 상태 확인 서비스';

describe('the demo’s challenge → pilot loop (examples/partner-plugin)', () => {
  const dataDir = tempDir('maru-demo-pilot-');
  let hub: HubProcess;
  const keyOf = async (email: string) =>
    (await gql(hub.url, `mutation($e: String!) { demoLogin(email: $e) { secret } }`, { e: email })).body.data.demoLogin
      .secret as string;
  beforeAll(async () => {
    hub = await spawnHub({ MARU_DATA_DIR: dataDir }, ['--demo']);
  }, 60_000);
  afterAll(async () => {
    if (hub.child.exitCode === null) hub.child.kill('SIGKILL');
  });

  it('seeds the awarded challenge with the signed package uploaded; a platform admin launches it and another agency calls it', async () => {
    const tarball = join(dataDir, 'demo-pilot', 'acme-maru-business-status-1.0.0.tgz');
    expect(existsSync(tarball)).toBe(true);
    expect(readFileSync(tarball).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    const admin = await keyOf('admin@maru.example');
    const found = await gql(hub.url, `{ challenges(first: 100) { nodes { id title } } }`, {}, admin);
    const challenge = found.body.data.challenges.nodes.find((c: { title: string }) => c.title === TITLE);
    expect(challenge).toBeDefined();

    const preview = await gql(
      hub.url,
      `query($c: ID!) { pilotLaunchPreview(challengeId: $c) { name version signatureValid capabilities { name hosts } services { key } package { signedBy } } }`,
      { c: challenge.id },
      admin,
    );
    expect(preview.body.errors).toBeUndefined();
    expect(preview.body.data.pilotLaunchPreview).toMatchObject({
      name: '@acme/maru-business-status',
      version: '1.0.0',
      signatureValid: true,
      capabilities: [
        { name: 'fetch', hosts: ['bizreg.acme.example'] },
        { name: 'kv', hosts: [] },
      ],
      services: [{ key: 'business-status' }],
    });

    const launched = await gql(
      hub.url,
      `mutation($c: ID!) { launchPilotService(challengeId: $c, approvedCapabilities: ["fetch", "kv"]) { plugin { status grantedCapabilities } services { key status } } }`,
      { c: challenge.id },
      admin,
    );
    expect(launched.body.errors).toBeUndefined();
    expect(launched.body.data.launchPilotService).toEqual({
      plugin: { status: 'ENABLED', grantedCapabilities: ['fetch', 'kv'] },
      services: [{ key: 'business-status', status: 'PILOT' }],
    });

    // Another agency (MSIT) asks for access, the platform admin approves, and a TEST key gets the sandbox's answer.
    const msit = await keyOf('admin@msit.example');
    const requested = await gql(
      hub.url,
      `mutation { requestServiceAccess(service: "business-status", purpose: "사업자 확인 Checking applicants") { grant { id } } }`,
      {},
      msit,
    );
    expect(requested.body.errors).toBeUndefined();
    const approved = await gql(
      hub.url,
      `mutation($id: ID!) { approveServiceAccess(id: $id, dailyQuota: 100) { grant { status } } }`,
      { id: requested.body.data.requestServiceAccess.grant.id },
      admin,
    );
    expect(approved.body.data.approveServiceAccess.grant.status).toBe('ACTIVE');
    const testKey = (
      await gql(
        hub.url,
        `mutation { createApiKey(input: { name: "pilot sandbox", scopes: [READ], mode: TEST }) { secret } }`,
        {},
        msit,
      )
    ).body.data.createApiKey.secret as string;
    const call = await gql(
      hub.url,
      `{ serviceQuery(service: "business-status", operation: "checkStatus", input: { registrationNumber: "123-45-67891" }) }`,
      {},
      testKey,
    );
    expect(call.body.errors).toBeUndefined();
    expect(call.body.data.serviceQuery).toMatchObject({
      registrationNumber: expect.any(String),
      status: expect.any(String),
    });
  });
});
