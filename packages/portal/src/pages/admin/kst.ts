/** A moment as Korea time, with the zone named ("2026. 12. 5. 16:30 KST"): the platform's deadlines and records speak KST. */
export function formatKst(iso: string, language: string): string {
  const text = new Intl.DateTimeFormat(language === 'ko' ? 'ko-KR' : 'en-GB', {
    timeZone: 'Asia/Seoul',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
  return `${text} KST`;
}

/** The first instant of a KST day (YYYY-MM-DD), as ISO. */
export const kstDayStart = (day: string): string => new Date(`${day}T00:00:00+09:00`).toISOString();

/** The last millisecond of a KST day (YYYY-MM-DD), as ISO. */
export const kstDayEnd = (day: string): string => new Date(`${day}T23:59:59.999+09:00`).toISOString();

/** A Relay global id (base64url of `Type:id`, as the hub makes them) for a raw id the audit trail records. */
export function globalId(typename: string, raw: string): string {
  const bytes = new TextEncoder().encode(`${typename}:${raw}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
