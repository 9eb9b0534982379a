import { describe, expect, it } from 'vitest';
import { normalizeRegistrationNumber } from './registration-number.js';

describe('normalizeRegistrationNumber', () => {
  it('accepts ten digits with or without dashes, and formats them', () => {
    expect(normalizeRegistrationNumber('1234567891')).toBe('123-45-67891');
    expect(normalizeRegistrationNumber(' 105-87-12345 ')).toBe('105-87-12345');
  });

  it('refuses a wrong check digit and anything that is not ten digits, with a coded error', () => {
    expect(() => normalizeRegistrationNumber('123-45-67890')).toThrow(
      expect.objectContaining({ code: 'INVALID_REGISTRATION_NUMBER', message: expect.stringContaining('check digit') }),
    );
    expect(() => normalizeRegistrationNumber('12345')).toThrow(
      expect.objectContaining({ code: 'INVALID_REGISTRATION_NUMBER' }),
    );
  });
});
