import { afterEach, describe, expect, it } from 'vitest';
import { deadlineState, formatKoreanTime } from './korean-time';

// 2026-12-31 09:00 UTC is 18:00 on 31 December in Korea.
const DEADLINE = '2026-12-31T09:00:00.000Z';
const originalTz = process.env.TZ;

afterEach(() => {
  process.env.TZ = originalTz;
});

describe('formatKoreanTime', () => {
  it.each(['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Seoul', 'Europe/London'])(
    'shows the same Korea time when the process runs in %s',
    (zone) => {
      process.env.TZ = zone;
      expect(formatKoreanTime(DEADLINE, 'ko')).toBe('2026. 12. 31. 18:00');
      expect(formatKoreanTime(DEADLINE, 'en')).toBe('Dec 31, 2026, 18:00');
    },
  );

  it('crosses the date line as Korea does: 16:00 UTC is the next day in Korea', () => {
    process.env.TZ = 'America/New_York';
    // The process really is in New York now (UTC-5 in December), so a local-time formatter would say 11:00.
    expect(new Date('2026-12-31T16:00:00.000Z').getTimezoneOffset()).toBe(300);
    expect(formatKoreanTime('2026-12-31T16:00:00.000Z', 'ko')).toBe('2027. 01. 01. 01:00');
    expect(formatKoreanTime('2026-12-31T16:00:00.000Z', 'ko', false)).toBe('2027. 01. 01.');
  });

  it('gives back what it cannot read', () => {
    expect(formatKoreanTime('soon', 'ko')).toBe('soon');
  });
});

describe('deadlineState', () => {
  const at = (iso: string) => new Date(iso);
  it('counts Korean calendar days, not 24-hour periods', () => {
    // 23:30 KST on 28 Dec → 18:00 KST on 31 Dec: three Korean days away.
    expect(deadlineState(DEADLINE, at('2026-12-28T14:30:00.000Z'))).toEqual({ kind: 'open', days: 3 });
    // 00:30 KST on 29 Dec (still 28 Dec in UTC): two days.
    expect(deadlineState(DEADLINE, at('2026-12-28T15:30:00.000Z'))).toEqual({ kind: 'open', days: 2 });
  });

  it('is D-DAY on the deadline day in Korea and passed from the deadline on', () => {
    expect(deadlineState(DEADLINE, at('2026-12-30T15:00:00.000Z'))).toEqual({ kind: 'today' });
    expect(deadlineState(DEADLINE, at('2026-12-31T08:59:59.999Z'))).toEqual({ kind: 'today' });
    expect(deadlineState(DEADLINE, at(DEADLINE))).toEqual({ kind: 'passed' });
    expect(deadlineState(DEADLINE, at('2027-01-05T00:00:00.000Z'))).toEqual({ kind: 'passed' });
  });

  it('does not depend on the process time zone', () => {
    process.env.TZ = 'America/Los_Angeles';
    const west = deadlineState(DEADLINE, at('2026-12-28T14:30:00.000Z'));
    process.env.TZ = 'Asia/Tokyo';
    expect(deadlineState(DEADLINE, at('2026-12-28T14:30:00.000Z'))).toEqual(west);
  });
});
