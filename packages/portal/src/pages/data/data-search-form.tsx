import { SearchBar } from '../../layout/search-bar';
import type { DataClassification } from '../../gql/graphql';
import { useT } from '../../i18n/use-t';

export const CLASSIFICATIONS: DataClassification[] = ['PUBLIC', 'INTERNAL', 'RESTRICTED', 'PERSONAL'];

interface DataSearch {
  search: string;
  classification: string;
}

/** Words and a classification for the data catalogue. */
export function DataSearchForm({
  search,
  classification,
  onSearch,
}: DataSearch & { onSearch: (next: DataSearch) => void }) {
  const { t } = useT();
  return (
    <SearchBar
      region={t('data.searchRegion')}
      searchLabel={t('data.searchLabel')}
      choiceLabel={t('data.classificationLabel')}
      anyChoice={t('data.anyClassification')}
      choices={CLASSIFICATIONS.map((value) => ({ value, label: t(`classification.${value}`) }))}
      buttonLabel={t('challenges.searchButton')}
      search={search}
      choice={classification}
      onSearch={(next) => onSearch({ search: next.search, classification: next.choice })}
    />
  );
}
