import { ServiceCard, StatusBadge } from '@maru/ui';
import { Link } from 'react-router';
import type { ServiceCatalogueQuery, ServiceGrantStatus } from '../../gql/graphql';
import { useT } from '../../i18n/use-t';
import { RequestServiceAccess } from './request-service-access';

type Service = ServiceCatalogueQuery['services']['nodes'][number];

/** A shared service's card, with the data it uses, the challenge it came from, and an access request. */
export function ServiceEntry({
  service,
  highlighted,
  grantStatus,
}: {
  service: Service;
  highlighted: boolean;
  grantStatus: ServiceGrantStatus | null;
}) {
  const { t } = useT();
  return (
    <div id={`service-${service.key}`} tabIndex={-1} className={highlighted ? 'entry entry--highlighted' : 'entry'}>
      <ServiceCard
        service={service}
        headingLevel={2}
        actions={
          <>
            {service.dataConnections.length ? (
              <p className="muted">
                {t('services.usesData')}{' '}
                {service.dataConnections.map((connection, index) => (
                  <span key={connection.id}>
                    {index ? ', ' : ''}
                    <Link to={`/data/${encodeURIComponent(connection.id)}`}>{connection.name}</Link>
                  </span>
                ))}
              </p>
            ) : null}
            {service.challenge ? (
              <p className="muted">
                {t('services.fromChallenge')}{' '}
                <Link to={`/challenges/${service.challenge.id}`}>{service.challenge.title}</Link>
              </p>
            ) : null}
            {grantStatus ? (
              <p className="muted">
                {t('services.yourAccess')} <StatusBadge kind="serviceGrant" status={grantStatus} />
              </p>
            ) : (
              <RequestServiceAccess serviceKey={service.key} serviceName={service.name} />
            )}
          </>
        }
      />
    </div>
  );
}
