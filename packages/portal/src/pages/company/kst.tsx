import { useT } from '../../i18n/use-t';

const SEOUL = 'Asia/Seoul';
const DAY_MS = 86_400_000;

/** The calendar day (YYYY-MM-DD) of an instant in Korea. */
const seoulDay = (at: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: SEOUL, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

/** Days from today to the deadline's day, both in Korea: 0 on the day, negative once the day is past. */
export function daysLeft(deadline: string, now = Date.now()): number {
  return Math.round((Date.parse(seoulDay(Date.parse(deadline))) - Date.parse(seoulDay(now))) / DAY_MS);
}

/** A date and time in Korea time, in the current language, with the zone named ("KST"). */
export function KstTime({ value }: { value: string }) {
  const { i18n } = useT();
  const at = Date.parse(value);
  if (Number.isNaN(at)) return <>{value}</>;
  const text = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: SEOUL,
  }).format(at);
  return <time dateTime={value}>{`${text} KST`}</time>;
}

/** A deadline in Korea time with its D-day ("D-3", "D-Day"), or that it has passed. */
export function Deadline({ value }: { value: string }) {
  const { t } = useT();
  const passed = Date.parse(value) <= Date.now();
  const days = daysLeft(value);
  const tag = passed ? t('deadline.passed') : days <= 0 ? 'D-Day' : `D-${days}`;
  return (
    <span className="deadline">
      <KstTime value={value} />{' '}
      <span className={`deadline__tag${passed ? ' deadline__tag--passed' : days <= 3 ? ' deadline__tag--soon' : ''}`}>
        {tag}
      </span>
    </span>
  );
}
