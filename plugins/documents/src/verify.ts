import { defineOperation, z } from '@maru/sdk';
import { canonicalJson } from './certificate.js';
import { records } from './records.js';
import { verificationKey } from './signing-keys.js';

/** Why a certificate is not valid. */
export const InvalidReason = z.enum(['TEST_CERTIFICATE', 'UNKNOWN_KEY', 'SIGNATURE_INVALID', 'EXPIRED', 'REVOKED']);
export type InvalidReason = z.infer<typeof InvalidReason>;

const answer = (reason: InvalidReason | null, message: string) =>
  reason ? { valid: false, reason, message } : { valid: true, message };

/** Checks a certificate: signature, expiry and revocation. */
export const verify = defineOperation({
  kind: 'query',
  description:
    "Checks a certificate as `issue` returned it: that the plugin's key signed exactly this payload, that it has not expired and that it was not revoked. " +
    'Answers `{ valid, reason, message }` (`reason` only when not valid); a test certificate is valid only in test mode.',
  input: z.object({
    certificate: z.object({
      id: z.string().max(100),
      algorithm: z.literal('Ed25519'),
      // Read as it arrived, not reshaped by a schema: any change to it, even an added field, must break the signature.
      payload: z.record(z.string(), z.unknown()),
      signature: z.string().max(200),
    }),
  }),
  output: z.object({
    valid: z.boolean(),
    reason: InvalidReason.optional().describe('Why the certificate is not valid; absent when it is.'),
    message: z.string(),
  }),
  handler: async ({ certificate }, ctx) => {
    const { payload } = certificate;
    const test = payload.test === true;
    if (test && ctx.mode !== 'test')
      return answer(
        'TEST_CERTIFICATE',
        'This is a test certificate, signed with the public sandbox key; it is valid only when checked with a test key.',
      );
    const key = typeof payload.keyId === 'string' ? await verificationKey(ctx, payload.keyId, test) : undefined;
    if (!key) return answer('UNKNOWN_KEY', 'No key of this issuer has the key id the certificate names.');
    const signed = await ctx.crypto.ed25519.verify(key, canonicalJson(payload), certificate.signature);
    if (!signed || payload.id !== certificate.id)
      return answer(
        'SIGNATURE_INVALID',
        'The signature does not match the payload: the certificate was altered after it was issued.',
      );
    // From here on the payload is the one the plugin signed.
    const expiresAt = String(payload.expiresAt);
    if (Date.now() >= Date.parse(expiresAt)) return answer('EXPIRED', `The certificate expired at ${expiresAt}.`);
    const revocation = await records(ctx, test).getRevocation(certificate.id);
    if (revocation)
      return answer('REVOKED', `The certificate was revoked at ${revocation.revokedAt}: ${revocation.reason}`);
    return answer(null, `The certificate is valid until ${expiresAt}.`);
  },
});
