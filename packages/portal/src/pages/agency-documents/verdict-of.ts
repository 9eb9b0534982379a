/** What a check of a document comes to, in people's words: valid, revoked, expired, or not verifiable. */
export type VerdictKind = 'VALID' | 'REVOKED' | 'EXPIRED' | 'UNVERIFIABLE';

export interface VerdictOf {
  kind: VerdictKind;
  /** Why it could not be verified (the issuer's reason), when that is the verdict. */
  reason: string | null;
}

/** The verdict of an issuer's answer: `valid`, else its reason (REVOKED, EXPIRED; anything else is not verifiable). */
export function verdictOf(answer: { valid: boolean; reason?: string | null }): VerdictOf {
  if (answer.valid) return { kind: 'VALID', reason: null };
  if (answer.reason === 'REVOKED' || answer.reason === 'EXPIRED') return { kind: answer.reason, reason: null };
  return { kind: 'UNVERIFIABLE', reason: answer.reason ?? null };
}
