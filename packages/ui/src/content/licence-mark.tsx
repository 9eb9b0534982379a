import { useTranslation } from 'react-i18next';
import { readLicence, type LicenceCondition } from './licence';

export interface LicenceMarkProps {
  /** The licence as the data connection records it, e.g. "KOGL-Type1" or "CC-BY-4.0". */
  licence: string;
  /** Also write out the conditions beside the mark ("출처표시, 변경금지"); default false. */
  withConditions?: boolean;
}

/**
 * A licence shown as its mark: 공공누리 (KOGL) 제1–4유형 with the signs of its
 * conditions (출처표시, 상업적 이용금지, 변경금지), Creative Commons and Open
 * Data Commons licences likewise; an unknown licence as a plain badge. The
 * whole mark has one accessible name that reads the licence and its conditions.
 */
export function LicenceMark({ licence, withConditions = false }: LicenceMarkProps) {
  const { t } = useTranslation('maru-ui');
  const info = readLicence(licence);
  if (info.family === 'OTHER') {
    return <span className="maru-licence maru-licence--other">{info.name}</span>;
  }
  const conditions = info.conditions.map((condition) => t(`licence.condition.${condition}`));
  const title =
    info.family === 'KOGL'
      ? t('licence.kogl', { type: info.type })
      : info.family === 'CC0'
        ? t('licence.cc0')
        : info.name;
  const label = conditions.length ? `${title}: ${conditions.join(', ')}` : title;
  return (
    <span className="maru-licence-wrap">
      <span className={`maru-licence maru-licence--${info.family.toLowerCase()}`} role="img" aria-label={label}>
        <span className="maru-licence__brand" aria-hidden="true">
          {info.family === 'KOGL'
            ? t('licence.koglBrand')
            : info.family === 'CC0'
              ? 'CC0'
              : info.family === 'CC'
                ? 'cc'
                : 'ODC'}
        </span>
        {info.family === 'KOGL' ? (
          <span className="maru-licence__type" aria-hidden="true">
            {t('licence.koglType', { type: info.type })}
          </span>
        ) : null}
        {info.conditions.map((condition) => (
          <ConditionSign key={condition} condition={condition} />
        ))}
      </span>
      {withConditions ? (
        <span className="maru-licence__conditions">
          {conditions.length ? conditions.join(' · ') : t('licence.noConditions')}
        </span>
      ) : null}
    </span>
  );
}

/** A small drawn sign per condition (no picture is fetched from anywhere). */
function ConditionSign({ condition }: { condition: LicenceCondition }) {
  return (
    <svg className="maru-licence__sign" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="11" fill="currentColor" />
      {condition === 'BY' ? (
        // a person: attribution
        <g fill="var(--maru-licence-sign-fg, #fff)">
          <circle cx="12" cy="6.5" r="2.3" />
          <path d="M8.6 10h6.8v5.2h-1.9V20h-3v-4.8H8.6z" />
        </g>
      ) : condition === 'NC' ? (
        // a won sign struck through: no commercial use
        <g stroke="var(--maru-licence-sign-fg, #fff)" strokeWidth="1.7" fill="none" strokeLinecap="round">
          <path d="M7 7l2.2 10 2.8-8 2.8 8L17 7M6 11h12M6 13.6h12" />
          <path d="M5 19L19 5" strokeWidth="2.2" />
        </g>
      ) : condition === 'ND' ? (
        // an equals sign: no change
        <g fill="var(--maru-licence-sign-fg, #fff)">
          <rect x="6" y="8.5" width="12" height="2.4" />
          <rect x="6" y="13.1" width="12" height="2.4" />
        </g>
      ) : (
        // a circling arrow: share alike
        <g stroke="var(--maru-licence-sign-fg, #fff)" strokeWidth="2" fill="none" strokeLinecap="round">
          <path d="M16.5 9A5 5 0 1 0 17 13.5" />
          <path d="M14.2 9.2h2.6V6.6" />
        </g>
      )}
    </svg>
  );
}
