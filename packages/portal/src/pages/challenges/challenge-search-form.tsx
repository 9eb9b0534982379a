import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ChallengeStatus } from '../../gql/graphql';
import { useT } from '../../i18n/use-t';

/** The statuses anyone may filter by (drafts are their agency's own). */
export const PUBLIC_STATUSES: ChallengeStatus[] = ['OPEN', 'CLOSED', 'EVALUATING', 'AWARDED', 'CANCELLED'];

export interface ChallengeSearch {
  search: string;
  status: string;
}

/** Words and a status; submitting puts them in the URL. */
export function ChallengeSearchForm({ search, status, onSearch }: ChallengeSearch & { onSearch: (next: ChallengeSearch) => void }) {
  const { t } = useT();
  const id = useId();
  const [words, setWords] = useState(search);
  const [chosen, setChosen] = useState(status);
  useEffect(() => {
    setWords(search);
    setChosen(status);
  }, [search, status]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch({ search: words.trim(), status: chosen });
  };
  return (
    <div className="search-bar" role="search" aria-label={t('challenges.searchRegion')}>
      <form onSubmit={submit} className="maru-form form--inline">
        <div className="maru-field">
          <label className="maru-field__label" htmlFor={`${id}-q`}>{t('challenges.searchLabel')}</label>
          <input id={`${id}-q`} type="search" value={words} placeholder={t('challenges.searchPlaceholder')} onChange={(event) => setWords(event.target.value)} />
        </div>
        <div className="maru-field">
          <label className="maru-field__label" htmlFor={`${id}-status`}>{t('challenges.statusLabel')}</label>
          <select id={`${id}-status`} value={chosen} onChange={(event) => setChosen(event.target.value)}>
            <option value="">{t('challenges.anyStatus')}</option>
            {PUBLIC_STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`challengeStatus.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="maru-button">
          {t('challenges.searchButton')}
        </button>
      </form>
    </div>
  );
}
