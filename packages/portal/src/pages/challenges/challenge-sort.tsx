import { Link, useLocation } from 'react-router';
import { useT } from '../../i18n/use-t';

/** The orders the list offers, as they appear in the URL (`?sort=deadline`). */
export const SORTS = { deadline: 'DEADLINE', newest: 'NEWEST' } as const;
export type SortParam = keyof typeof SORTS;

export function parseSort(value: string | null): SortParam {
  return value === 'newest' ? 'newest' : 'deadline';
}

/** Two links (not a select), so the chosen order is a shareable URL and works without script. */
export function ChallengeSortControl({ current }: { current: SortParam }) {
  const { t } = useT();
  const location = useLocation();
  const hrefFor = (sort: SortParam) => {
    const params = new URLSearchParams(location.search);
    params.set('sort', sort);
    return `${location.pathname}?${params.toString()}`;
  };
  return (
    <nav className="challenge-sort" aria-label={t('challenges.sortLabel')}>
      <span className="challenge-sort__label" aria-hidden="true">
        {t('challenges.sortLabel')}
      </span>
      <ul>
        {(Object.keys(SORTS) as SortParam[]).map((sort) => (
          <li key={sort}>
            <Link
              to={hrefFor(sort)}
              className="challenge-sort__option"
              aria-current={sort === current ? 'true' : undefined}
              replace
            >
              {t(sort === 'deadline' ? 'challenges.sortDeadline' : 'challenges.sortNewest')}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
