import { KoreanTime } from '@maru/ui';
import { Link } from 'react-router';
import type { AuditEventsQuery, AuditObjectsQuery } from '../../gql/graphql';
import { useT, type MessageKey } from '../../i18n/use-t';
import { globalId } from '../admin/global-id';
import { useAuditActionText, useOutcomeText } from './audit-action-text';

type AuditEvent = AuditEventsQuery['auditEvents']['nodes'][number];
type Objects = Map<string, NonNullable<AuditObjectsQuery['nodes'][number]>>;

/** The page an event's object lives on, by the kind of object its action names; null when it has none. */
export function targetLink(event: AuditEvent, objects: Objects): { to: string; what: MessageKey } | null {
  const raw = event.targetId;
  if (!raw) return null;
  const kind = event.action.split('.')[0];
  switch (kind) {
    case 'challenge':
      return { to: `/challenges/${globalId('Challenge', raw)}`, what: 'audit.targetChallenge' };
    case 'submission': {
      const submission = objects.get(globalId('Submission', raw));
      const challenge = submission?.__typename === 'Submission' ? submission.challenge : null;
      return challenge ? { to: `/challenges/${challenge.id}`, what: 'audit.targetSubmission' } : null;
    }
    case 'organization':
      return { to: `/organization?id=${globalId('Organization', raw)}`, what: 'audit.targetOrganization' };
    case 'plugin':
      return { to: `/admin/plugins/${encodeURIComponent(raw)}`, what: 'audit.targetPlugin' };
    case 'dataConnection':
      return { to: `/data/${globalId('DataConnection', raw)}`, what: 'audit.targetDataConnection' };
    case 'service':
      return { to: `/admin/services#service-${raw}`, what: 'audit.targetService' };
    default:
      return null;
  }
}

/** The trail as people read it: when (KST), what happened, how it ended, who, and a link to the object. */
export function AuditTable({ events, objects, admin }: { events: AuditEvent[]; objects: Objects; admin: boolean }) {
  const { t, i18n } = useT();
  const actionText = useAuditActionText();
  const outcomeText = useOutcomeText();
  return (
    <div className="maru-table-scroll" role="region" aria-label={t('audit.table')} tabIndex={0}>
      <table className="maru-table audit-table">
        <caption>{t('audit.table')}</caption>
        <thead>
          <tr>
            <th scope="col" className="maru-table__number">
              {t('audit.seq')}
            </th>
            <th scope="col">{t('audit.at')}</th>
            <th scope="col">{t('audit.what')}</th>
            <th scope="col">{t('audit.result')}</th>
            <th scope="col">{t('audit.by')}</th>
            <th scope="col">{t('audit.target')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => {
            const actor = event.actorMemberId ? objects.get(event.actorMemberId) : null;
            const link = targetLink(event, objects);
            const linkable = link && (admin || !link.to.startsWith('/admin'));
            return (
              <tr key={event.id}>
                <td className="maru-table__number">{event.seq}</td>
                <td>
                  <KoreanTime value={event.at} />
                </td>
                <th scope="row">
                  {actionText(event.action)}
                  <br />
                  <span className="muted">
                    {t('audit.rawAction')} <code className="maru-code">{event.action}</code>
                  </span>
                </th>
                <td>
                  {event.outcome === 'SUCCESS' ? (
                    <span className="maru-badge maru-badge--success">{t('audit.done')}</span>
                  ) : (
                    <span className="audit-refused">{outcomeText(event.outcome)}</span>
                  )}
                </td>
                <td>
                  {actor && actor.__typename === 'Member'
                    ? `${actor.name} (${actor.organization.name})`
                    : event.actorMemberId
                      ? t('audit.member')
                      : t('audit.system')}
                </td>
                <td>
                  {linkable ? (
                    <Link to={link.to}>{t('audit.open', { what: t(link.what) })}</Link>
                  ) : (
                    (event.targetId ?? '—')
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
