import { describe, expect, it } from 'vitest';
import { DOCUMENT_FIELDS, fieldProblem, isBusinessRegistrationNumber, isIsoDate } from './document-fields';
import { verdictOf } from './verdict-of';

describe('the issue form’s checks', () => {
  it('accepts a business registration number only with hyphens and its check digit', () => {
    expect(isBusinessRegistrationNumber('123-45-67891')).toBe(true);
    expect(isBusinessRegistrationNumber('123-45-67890')).toBe(false);
    expect(isBusinessRegistrationNumber('1234567891')).toBe(false);
    expect(isBusinessRegistrationNumber('123-45-6789')).toBe(false);
  });

  it('accepts calendar dates written YYYY-MM-DD only', () => {
    expect(isIsoDate('1990-01-31')).toBe(true);
    expect(isIsoDate('1990-02-30')).toBe(false);
    expect(isIsoDate('31/01/1990')).toBe(false);
  });

  it('says what is wrong with a field: missing when required, a bad number, a bad date', () => {
    const [number, , , address] = DOCUMENT_FIELDS['business-registration']!;
    expect(fieldProblem(number!, '  ')).toBe('required');
    expect(fieldProblem(number!, '123-45-67890')).toBe('brn');
    expect(fieldProblem(number!, ' 123-45-67891 ')).toBeNull();
    expect(fieldProblem(address!, '')).toBeNull();
    const birthDate = DOCUMENT_FIELDS['residence-certificate']!.find((f) => f.key === 'birthDate')!;
    expect(fieldProblem(birthDate, '1990-13-01')).toBe('date');
  });
});

describe('a check’s verdict', () => {
  it('is valid, revoked, expired, or not verifiable with the issuer’s reason', () => {
    expect(verdictOf({ valid: true, reason: null })).toEqual({ kind: 'VALID', reason: null });
    expect(verdictOf({ valid: false, reason: 'REVOKED' })).toEqual({ kind: 'REVOKED', reason: null });
    expect(verdictOf({ valid: false, reason: 'EXPIRED' })).toEqual({ kind: 'EXPIRED', reason: null });
    expect(verdictOf({ valid: false, reason: 'SIGNATURE_INVALID' })).toEqual({
      kind: 'UNVERIFIABLE',
      reason: 'SIGNATURE_INVALID',
    });
    expect(verdictOf({ valid: false })).toEqual({ kind: 'UNVERIFIABLE', reason: null });
  });
});
