import { defineOperation, z } from '@maru/sdk';
import { canonicalJson, Certificate, DocumentContent, DocumentKind, type CertificatePayload } from './certificate.js';
import { records } from './records.js';
import { signingKey } from './signing-keys.js';

const DAY_MS = 86_400_000;

/** Issues a signed certificate. */
export const issue = defineOperation({
  kind: 'mutation',
  description:
    'Issues a certificate of `kind` for `subject`, valid for `validityDays` (1–365, default 90): a JSON payload with an Ed25519 signature. ' +
    'With a test key it issues a sample certificate marked `test: true`, signed with the public sandbox key, that verifies only in test mode.',
  // Declared as a plain object (kind, subject, validityDays) so the hub can type it in GraphQL,
  // then checked field by field against the subject the kind needs.
  input: z
    .object({
      kind: DocumentKind,
      subject: z
        .record(z.string(), z.unknown())
        .describe("The subject's fields; which ones depends on `kind` (see the README)."),
      validityDays: z.int32().min(1).max(365).default(90).describe('Days until it expires (1–365, default 90).'),
    })
    .pipe(z.intersection(DocumentContent, z.object({ validityDays: z.int32() }))),
  output: Certificate,
  handler: async ({ validityDays, ...content }, ctx) => {
    const test = ctx.mode === 'test';
    const { keyId, privateKey } = await signingKey(ctx, test);
    const issuedAt = new Date();
    const payload = {
      version: 1,
      id: ctx.crypto.randomUUID(),
      ...content,
      issuer: { organizationId: ctx.caller.organizationId },
      issuedAt: issuedAt.toISOString(),
      expiresAt: new Date(issuedAt.getTime() + validityDays * DAY_MS).toISOString(),
      keyId,
      test,
    } satisfies CertificatePayload;
    const signature = await ctx.crypto.ed25519.sign(privateKey, canonicalJson(payload));
    await records(ctx, test).putCertificate({
      id: payload.id,
      kind: payload.kind,
      issuerOrganizationId: payload.issuer.organizationId,
      issuedAt: payload.issuedAt,
      expiresAt: payload.expiresAt,
      keyId,
    });
    ctx.log.info('issued a certificate', { id: payload.id, kind: payload.kind, test });
    return { id: payload.id, algorithm: 'Ed25519' as const, payload, signature };
  },
});
