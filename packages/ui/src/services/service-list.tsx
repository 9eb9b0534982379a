import { useTranslation } from 'react-i18next';
import { ItemList, type ListProps } from '../common/item-list';
import type { LinkRenderer } from '../common/link';
import { ServiceCard, type ServiceSummary } from './service-card';

export interface ServiceListProps extends ListProps {
  services: ServiceSummary[];
  hrefFor?: (service: ServiceSummary) => string;
  renderLink?: LinkRenderer;
  headingLevel?: 2 | 3 | 4;
}

/** The shared services catalogue as cards, with its loading, error and empty states. */
export function ServiceList({ services, hrefFor, renderLink, headingLevel, ...list }: ServiceListProps) {
  const { t } = useTranslation('maru-ui');
  return (
    <ItemList
      {...list}
      items={services}
      itemKey={(service) => service.key}
      label={t('service.listLabel')}
      defaultEmptyMessage={t('service.empty')}
      renderItem={(service) => (
        <ServiceCard
          service={service}
          {...(hrefFor ? { href: hrefFor(service) } : {})}
          renderLink={renderLink}
          headingLevel={headingLevel}
        />
      )}
    />
  );
}
