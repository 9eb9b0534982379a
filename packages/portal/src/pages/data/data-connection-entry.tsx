import { DataConnectionCard, type DataRecord } from '@maru/ui';
import { useState } from 'react';
import { Link } from 'react-router';
import type { DataCatalogueQuery } from '../../gql/graphql';
import { graphqlRequest, GraphqlRequestError } from '../../graphql/client';
import { useT } from '../../i18n/use-t';
import { renderLink } from '../../layout/router-link';
import { DataPreviewDocument } from './data-queries';
import { RequestDataAccess } from './request-data-access';
import { toErrorText } from '../../graphql/form-error';

type Connection = DataCatalogueQuery['dataConnections']['nodes'][number];

/** A dataset's card, with the services using it, a preview fetched on demand (it is a logged read) and an access request. */
export function DataConnectionEntry({ connection, highlighted }: { connection: Connection; highlighted: boolean }) {
  const { t } = useT();
  const [preview, setPreview] = useState<DataRecord[] | null>(null);
  const [previewState, setPreviewState] = useState<'idle' | 'loading' | 'none' | string>('idle');
  const loadPreview = async () => {
    setPreviewState('loading');
    try {
      const records =
        (await graphqlRequest(DataPreviewDocument, { id: connection.id })).dataConnection?.preview ?? null;
      setPreview(
        records?.map((record) => ({ ...record, data: (record.data ?? {}) as Record<string, unknown> })) ?? null,
      );
      setPreviewState(records?.length ? 'idle' : 'none');
    } catch (caught) {
      setPreviewState(toErrorText(caught instanceof GraphqlRequestError ? caught : { code: 'INTERNAL' }));
    }
  };
  return (
    <div id={`data-${connection.id}`} tabIndex={-1} className={highlighted ? 'entry entry--highlighted' : 'entry'}>
      <DataConnectionCard
        connection={{ ...connection, preview }}
        href={`/data/${connection.id}`}
        renderLink={renderLink}
        showSchema={false}
        headingLevel={2}
        actions={
          <>
            {connection.services.length ? (
              <p className="muted">
                {t('data.usedBy')}{' '}
                {connection.services.map((service, index) => (
                  <span key={service.key}>
                    {index ? ', ' : ''}
                    <Link to={`/services?focus=${encodeURIComponent(service.key)}`}>{service.name}</Link>
                  </span>
                ))}
              </p>
            ) : null}
            {preview ? null : (
              <button
                type="button"
                className="maru-button maru-button--secondary"
                onClick={() => void loadPreview()}
                disabled={previewState === 'loading'}
              >
                {previewState === 'loading' ? t('common.loading') : t('data.showPreview', { name: connection.name })}
              </button>
            )}
            {previewState !== 'idle' && previewState !== 'loading' ? (
              <p role="status" className="muted">
                {previewState === 'none' ? t('data.previewNone') : previewState}
              </p>
            ) : null}
            {connection.classification !== 'PUBLIC' ? <RequestDataAccess connection={connection} /> : null}
          </>
        }
      />
    </div>
  );
}
