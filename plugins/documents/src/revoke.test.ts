import { describe, expect, it } from 'vitest';
import { callOperation, createTestContext } from '@maru/testing';
import { issue } from './issue.js';
import { business } from './test-subjects.js';
import { revoke } from './revoke.js';
import { verify } from './verify.js';

const store = new Map<string, unknown>();
const as = (organizationId: string) =>
  createTestContext({ capabilities: ['kv'], store, caller: { organizationId, memberId: `${organizationId}-member` } });

describe('revoke', () => {
  it('makes verify answer REVOKED with the reason; revoking again changes nothing', async () => {
    const certificate = await callOperation(issue, business, as('org-a'));
    const first = await callOperation(revoke, { id: certificate.id, reason: 'issued in error' }, as('org-a'));
    expect(first).toMatchObject({ id: certificate.id, reason: 'issued in error', alreadyRevoked: false });
    expect(await callOperation(verify, { certificate }, as('org-z'))).toEqual({
      valid: false,
      reason: 'REVOKED',
      message: `The certificate was revoked at ${first.revokedAt}: issued in error`,
    });
    expect(await callOperation(revoke, { id: certificate.id, reason: 'again' }, as('org-a'))).toEqual({
      ...first,
      alreadyRevoked: true,
    });
  });

  it('refuses with NOT_ISSUER when another organization tries, and the certificate stays valid', async () => {
    const certificate = await callOperation(issue, business, as('org-a'));
    await expect(callOperation(revoke, { id: certificate.id, reason: 'mine now' }, as('org-b'))).rejects.toMatchObject({
      code: 'NOT_ISSUER',
    });
    expect((await callOperation(verify, { certificate }, as('org-b'))).valid).toBe(true);
  });

  it('refuses with CERTIFICATE_NOT_FOUND for an id it never issued', async () => {
    await expect(
      callOperation(revoke, { id: '3f1c2b9e-5a4d-4c8b-9e7f-1a2b3c4d5e6f', reason: 'x' }, as('org-a')),
    ).rejects.toMatchObject({ code: 'CERTIFICATE_NOT_FOUND' });
  });

  it('refuses an id that is not a UUID and an empty or overlong reason', () => {
    const id = '3f1c2b9e-5a4d-4c8b-9e7f-1a2b3c4d5e6f';
    for (const input of [{ id }, { id: 'abc', reason: 'x' }, { id, reason: '  ' }, { id, reason: 'x'.repeat(501) }]) {
      expect(revoke.input.safeParse(input).success, JSON.stringify(input)).toBe(false);
    }
  });
});
