import { formatKoreanTime } from '@maru/ui';

/**
 * Korea time (Asia/Seoul, UTC+9 all year) for what @maru/ui's `KoreanTime` and `Deadline` do not cover: an instant
 * as text (inside a sentence or a table cell's string), a day picked in a date input, and datetime-local inputs —
 * whose values are read and shown as Korea time whatever the browser's time zone (label those fields "(KST)").
 */

const KST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** An instant as Korea time with the zone named, as `KoreanTime` shows it: "2026. 12. 05. 16:30 KST". */
export function formatKoreaTime(iso: string, lang: string): string {
  const text = formatKoreanTime(iso, lang);
  return text === iso ? iso : `${text} KST`;
}

/** The first instant of a day (YYYY-MM-DD, as a date input holds it) in Korea, as ISO. */
export const koreaDayStart = (day: string): string => new Date(`${day}T00:00:00+09:00`).toISOString();

/** The last millisecond of a day (YYYY-MM-DD) in Korea, as ISO: "until" that day, inclusive. */
export const koreaDayEnd = (day: string): string => new Date(`${day}T23:59:59.999+09:00`).toISOString();

/** `YYYY-MM-DDTHH:mm` in Korea time, as `<input type="datetime-local">` wants it. */
export function toKoreaInput(at: Date | string | number): string {
  const instant = new Date(at).getTime();
  return new Date(instant + KST_OFFSET_MS).toISOString().slice(0, 16);
}

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;

/** The ISO instant of a datetime-local value read as Korea time, or null when it is empty or invalid. */
export function fromKoreaInput(value: string): string | null {
  if (!LOCAL_DATE_TIME.test(value)) return null;
  const date = new Date(`${value}+09:00`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** A datetime-local value (Korea time) `days` from now. */
export const koreaInputDaysFromNow = (days: number, now = Date.now()): string => toKoreaInput(now + days * 86_400_000);
