import { describe, expect, it } from 'vitest';
import {
  formatKoreaTime,
  fromKoreaInput,
  koreaDayEnd,
  koreaDayStart,
  koreaInputDaysFromNow,
  toKoreaInput,
} from './korea-time';

// These hold whatever time zone the tests run in (try TZ=America/Los_Angeles): the inputs are Korea time.
describe('Korea time for forms', () => {
  it('reads a datetime-local value as Korea time', () => {
    expect(fromKoreaInput('2026-12-31T18:00')).toBe('2026-12-31T09:00:00.000Z');
    expect(fromKoreaInput('2027-01-01T08:30:15')).toBe('2026-12-31T23:30:15.000Z');
  });

  it('refuses an empty or malformed value', () => {
    expect(fromKoreaInput('')).toBeNull();
    expect(fromKoreaInput('2026-12-31')).toBeNull();
    expect(fromKoreaInput('2026-13-45T99:00')).toBeNull();
    expect(fromKoreaInput('tomorrow')).toBeNull();
  });

  it('shows an instant as a Korea-time input value, the day turning at midnight in Seoul', () => {
    expect(toKoreaInput('2026-12-31T09:00:00Z')).toBe('2026-12-31T18:00');
    expect(toKoreaInput(new Date('2026-12-31T15:00:00Z'))).toBe('2027-01-01T00:00');
    expect(fromKoreaInput(toKoreaInput('2026-06-15T03:45:00Z'))).toBe('2026-06-15T03:45:00.000Z');
  });

  it('counts days from now in Korea time', () => {
    expect(koreaInputDaysFromNow(3, Date.parse('2026-12-01T20:00:00Z'))).toBe('2026-12-05T05:00');
  });

  it('gives a Korean day its first and last instants', () => {
    expect(koreaDayStart('2026-12-05')).toBe('2026-12-04T15:00:00.000Z');
    expect(koreaDayEnd('2026-12-05')).toBe('2026-12-05T14:59:59.999Z');
  });

  it('writes an instant as Korea time with the zone named', () => {
    expect(formatKoreaTime('2026-12-05T07:30:00Z', 'ko')).toMatch(/^2026\. 12\. 05\. 16:30 KST$/);
    expect(formatKoreaTime('2026-12-05T07:30:00Z', 'en')).toBe('Dec 05, 2026, 16:30 KST');
    expect(formatKoreaTime('not a date', 'en')).toBe('not a date');
  });
});
