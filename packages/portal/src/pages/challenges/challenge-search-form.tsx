import { SearchBar } from '../../layout/search-bar';
import type { ChallengeStatus } from '../../gql/graphql';
import { useT } from '../../i18n/use-t';

/** The statuses anyone may filter by (drafts are their agency's own). */
export const PUBLIC_STATUSES: ChallengeStatus[] = ['OPEN', 'CLOSED', 'EVALUATING', 'AWARDED', 'CANCELLED'];

export interface ChallengeSearch {
  search: string;
  status: string;
}

/** Words and a status; submitting puts them in the URL. */
export function ChallengeSearchForm({
  search,
  status,
  onSearch,
}: ChallengeSearch & { onSearch: (next: ChallengeSearch) => void }) {
  const { t } = useT();
  return (
    <SearchBar
      region={t('challenges.searchRegion')}
      searchLabel={t('challenges.searchLabel')}
      placeholder={t('challenges.searchPlaceholder')}
      choiceLabel={t('challenges.statusLabel')}
      anyChoice={t('challenges.anyStatus')}
      choices={PUBLIC_STATUSES.map((value) => ({ value, label: t(`challengeStatus.${value}`) }))}
      buttonLabel={t('challenges.searchButton')}
      search={search}
      choice={status}
      onSearch={(next) => onSearch({ search: next.search, status: next.choice })}
    />
  );
}
