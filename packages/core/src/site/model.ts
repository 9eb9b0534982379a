/** The languages the site's own texts (operator, policies) come in; Korean first. */
export const SITE_LANGUAGES = ['ko', 'en'] as const;
export type SiteLanguage = (typeof SITE_LANGUAGES)[number];

/** The policy pages a Korean government site links from its footer (KRDS). */
export const POLICY_KINDS = ['privacy', 'terms', 'copyright', 'accessibility'] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

/**
 * What the site shows of itself: `demo` while demo data and demo sign-in are on, `beta` while the operator says the
 * service is being tried out, `live` otherwise. A portal shows a phase banner for the first two.
 */
export type SitePhase = 'demo' | 'beta' | 'live';

/** A text in Korean and, when given, English. */
export interface SiteText {
  ko: string;
  en?: string | null;
}

/** One policy page in one language: its title (the Markdown file's first heading) and its Markdown body. */
export interface PolicyPage {
  kind: PolicyKind;
  language: SiteLanguage;
  title: string;
  body: string;
}

/** The agency (or company) that runs this hub, as its site identifies it (KRDS's 운영기관 식별자 and footer). */
export interface SiteOperator {
  name: SiteText;
  /** Postal address. */
  address?: SiteText | null;
  /** How people reach the operator about the service: a phone number, an e-mail address or both. */
  contact?: string | null;
  /** The operator's own website. */
  url?: string | null;
}

/** The site's identity, from the hub's settings (`MARU_OPERATOR_*`, `MARU_POLICIES_DIR`, `MARU_SITE_PHASE`). */
export interface SiteOptions {
  phase: SitePhase;
  /** Null when the operator has not said who they are (the portal then names the hub only). */
  operator: SiteOperator | null;
  policies: readonly PolicyPage[];
}
