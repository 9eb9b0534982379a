import { defineOperation, z } from '@maru/sdk';
import { documentErrors } from './errors.js';
import { records } from './records.js';

/** Revokes a certificate, for good. */
export const revoke = defineOperation({
  kind: 'mutation',
  description:
    "Revokes a certificate the caller's organization issued; `verify` answers REVOKED from then on. Revoking it again changes nothing and answers the first revocation. " +
    'With a test key only test certificates can be revoked.',
  input: z.object({
    id: z.uuid(),
    reason: z.string().trim().min(1).max(500).describe('Why, e.g. "issued in error"; shown to whoever verifies it.'),
  }),
  output: z.object({ id: z.string(), revokedAt: z.iso.datetime(), reason: z.string(), alreadyRevoked: z.boolean() }),
  handler: async ({ id, reason }, ctx) => {
    const store = records(ctx, ctx.mode === 'test');
    const certificate = await store.getCertificate(id);
    if (!certificate) throw documentErrors.CERTIFICATE_NOT_FOUND(id, ctx.mode);
    if (certificate.issuerOrganizationId !== ctx.caller.organizationId) throw documentErrors.NOT_ISSUER(id);
    const existing = await store.getRevocation(id);
    if (existing) return { ...existing, alreadyRevoked: true };
    const revocation = { id, revokedAt: new Date().toISOString(), reason };
    await store.putRevocation(revocation);
    ctx.log.info('revoked a certificate', { id });
    return { ...revocation, alreadyRevoked: false };
  },
});
