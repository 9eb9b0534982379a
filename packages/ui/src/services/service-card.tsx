import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MaruLink, type LinkProps } from '../common/link';
import { StatusBadge, type ServiceStatus } from '../common/status-badge';
import { TableScroll } from '../common/table-scroll';
import { Markdown } from '../content/markdown';
import { useUiFormat } from '../i18n/use-ui-format';

/** An operation of a shared service: call a `query` with Query.serviceQuery, a `mutation` with Mutation.serviceMutation. */
export interface ServiceOperation {
  name: string;
  kind: 'query' | 'mutation' | (string & {});
  description?: string | null;
}

/** Metered calls of one UTC day (`ServiceDailyUsage`). */
export interface ServiceDailyUsage {
  /** YYYY-MM-DD, UTC. */
  day: string;
  calls: number;
  failures: number;
}

/** A shared service of the catalogue (`Service`). */
export interface ServiceSummary {
  id: string;
  key: string;
  name: string;
  description: string;
  category: string;
  status: ServiceStatus | (string & {});
  /** PLUGIN or CORE. */
  source: 'PLUGIN' | 'CORE' | (string & {});
  operations: ServiceOperation[];
  /** The plugin providing it. */
  plugin?: { name: string; version: string; publisher: string } | null;
  /** Platform admins only: calls per day over the last 30 days, newest first. */
  dailyUsage?: ServiceDailyUsage[] | null;
}

export interface ServiceCardProps extends LinkProps {
  service: ServiceSummary;
  headingLevel?: 2 | 3 | 4;
  /** What the viewer may do: request access, change the status… */
  actions?: ReactNode;
}

/** A shared service: status, provider, its operations and, for admins, its usage. */
export function ServiceCard({ service, href, renderLink, headingLevel = 3, actions }: ServiceCardProps) {
  const { t } = useTranslation('maru-ui');
  const format = useUiFormat();
  const Heading = `h${headingLevel}` as const;
  const usage = service.dailyUsage;
  const calls = usage?.reduce((sum, day) => sum + day.calls, 0) ?? 0;
  const failures = usage?.reduce((sum, day) => sum + day.failures, 0) ?? 0;
  return (
    <article className="maru-card maru-service-card">
      <div className="maru-card__meta">
        <StatusBadge kind="service" status={service.status} />
        <span className="maru-tag maru-tag--type">{service.category}</span>
      </div>
      <Heading className="maru-card__title">
        {href ? (
          <MaruLink href={href} renderLink={renderLink} className="maru-card__link">
            {service.name}
          </MaruLink>
        ) : (
          service.name
        )}
      </Heading>
      <p className="maru-card__subtitle">
        {service.plugin
          ? t('service.providedBy', {
              publisher: service.plugin.publisher,
              plugin: service.plugin.name,
              version: service.plugin.version,
            })
          : t('service.providedByHub')}
      </p>
      <Markdown text={service.description} className="maru-card__summary" headingLevel={headingLevel + 1} />
      <dl className="maru-facts">
        <div>
          <dt>{t('service.key')}</dt>
          <dd>
            <code className="maru-code">{service.key}</code>
          </dd>
        </div>
        {usage ? (
          <div>
            <dt>{t('service.usage', { days: usage.length })}</dt>
            <dd>{t('service.calls', { calls: format.number(calls), failures: format.number(failures) })}</dd>
          </div>
        ) : null}
      </dl>
      <p className="maru-card__section-title">{t('service.operations')}</p>
      {service.operations.length ? (
        <ul className="maru-capabilities">
          {service.operations.map((operation) => (
            <li key={operation.name}>
              <code className="maru-code">{operation.name}</code>
              <span className="maru-tag">
                {operation.kind === 'mutation'
                  ? t('service.mutation')
                  : operation.kind === 'query'
                    ? t('service.query')
                    : operation.kind}
              </span>
              {operation.description ? <span className="maru-card__subtitle">{operation.description}</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="maru-card__subtitle">{t('service.noOperations')}</p>
      )}
      {usage?.length ? (
        <details className="maru-details">
          <summary>{t('service.usageByDay')}</summary>
          <TableScroll label={t('service.usageByDay')}>
            <table className="maru-table">
              <thead>
                <tr>
                  <th scope="col">{t('service.day')}</th>
                  <th scope="col" className="maru-table__number">
                    {t('service.callsColumn')}
                  </th>
                  <th scope="col" className="maru-table__number">
                    {t('service.failuresColumn')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {usage.map((day) => (
                  <tr key={day.day}>
                    <th scope="row">{format.day(day.day)}</th>
                    <td className="maru-table__number">{format.number(day.calls)}</td>
                    <td className="maru-table__number">{format.number(day.failures)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </details>
      ) : null}
      {actions ? <div className="maru-card__actions">{actions}</div> : null}
    </article>
  );
}
