import { describe, expect, it } from 'vitest';
import { callOperation, createTestContext } from '@maru/testing';
import { issue } from './issue.js';
import { business, residence } from './test-subjects.js';
import { verify } from './verify.js';

describe('issue', () => {
  it('issues a signed certificate of the kind asked for, for the calling organization, expiring after validityDays', async () => {
    const ctx = createTestContext({
      capabilities: ['kv'],
      caller: { organizationId: 'org-hanbit', memberId: 'member-7' },
    });
    const certificate = await callOperation(issue, { ...business, validityDays: 30 }, ctx);
    expect(certificate).toMatchObject({
      id: certificate.payload.id,
      algorithm: 'Ed25519',
      signature: expect.stringMatching(/^[A-Za-z0-9_-]{86}$/),
    });
    expect(certificate.payload).toMatchObject({
      version: 1,
      ...business,
      issuer: { organizationId: 'org-hanbit' },
      test: false,
    });
    expect(Date.parse(certificate.payload.expiresAt) - Date.parse(certificate.payload.issuedAt)).toBe(30 * 86_400_000);
    expect(await callOperation(verify, { certificate }, ctx)).toEqual({
      valid: true,
      message: `The certificate is valid until ${certificate.payload.expiresAt}.`,
    });
  });

  it('is valid for 90 days unless told otherwise', async () => {
    const { payload } = await callOperation(issue, residence, createTestContext({ capabilities: ['kv'] }));
    expect(Date.parse(payload.expiresAt) - Date.parse(payload.issuedAt)).toBe(90 * 86_400_000);
  });

  it('generates its signing key once and signs every later call with it', async () => {
    const store = new Map<string, unknown>();
    const first = await callOperation(issue, business, createTestContext({ capabilities: ['kv'], store }));
    const second = await callOperation(issue, residence, createTestContext({ capabilities: ['kv'], store }));
    expect(second.payload.keyId).toBe(first.payload.keyId);
    expect([...store.keys()].filter((key) => key.startsWith('signing-key:'))).toEqual([
      `signing-key:${first.payload.keyId}`,
    ]);
    for (const certificate of [first, second])
      expect(
        (await callOperation(verify, { certificate }, createTestContext({ capabilities: ['kv'], store }))).valid,
      ).toBe(true);
  });

  it('keeps no personal data of the subject in its storage', async () => {
    const ctx = createTestContext({ capabilities: ['kv'] });
    const { id } = await callOperation(issue, residence, ctx);
    const stored = JSON.stringify([...ctx.store.values()]);
    expect(stored).toContain(id);
    for (const value of Object.values(residence.subject)) expect(stored).not.toContain(value);
  });

  it('needs the kv capability to keep its key', async () => {
    await expect(callOperation(issue, business, createTestContext({ capabilities: [] }))).rejects.toThrow(
      /kv capability/,
    );
  });

  it('refuses an unknown kind, missing or extra subject fields, a wrong check digit and a validity outside 1–365 days', () => {
    const bad = [
      { ...business, kind: 'PASSPORT' },
      { kind: 'RESIDENCE_CERTIFICATE', subject: business.subject },
      { ...business, subject: { ...business.subject, companyName: '  ' } },
      { ...business, subject: { ...business.subject, businessRegistrationNumber: '123-45-67890' } },
      { ...business, subject: { ...business.subject, businessRegistrationNumber: '1234567891' } },
      { ...business, subject: { ...business.subject, ceo: '김하늘' } },
      { ...residence, subject: { ...residence.subject, birthDate: '1990-13-01' } },
      { ...residence, validityDays: 0 },
      { ...residence, validityDays: 366 },
      { ...residence, validityDays: 1.5 },
      { subject: residence.subject },
      { ...residence, validityDays: '30' },
    ];
    for (const input of bad) expect(issue.input.safeParse(input).success, JSON.stringify(input)).toBe(false);
    expect(issue.input.safeParse({ ...business, validityDays: 365 }).success).toBe(true);
  });
});
