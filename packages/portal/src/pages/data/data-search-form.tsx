import { useEffect, useId, useState, type FormEvent } from 'react';
import type { DataClassification } from '../../gql/graphql';
import { useT } from '../../i18n/use-t';

export const CLASSIFICATIONS: DataClassification[] = ['PUBLIC', 'INTERNAL', 'RESTRICTED', 'PERSONAL'];

interface DataSearch {
  search: string;
  classification: string;
}

/** Words and a classification for the data catalogue. */
export function DataSearchForm({ search, classification, onSearch }: DataSearch & { onSearch: (next: DataSearch) => void }) {
  const { t } = useT();
  const id = useId();
  const [words, setWords] = useState(search);
  const [chosen, setChosen] = useState(classification);
  useEffect(() => {
    setWords(search);
    setChosen(classification);
  }, [search, classification]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch({ search: words.trim(), classification: chosen });
  };
  return (
    <div className="search-bar" role="search" aria-label={t('data.searchRegion')}>
      <form onSubmit={submit} className="maru-form form--inline">
        <div className="maru-field">
          <label className="maru-field__label" htmlFor={`${id}-q`}>{t('data.searchLabel')}</label>
          <input id={`${id}-q`} type="search" value={words} onChange={(event) => setWords(event.target.value)} />
        </div>
        <div className="maru-field">
          <label className="maru-field__label" htmlFor={`${id}-c`}>{t('data.classificationLabel')}</label>
          <select id={`${id}-c`} value={chosen} onChange={(event) => setChosen(event.target.value)}>
            <option value="">{t('data.anyClassification')}</option>
            {CLASSIFICATIONS.map((value) => (
              <option key={value} value={value}>
                {t(`classification.${value}`)}
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
