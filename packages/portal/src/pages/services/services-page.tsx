import { AsyncState } from '@maru/ui';
import { graphql } from '../../gql';
import { useLoadMore } from '../challenges/use-load-more';
import { useSession } from '../../auth/session';
import { useQuery } from '../../graphql/use-query';
import { useT } from '../../i18n/use-t';
import { useFocusParam } from '../../layout/use-focus-param';
import { usePageTitle } from '../../layout/use-page-title';
import { ServiceEntry } from './service-entry';
import { toErrorText } from '../../graphql/form-error';

export const ServiceCatalogueDocument = graphql(`
  query ServiceCatalogue($after: String, $lang: String) {
    services(first: 50, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        key
        name(lang: $lang)
        description(lang: $lang)
        category
        status
        source
        operations {
          name
          kind
          description(lang: $lang)
        }
        plugin {
          name
          version
          publisher
        }
        dataConnections {
          id
          name
        }
        challenge {
          id
          title
        }
      }
    }
  }
`);

const OwnGrantsDocument = graphql(`
  query OwnGrants {
    serviceGrants(first: 50) {
      nodes {
        id
        status
        consumer {
          id
        }
        service {
          key
        }
      }
    }
  }
`);

/** The shared services catalogue, in the reader's language: public to browse; calling a service needs an API key and an access grant. */
export function ServicesPage() {
  const { t, i18n } = useT();
  usePageTitle(t('services.title'));
  // Each service's name and description in the reader's language, when its provider gave one.
  const lang = i18n.resolvedLanguage ?? i18n.language;
  const page = useLoadMore(ServiceCatalogueDocument, { lang }, (data) => data.services);
  const services = page.nodes;
  const focus = useFocusParam('service-', services.length > 0);
  const { viewer, hasRole } = useSession();
  // Organization admins see where their organization stands instead of a request form.
  const grants = useQuery(OwnGrantsDocument, undefined, { skip: !hasRole('COMPANY_ADMIN', 'AGENCY_ADMIN') });
  const grantOf = (key: string) =>
    grants.data?.serviceGrants.nodes.find(
      (g) =>
        g.service?.key === key &&
        g.consumer.id === viewer?.organization.id &&
        (g.status === 'ACTIVE' || g.status === 'REQUESTED'),
    )?.status ?? null;
  return (
    <div className="page">
      <h1>{t('services.title')}</h1>
      <p className="maru-lead">{t('services.intro')}</p>
      <AsyncState
        loading={page.loading && services.length === 0}
        error={toErrorText(page.error)}
        onRetry={page.reload}
        empty={services.length === 0}
        emptyMessage={t('services.empty')}
      >
        <p className="muted">{t('services.count', { count: page.totalCount ?? 0 })}</p>
        <ul className="maru-grid plain-list">
          {services.map((service) => (
            <li key={service.id}>
              <ServiceEntry service={service} highlighted={focus === service.key} grantStatus={grantOf(service.key)} />
            </li>
          ))}
        </ul>
        {page.hasNextPage ? (
          <button
            type="button"
            className="maru-button maru-button--secondary"
            onClick={page.loadMore}
            disabled={page.loading}
          >
            {t('common.loadMore')}
          </button>
        ) : null}
      </AsyncState>
    </div>
  );
}
