import { z } from '@maru/sdk';

/** Checks the last digit of a 사업자등록번호 (business registration number) against the other nine. */
export function isBusinessRegistrationNumber(value: string): boolean {
  const digits = value.replace(/-/g, '').split('').map(Number);
  if (!/^\d{3}-\d{2}-\d{5}$/.test(value) || digits.length !== 10) return false;
  const weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];
  const sum = weights.reduce((total, weight, i) => total + weight * digits[i]!, 0) + Math.floor((digits[8]! * 5) / 10);
  return (10 - (sum % 10)) % 10 === digits[9];
}

const text = (max: number) => z.string().trim().min(1).max(max);

const BusinessRegistrationProof = z.strictObject({
  kind: z.literal('BUSINESS_REGISTRATION_PROOF'),
  subject: z.strictObject({
    businessRegistrationNumber: z
      .string()
      .refine(
        isBusinessRegistrationNumber,
        'use a valid business registration number such as "123-45-67891" (the last digit is a check digit)',
      ),
    companyName: text(200),
    representativeName: text(100),
    address: text(300).optional(),
  }),
});

const ResidenceCertificate = z.strictObject({
  kind: z.literal('RESIDENCE_CERTIFICATE'),
  subject: z.strictObject({
    name: text(100),
    birthDate: z.iso.date().describe('YYYY-MM-DD'),
    address: text(300),
  }),
});

/** What a certificate certifies: its kind and the subject fields that kind needs. */
export const DocumentContent = z.discriminatedUnion('kind', [BusinessRegistrationProof, ResidenceCertificate]);
export const DocumentKind = z.enum(['BUSINESS_REGISTRATION_PROOF', 'RESIDENCE_CERTIFICATE']);

/** The signed part of a certificate. */
export const CertificatePayload = z.intersection(
  DocumentContent,
  z.object({
    version: z.literal(1),
    id: z.uuid(),
    issuer: z
      .object({ organizationId: z.string().nullable() })
      .describe('The organization that had the certificate issued.'),
    issuedAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    keyId: z.string().describe("Which of the plugin's keys signed it."),
    test: z.boolean().describe('Issued with a test key: signed with the public sandbox key, valid only in test mode.'),
  }),
);
export type CertificatePayload = z.infer<typeof CertificatePayload>;

/** A certificate as issued: the payload, its Ed25519 signature and its id. */
export const Certificate = z.object({
  id: z.uuid(),
  algorithm: z.literal('Ed25519'),
  payload: CertificatePayload,
  signature: z.string().describe('Ed25519 signature of the canonical JSON of `payload` (keys sorted), base64url.'),
});
export type Certificate = z.infer<typeof Certificate>;

/**
 * JSON with object keys sorted at every level: the bytes that are signed. A
 * certificate travels as JSON through GraphQL clients that may reorder keys,
 * so the signature must not depend on their order.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
