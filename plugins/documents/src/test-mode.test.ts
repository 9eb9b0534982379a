import { describe, expect, it } from 'vitest';
import { callOperation, createTestContext } from '@maru/testing';
import { issue } from './issue.js';
import { business, residence } from './test-subjects.js';
import { revoke } from './revoke.js';
import { verify } from './verify.js';

const store = new Map<string, unknown>();
const live = () => createTestContext({ capabilities: ['kv'], store });
const sandbox = () => createTestContext({ capabilities: ['kv'], store, mode: 'test' });

describe('with a test key (ctx.mode "test")', () => {
  it('issues sample certificates marked test, valid only when verified in test mode', async () => {
    const certificate = await callOperation(issue, residence, sandbox());
    expect(certificate.payload).toMatchObject({ test: true, keyId: 'sandbox' });
    expect(await callOperation(verify, { certificate }, sandbox())).toMatchObject({ valid: true });
    expect(await callOperation(verify, { certificate }, live())).toMatchObject({
      valid: false,
      reason: 'TEST_CERTIFICATE',
    });
    // The sandbox never creates or uses the live signing key.
    expect([...store.keys()].some((key) => key.startsWith('signing-key'))).toBe(false);
  });

  it('does not let a live certificate pass as a test one, nor a test one as live', async () => {
    const livePaper = await callOperation(issue, business, live());
    const testPaper = await callOperation(issue, business, sandbox());
    const relabelled = { ...livePaper, payload: { ...livePaper.payload, test: true } };
    expect(await callOperation(verify, { certificate: relabelled }, sandbox())).toMatchObject({
      valid: false,
      reason: 'UNKNOWN_KEY',
    });
    const promoted = { ...testPaper, payload: { ...testPaper.payload, test: false } };
    expect(await callOperation(verify, { certificate: promoted }, live())).toMatchObject({
      valid: false,
      reason: 'UNKNOWN_KEY',
    });
    expect(
      await callOperation(
        verify,
        { certificate: { ...promoted, payload: { ...promoted.payload, keyId: livePaper.payload.keyId } } },
        live(),
      ),
    ).toMatchObject({ valid: false, reason: 'SIGNATURE_INVALID' });
  });

  it('revokes test certificates only, keeping sandbox and live revocations apart', async () => {
    const testPaper = await callOperation(issue, business, sandbox());
    const livePaper = await callOperation(issue, business, live());
    await expect(
      callOperation(revoke, { id: livePaper.id, reason: 'trying from the sandbox' }, sandbox()),
    ).rejects.toMatchObject({ code: 'CERTIFICATE_NOT_FOUND', message: expect.stringContaining('test key') });
    await expect(callOperation(revoke, { id: testPaper.id, reason: 'trying from live' }, live())).rejects.toMatchObject(
      { code: 'CERTIFICATE_NOT_FOUND' },
    );
    expect((await callOperation(verify, { certificate: livePaper }, live())).valid).toBe(true);
    await callOperation(revoke, { id: testPaper.id, reason: 'sandbox clean-up' }, sandbox());
    expect(await callOperation(verify, { certificate: testPaper }, sandbox())).toMatchObject({
      valid: false,
      reason: 'REVOKED',
    });
  });
});
