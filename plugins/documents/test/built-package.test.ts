import { createPluginTestHub, type PluginTestHub } from '@maru/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Black-box: the bundle `maru build` made, run as the hub runs it — in an isolate without
// Node APIs, signing and verifying through ctx.crypto.
const plugin = new URL('..', import.meta.url);
const residence = {
  kind: 'RESIDENCE_CERTIFICATE',
  subject: { name: '이마루', birthDate: '1990-03-01', address: '세종특별자치시 다솜로 130' },
};

describe('the built package in a hub', () => {
  let hub: PluginTestHub;
  let testKey: string;
  beforeAll(async () => {
    hub = await createPluginTestHub({ plugin });
    testKey = (
      await hub.gql(
        'mutation { createApiKey(input: { name: "sandbox", scopes: [READ, WRITE], mode: TEST }) { secret } }',
      )
    ).data.createApiKey.secret;
  });
  afterAll(() => hub?.close());

  it('runs in an isolate and issues a live certificate it verifies, with a key kept in kv', async () => {
    const listed = await hub.gql('{ plugins { name status problems isolation } }', {}, 'platform');
    expect(listed.data.plugins).toEqual([
      { name: '@maru/plugin-documents', status: 'ENABLED', problems: [], isolation: 'ISOLATE' },
    ]);
    const certificate = await hub.call('document-issuance', 'issue', residence);
    expect(certificate).toMatchObject({
      algorithm: 'Ed25519',
      payload: { test: false, keyId: expect.stringMatching(/^[0-9a-f]{16}$/) },
    });
    expect(await hub.kv('signing-key')).toBe(certificate.payload.keyId);
    expect(await hub.call('document-issuance', 'verify', { certificate })).toMatchObject({ valid: true });
    const altered = {
      ...certificate,
      payload: { ...certificate.payload, subject: { ...certificate.payload.subject, name: '김마루' } },
    };
    expect(await hub.call('document-issuance', 'verify', { certificate: altered })).toMatchObject({
      valid: false,
      reason: 'SIGNATURE_INVALID',
    });
  });

  it('signs test certificates with the sandbox key, valid only with a test key', async () => {
    const certificate = await hub.call('document-issuance', 'issue', residence, { key: testKey });
    expect(certificate.payload).toMatchObject({ test: true, keyId: 'sandbox' });
    expect(await hub.call('document-issuance', 'verify', { certificate }, { key: testKey })).toMatchObject({
      valid: true,
    });
    expect(await hub.call('document-issuance', 'verify', { certificate })).toMatchObject({
      valid: false,
      reason: 'TEST_CERTIFICATE',
    });
  });

  it('answers its own codes, namespaced', async () => {
    await expect(
      hub.call('document-issuance', 'revoke', { id: '3f1c2b9e-5a4d-4c8b-9e7f-1a2b3c4d5e6f', reason: 'x' }),
    ).rejects.toMatchObject({ code: 'PLUGIN_MARU_PLUGIN_DOCUMENTS_CERTIFICATE_NOT_FOUND' });
  });
});
