import { useTranslation } from 'react-i18next';
import { deadlineState, formatKoreanTime } from './korean-time';

export interface KoreanTimeProps {
  /** ISO date-time. */
  value: string;
  /** Show the time of day as well (default true). */
  withTime?: boolean;
}

/** An instant in Korea time with the zone shown: "2026. 12. 31. 18:00 KST", in a `<time>` element. */
export function KoreanTime({ value, withTime = true }: KoreanTimeProps) {
  const { t, i18n } = useTranslation('maru-ui');
  const lang = i18n.resolvedLanguage ?? i18n.language ?? 'en';
  const text = formatKoreanTime(value, lang, withTime);
  return (
    <time dateTime={value} className="maru-korean-time">
      {text}
      {withTime && text !== value ? (
        <>
          {' '}
          <abbr title={t('deadline.zoneName')}>KST</abbr>
        </>
      ) : null}
    </time>
  );
}

export interface DeadlineProps {
  /** ISO date-time of the deadline. */
  value: string;
  /** The instant to count from; the reader's clock by default (stories and tests pass a fixed one). */
  now?: Date | number;
  /** Show the D-day badge (default true); off for challenges no longer taking entries. */
  showDday?: boolean;
}

/** A deadline in Korea time with a D-day badge: "D-3", "D-DAY" on the day, "마감" (closed) after it. */
export function Deadline({ value, now, showDday = true }: DeadlineProps) {
  return (
    <span className="maru-deadline">
      <KoreanTime value={value} />
      {showDday ? <DdayBadge deadline={value} now={now} /> : null}
    </span>
  );
}

export function DdayBadge({ deadline, now }: { deadline: string; now?: Date | number }) {
  const { t } = useTranslation('maru-ui');
  const state = deadlineState(deadline, now ?? Date.now());
  if (!state) return null;
  const [text, label, tone] =
    state.kind === 'passed'
      ? [t('deadline.closed'), t('deadline.closedLabel'), 'neutral']
      : state.kind === 'today'
        ? ['D-DAY', t('deadline.todayLabel'), 'danger']
        : [`D-${state.days}`, t('deadline.daysLeftLabel', { count: state.days }), state.days <= 3 ? 'warning' : 'info'];
  return (
    <span className={`maru-badge maru-badge--${tone} maru-dday`}>
      <span aria-hidden="true">{text}</span>
      <span className="maru-visually-hidden">{label}</span>
    </span>
  );
}
