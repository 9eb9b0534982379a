import { useT } from '../../i18n/use-t';

const SEOUL = 'Asia/Seoul';
const DAY_MS = 86_400_000;

const seoulDay = (at: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: SEOUL, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

/** Whole days from today to the deadline's day, both counted in Korea; negative once that day is past. */
export const daysUntil = (deadline: string, now = Date.now()) =>
  Math.round((Date.parse(seoulDay(Date.parse(deadline))) - Date.parse(seoulDay(now))) / DAY_MS);

/** A deadline in Korea time with the zone named and, while it is ahead, its D-day. */
export function KstDeadline({ value, open }: { value: string; open: boolean }) {
  const { t, i18n } = useT();
  const at = Date.parse(value);
  const text = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short', timeZone: SEOUL });
  const days = daysUntil(value);
  const ahead = open && at > Date.now();
  return (
    <span className="kst-deadline">
      <time dateTime={value}>{`${text.format(at)} KST`}</time>
      {ahead ? <span className="kst-deadline__dday">{days <= 0 ? 'D-Day' : `D-${days}`}</span> : null}
      {open && !ahead ? <span className="kst-deadline__dday">{t('agency.deadlinePassed')}</span> : null}
    </span>
  );
}
