import { KoreanTime, StatusBadge } from '@maru/ui';
import { useState } from 'react';
import { useSession } from '../../auth/session';
import { GraphqlRequestError, graphqlRequest } from '../../graphql/client';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import type { VerifyDataAccessLogQuery } from '../../gql/graphql';
import type { ManagedConnection } from './connection-types';
import { ConnectionAccessLogDocument, VerifyDataAccessLogDocument } from './data-admin-queries';
import { useQuery } from '../../graphql/use-query';

/** Every read of this dataset, newest first; a platform admin can check that the log's chain is whole. */
export function AccessLogPanel({ connection }: { connection: ManagedConnection }) {
  const { t } = useT();
  const { hasRole } = useSession();
  const explain = useErrorText();
  const list = useQuery(ConnectionAccessLogDocument, { id: connection.id });
  const entries = list.data?.dataConnection?.accessLog.nodes ?? [];
  const total = list.data?.dataConnection?.accessLog.totalCount ?? 0;
  const who = (entry: (typeof entries)[number]) =>
    entry.actorKind === 'PLUGIN'
      ? t('dataAdmin.log.plugin', { plugin: entry.actorPlugin ?? '' })
      : entry.actorKind === 'ANONYMOUS'
        ? t('dataAdmin.log.anonymous')
        : (entry.actorOrganization?.name ?? t('dataAdmin.log.member'));
  return (
    <section className="section" aria-labelledby="access-log">
      <h2 id="access-log" tabIndex={-1}>
        {t('dataAdmin.log.title')}
      </h2>
      <p>{t('dataAdmin.log.intro', { count: total })}</p>
      {list.error ? <p className="maru-form-alert">{explain(list.error)}</p> : null}
      {list.data && entries.length === 0 ? (
        <p>{t('dataAdmin.log.none')}</p>
      ) : entries.length === 0 ? null : (
        <div className="maru-table-scroll" tabIndex={0} role="region" aria-labelledby="access-log">
          <table className="maru-table">
            <thead>
              <tr>
                <th scope="col">{t('dataAdmin.log.when')}</th>
                <th scope="col">{t('dataAdmin.log.who')}</th>
                <th scope="col">{t('dataAdmin.log.why')}</th>
                <th scope="col">{t('dataAdmin.log.what')}</th>
                <th scope="col">{t('dataAdmin.log.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.seq}>
                  <td>
                    <KoreanTime value={entry.at} />
                  </td>
                  <td>{who(entry)}</td>
                  <td>{entry.purpose ?? t(`dataAdmin.log.basis.${(entry.basis ?? 'NONE') as 'NONE'}`)}</td>
                  <td>
                    {t('dataAdmin.log.records', { count: entry.recordCount })}
                    {entry.fields.length ? (
                      <span className="data-admin-table__sub">{entry.fields.join(', ')}</span>
                    ) : null}
                  </td>
                  <td>
                    <StatusBadge kind="outcome" status={entry.outcome} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {hasRole('PLATFORM_ADMIN') ? <VerifyLog /> : <p className="muted">{t('dataAdmin.log.verifyByAdmin')}</p>}
    </section>
  );
}

/** Walks the whole data-access log (platform admins): whole, or where the first broken link is. */
function VerifyLog() {
  const { t } = useT();
  const explain = useErrorText();
  const [result, setResult] = useState<VerifyDataAccessLogQuery['verifyDataAccessLog'] | null>(null);
  const [error, setError] = useState<GraphqlRequestError | null>(null);
  const [busy, setBusy] = useState(false);
  const verify = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult((await graphqlRequest(VerifyDataAccessLogDocument)).verifyDataAccessLog);
    } catch (caught) {
      setError(caught instanceof GraphqlRequestError ? caught : new GraphqlRequestError('INTERNAL', String(caught)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <button
        type="button"
        className="maru-button maru-button--secondary"
        disabled={busy}
        onClick={() => void verify()}
      >
        {busy ? t('common.working') : t('dataAdmin.log.verify')}
      </button>
      <p role="status">
        {result
          ? result.ok
            ? t('dataAdmin.log.verifiedOk', { count: result.checked })
            : t('dataAdmin.log.verifiedBroken', { seq: result.firstBrokenSeq ?? '?' })
          : ''}
      </p>
      {error ? <p className="maru-form-alert">{explain(error)}</p> : null}
    </div>
  );
}
