import { AsyncState, DateTime, FormErrorSummary, StatusBadge } from '@maru/ui';
import { Link } from 'react-router';
import { useSession } from '../../auth/session';
import type { DataAccessDirection } from '../../gql/graphql';
import { toErrorText, toFormError } from '../../graphql/form-error';
import { useMutation } from '../../graphql/use-mutation';
import { useQuery } from '../../graphql/use-query';
import { useT } from '../../i18n/use-t';
import { DataAccessRequestsDocument, DecideDataAccessDocument, WithdrawDataAccessDocument } from './access-queries';

/** Data access requests for the agency's datasets (approve or reject) or made by the organization (withdraw). */
export function DataAccessRequests({ direction }: { direction: DataAccessDirection }) {
  const { t } = useT();
  const { hasRole } = useSession();
  const requests = useQuery(DataAccessRequestsDocument, { direction });
  const decide = useMutation(DecideDataAccessDocument);
  const withdraw = useMutation(WithdrawDataAccessDocument);
  const nodes = requests.data?.dataAccessRequests.nodes ?? [];
  const incoming = direction === 'INCOMING';
  const act = async (run: Promise<unknown>) => (await run) && requests.reload();
  const headingId = `data-requests-${direction}`;
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{incoming ? t('access.incomingTitle') : t('access.outgoingTitle')}</h2>
      <FormErrorSummary error={toFormError(decide.error ?? withdraw.error)} />
      <AsyncState
        loading={requests.loading && !requests.data}
        error={toErrorText(requests.error)}
        onRetry={requests.reload}
        empty={nodes.length === 0}
        emptyMessage={t('access.requestsEmpty')}
      >
        <ul className="plain-list maru-stack">
          {nodes.map((request) => {
            const who = request.requesterOrganization?.name ?? request.requesterPlugin ?? '—';
            return (
              <li key={request.id} className="maru-card">
                <p className="maru-card__meta">
                  <StatusBadge kind="accessRequest" status={request.status} />{' '}
                  <StatusBadge kind="classification" status={request.dataConnection.classification} />
                </p>
                <h3 className="maru-card__title">
                  {t('access.requestHeading', { requester: who, dataset: request.dataConnection.name })}
                </h3>
                <p>{request.purpose}</p>
                {incoming ? (
                  <p>
                    <Link to={`/manage/data/${encodeURIComponent(request.dataConnection.id)}`}>
                      {t('dataAdmin.access.openDataset', { name: request.dataConnection.name })}
                    </Link>
                  </p>
                ) : null}
                <p className="muted">
                  {t('access.fields', { fields: request.fields.join(', ') })} · {t('access.until')}{' '}
                  <DateTime value={request.expiresAt} />
                </p>
                {request.decisionNote ? <p className="muted">{request.decisionNote}</p> : null}
                {incoming && request.status === 'PENDING' && hasRole('AGENCY_ADMIN', 'PLATFORM_ADMIN') ? (
                  <div className="button-row">
                    <button
                      type="button"
                      className="maru-button"
                      onClick={() => void act(decide.run({ id: request.id, approve: true }))}
                    >
                      {t('access.approve', { consumer: who })}
                    </button>
                    <button
                      type="button"
                      className="maru-button maru-button--secondary"
                      onClick={() => void act(decide.run({ id: request.id, approve: false }))}
                    >
                      {t('access.reject', { consumer: who })}
                    </button>
                  </div>
                ) : null}
                {!incoming && (request.status === 'PENDING' || request.status === 'APPROVED') ? (
                  <button
                    type="button"
                    className="maru-button maru-button--secondary"
                    onClick={() => void act(withdraw.run({ id: request.id }))}
                  >
                    {t('access.withdraw')}
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      </AsyncState>
    </section>
  );
}
