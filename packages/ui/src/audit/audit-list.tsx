import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AsyncState } from '../common/async-state';
import { DateTime } from '../common/date-time';
import type { ListProps } from '../common/item-list';
import { StatusBadge } from '../common/status-badge';
import { TableScroll } from '../common/table-scroll';

/** One entry of the hash-chained audit trail (`AuditEvent`). */
export interface AuditEvent {
  id: string;
  /** Position in the chain, from 1, without gaps. */
  seq: number;
  at: string;
  /** `<object>.<verb>`, e.g. `member.add`. */
  action: string;
  /** SUCCESS, or the error code the action was refused with. */
  outcome: string;
  actorMemberId?: string | null;
  actorOrganizationId?: string | null;
  organizationId?: string | null;
  targetId?: string | null;
  requestId?: string | null;
}

export interface AuditListProps extends ListProps {
  events: AuditEvent[];
  /** How to name the actor (e.g. look the member up); the member id by default. */
  renderActor?: (event: AuditEvent) => ReactNode;
  /** How to show the target (e.g. a link); the raw id by default. */
  renderTarget?: (event: AuditEvent) => ReactNode;
}

/** The audit trail, newest first: sequence, time, action, outcome, actor and target. */
export function AuditList({
  events,
  renderActor,
  renderTarget,
  emptyMessage,
  onLoadMore,
  loadingMore,
  ...state
}: AuditListProps) {
  const { t } = useTranslation('maru-ui');
  return (
    <div className="maru-list" aria-busy={state.loading || loadingMore || undefined}>
      <AsyncState
        {...state}
        label={t('audit.label')}
        empty={events.length === 0}
        emptyMessage={emptyMessage ?? t('audit.empty')}
      >
        <TableScroll label={t('audit.label')}>
          <table className="maru-table">
            <caption>{t('audit.label')}</caption>
            <thead>
              <tr>
                <th scope="col" className="maru-table__number">
                  {t('audit.seq')}
                </th>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.outcome')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.target')}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id}>
                  <td className="maru-table__number">{event.seq}</td>
                  <td>
                    <DateTime value={event.at} />
                  </td>
                  <th scope="row">
                    <code className="maru-code">{event.action}</code>
                  </th>
                  <td>
                    <StatusBadge kind="outcome" status={event.outcome} />
                  </td>
                  <td>
                    {renderActor ? (
                      renderActor(event)
                    ) : event.actorMemberId ? (
                      <code className="maru-code">{event.actorMemberId}</code>
                    ) : (
                      t('audit.anonymous')
                    )}
                  </td>
                  <td>
                    {renderTarget ? (
                      renderTarget(event)
                    ) : event.targetId ? (
                      <code className="maru-code">{event.targetId}</code>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
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
