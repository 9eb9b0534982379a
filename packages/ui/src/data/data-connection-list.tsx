import { useTranslation } from 'react-i18next';
import { ItemList, type ListProps } from '../common/item-list';
import type { LinkRenderer } from '../common/link';
import { DataConnectionCard, type DataConnectionSummary } from './data-connection-card';

export interface DataConnectionListProps extends ListProps {
  connections: DataConnectionSummary[];
  hrefFor?: (connection: DataConnectionSummary) => string;
  renderLink?: LinkRenderer;
  headingLevel?: 2 | 3 | 4;
}

/** The data catalogue: cards without schema or preview (the connection's page shows those), with loading, error and empty states. */
export function DataConnectionList({
  connections,
  hrefFor,
  renderLink,
  headingLevel,
  ...list
}: DataConnectionListProps) {
  const { t } = useTranslation('maru-ui');
  return (
    <ItemList
      {...list}
      items={connections}
      itemKey={(connection) => connection.id}
      label={t('data.listLabel')}
      defaultEmptyMessage={t('data.emptyList')}
      renderItem={(connection) => (
        <DataConnectionCard
          connection={connection}
          {...(hrefFor ? { href: hrefFor(connection) } : {})}
          renderLink={renderLink}
          headingLevel={headingLevel}
          showSchema={false}
          showPreview={false}
        />
      )}
    />
  );
}
