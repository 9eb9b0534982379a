/** A moment as Korea reads it (Asia/Seoul) with the zone shown, in the page's language: "2026. 12. 5. 오후 4:30 KST". */
export function formatKst(iso: string, lang: string): string {
  const value = new Date(iso);
  if (Number.isNaN(value.getTime())) return iso;
  const text = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Seoul' });
  return `${text.format(value)} KST`;
}

/** The end of a chosen day (YYYY-MM-DD) in Korea, as the hub's DateTime. */
export const endOfDayKst = (day: string) => new Date(`${day}T23:59:59+09:00`).toISOString();
