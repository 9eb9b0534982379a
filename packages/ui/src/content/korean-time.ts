/** Deadlines are Korea time, whoever reads them and wherever their computer is. */
export const KOREA_TIME_ZONE = 'Asia/Seoul';

const DAY_MS = 24 * 60 * 60 * 1000;
// Korea keeps no daylight saving time: UTC+9 the whole year.
const KST_OFFSET_MS = 9 * 60 * 60 * 1000;

/**
 * An instant as a date and time in Korea, in the reader's language, without
 * the zone's name (the caller adds "KST"): "2026. 12. 31. 18:00" in Korean,
 * "Dec 31, 2026, 18:00" in English. Unparseable input comes back as it was.
 */
export function formatKoreanTime(iso: string, lang: string, withTime = true): string {
  const value = new Date(iso);
  if (Number.isNaN(value.getTime())) return iso;
  const korean = lang.startsWith('ko');
  return new Intl.DateTimeFormat(korean ? 'ko-KR' : lang, {
    timeZone: KOREA_TIME_ZONE,
    year: 'numeric',
    month: korean ? '2-digit' : 'short',
    day: '2-digit',
    ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const } : {}),
  }).format(value);
}

/** How a deadline stands against now: days left by Korean calendar days, today, or passed. */
export type DeadlineState = { kind: 'open'; days: number } | { kind: 'today' } | { kind: 'passed' };

function koreanDayNumber(instant: number): number {
  return Math.floor((instant + KST_OFFSET_MS) / DAY_MS);
}

/**
 * Whether the deadline has passed at `now`, and otherwise how many Korean
 * calendar days remain ("D-3"), 0 being the deadline's own day ("D-DAY").
 */
export function deadlineState(deadline: string, now: Date | number): DeadlineState | null {
  const at = new Date(deadline).getTime();
  if (Number.isNaN(at)) return null;
  const current = typeof now === 'number' ? now : now.getTime();
  if (current >= at) return { kind: 'passed' };
  const days = koreanDayNumber(at) - koreanDayNumber(current);
  return days <= 0 ? { kind: 'today' } : { kind: 'open', days };
}
