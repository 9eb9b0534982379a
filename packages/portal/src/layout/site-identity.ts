import { graphql } from '../gql';
import type { SiteIdentityQuery } from '../gql/graphql';
import { useQuery } from '../graphql/use-query';
import { useT } from '../i18n/use-t';

const SiteIdentityDocument = graphql(`
  query SiteIdentity($language: SiteLanguage!) {
    site(language: $language) {
      phase
      operator {
        name
        address
        contact
        url
      }
      policies {
        kind
        title
      }
    }
  }
`);

export const SitePolicyDocument = graphql(`
  query SitePolicy($language: SiteLanguage!, $kind: PolicyKind!) {
    site(language: $language) {
      policy(kind: $kind) {
        kind
        language
        title
        body
      }
    }
  }
`);

export type SiteIdentity = SiteIdentityQuery['site'];

/** The site's operator, policy pages and phase in the page's language (null until the hub answers). */
export function useSiteIdentity(): SiteIdentity | null {
  const { i18n } = useT();
  const language = i18n.resolvedLanguage === 'en' ? 'EN' : 'KO';
  return useQuery(SiteIdentityDocument, { language }).data?.site ?? null;
}

/** The policy pages' URL slugs, from the schema's kinds. */
export const policyPath = (kind: string) => `/policies/${kind.toLowerCase()}`;
