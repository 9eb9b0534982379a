import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Certificate } from './certificate.js';
import { callOperation, createTestContext } from '@maru/testing';
import { issue } from './issue.js';
import { business } from './test-subjects.js';
import { verify } from './verify.js';

const ctx = createTestContext({ capabilities: ['kv'] });
const check = (certificate: unknown, context = ctx) => callOperation(verify, { certificate }, context);
const altered = (certificate: Certificate, change: (copy: Record<string, any>) => void) => {
  const copy = structuredClone(certificate) as Record<string, any>;
  change(copy);
  return copy;
};

describe('verify', () => {
  afterEach(() => vi.useRealTimers());

  it('accepts a certificate whose keys a client reordered on the way', async () => {
    const certificate = await callOperation(issue, business, ctx);
    const reordered = {
      signature: certificate.signature,
      payload: Object.fromEntries(Object.entries(certificate.payload).reverse()),
      algorithm: 'Ed25519',
      id: certificate.id,
    };
    expect(await check(reordered)).toEqual({ valid: true, message: expect.stringContaining('valid until') });
  });

  it('answers SIGNATURE_INVALID when any part of the payload or the id was changed', async () => {
    const certificate = await callOperation(issue, business, ctx);
    const tampered = [
      altered(certificate, (c) => (c.payload.subject.companyName = '(주)한빛데이타')),
      altered(certificate, (c) => (c.payload.expiresAt = '2099-12-31T00:00:00.000Z')),
      altered(certificate, (c) => (c.payload.issuer.organizationId = 'org-2')),
      altered(certificate, (c) => (c.payload.subject.address = '서울특별시 중구 을지로 1')),
      altered(certificate, (c) => (c.payload.kind = 'RESIDENCE_CERTIFICATE')),
      altered(certificate, (c) => (c.id = '00000000-0000-4000-8000-000000000000')),
      altered(
        certificate,
        (c) => (c.signature = c.signature.slice(0, -4) + (c.signature.endsWith('AAAA') ? 'BBBB' : 'AAAA')),
      ),
    ];
    for (const copy of tampered) {
      expect(await check(copy), JSON.stringify(copy)).toEqual({
        valid: false,
        reason: 'SIGNATURE_INVALID',
        message: expect.stringContaining('altered'),
      });
    }
    expect((await check(certificate)).valid).toBe(true);
  });

  it("answers SIGNATURE_INVALID for another certificate's signature", async () => {
    const [a, b] = [await callOperation(issue, business, ctx), await callOperation(issue, business, ctx)];
    expect(await check({ ...a, signature: b.signature })).toMatchObject({ valid: false, reason: 'SIGNATURE_INVALID' });
  });

  it("answers UNKNOWN_KEY for a certificate signed by another issuer's key", async () => {
    const elsewhere = await callOperation(issue, business, createTestContext({ capabilities: ['kv'] }));
    expect(await check(elsewhere)).toMatchObject({ valid: false, reason: 'UNKNOWN_KEY' });
    expect(await check(altered(elsewhere, (c) => delete c.payload.keyId))).toMatchObject({
      valid: false,
      reason: 'UNKNOWN_KEY',
    });
  });

  it('answers EXPIRED once validityDays have passed, and not a moment before', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-03-01T09:00:00Z'));
    const certificate = await callOperation(issue, { ...business, validityDays: 7 }, ctx);
    vi.setSystemTime(new Date('2025-03-08T08:59:59.999Z'));
    expect((await check(certificate)).valid).toBe(true);
    vi.setSystemTime(new Date('2025-03-08T09:00:00Z'));
    expect(await check(certificate)).toEqual({
      valid: false,
      reason: 'EXPIRED',
      message: 'The certificate expired at 2025-03-08T09:00:00.000Z.',
    });
  });

  it('refuses input that is not shaped like a certificate', () => {
    const bad = [
      {},
      { certificate: {} },
      { certificate: { id: 'x', algorithm: 'RSA', payload: {}, signature: 'x' } },
      { certificate: { id: 'x', algorithm: 'Ed25519', payload: 'text', signature: 'x' } },
      { certificate: { id: 'x', algorithm: 'Ed25519', payload: {} } },
    ];
    for (const input of bad) expect(verify.input.safeParse(input).success, JSON.stringify(input)).toBe(false);
  });
});
