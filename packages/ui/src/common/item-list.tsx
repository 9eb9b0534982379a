import type { Key, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AsyncState, type AsyncStateProps } from './async-state';

/** Paging and empty-state props every list shares. */
export interface ListProps extends AsyncStateProps {
  /** Replaces the default empty text, e.g. to suggest clearing a search. */
  emptyMessage?: ReactNode;
  /** Shows a "Load more" button (with `pageInfo.hasNextPage`). */
  onLoadMore?: () => void;
  loadingMore?: boolean;
}

interface ItemListProps<T> extends ListProps {
  items: T[];
  itemKey: (item: T) => Key;
  renderItem: (item: T) => ReactNode;
  /** What the list holds, read out while it loads. */
  label: string;
  defaultEmptyMessage: string;
  layout?: 'grid' | 'stack';
}

/** A list with its loading, error, empty and "load more" states: the frame every list component uses. */
export function ItemList<T>({
  items,
  itemKey,
  renderItem,
  label,
  defaultEmptyMessage,
  layout = 'grid',
  emptyMessage,
  onLoadMore,
  loadingMore,
  ...state
}: ItemListProps<T>) {
  const { t } = useTranslation('maru-ui');
  return (
    <div className="maru-list" aria-busy={state.loading || loadingMore || undefined}>
      <AsyncState
        {...state}
        label={label}
        empty={items.length === 0}
        emptyMessage={emptyMessage ?? defaultEmptyMessage}
      >
        <ul className={`maru-list__items maru-${layout}`}>
          {items.map((item) => (
            <li key={itemKey(item)}>{renderItem(item)}</li>
          ))}
        </ul>
        {onLoadMore ? (
          <button
            type="button"
            className="maru-button maru-button--secondary"
            onClick={onLoadMore}
            disabled={loadingMore}
          >
            {loadingMore ? t('state.loading') : t('state.loadMore')}
          </button>
        ) : null}
      </AsyncState>
    </div>
  );
}
