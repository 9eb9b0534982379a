import { builder } from '../graphql/builder.js';
import {
  POLICY_KINDS,
  SITE_LANGUAGES,
  type PolicyKind,
  type PolicyPage,
  type SiteLanguage,
  type SiteOperator,
  type SiteOptions,
  type SiteText,
} from './model.js';

const upper = <T extends string>(values: readonly T[]) => values.map((value) => value.toUpperCase());

const SiteLanguageEnum = builder.enumType('SiteLanguage', {
  description: "A language the site's own texts (operator, policy pages) are written in: Korean (KO) or English (EN).",
  values: upper(SITE_LANGUAGES),
});

const PolicyKindEnum = builder.enumType('PolicyKind', {
  description:
    'A policy page of the site (KRDS footer): PRIVACY (개인정보처리방침), TERMS (이용약관), COPYRIGHT (저작권정책), ' +
    'ACCESSIBILITY (웹 접근성).',
  values: upper(POLICY_KINDS),
});

const SitePhaseEnum = builder.enumType('SitePhase', {
  description:
    'DEMO: demo data and demo sign-in are on (nothing is real); BETA: the operator is still trying the service out; ' +
    'LIVE: in service. A portal shows a phase banner for DEMO and BETA.',
  values: ['DEMO', 'BETA', 'LIVE'] as const,
});

interface SiteView {
  options: SiteOptions;
  language: SiteLanguage;
}

/** The text in `language`, else in Korean. */
const pick = (text: SiteText | null | undefined, language: SiteLanguage): string | null =>
  text ? (language === 'en' && text.en ? text.en : text.ko) : null;

/** The page of `kind` in `language`, else in the other language (its `language` says which). */
function policyOf(options: SiteOptions, kind: PolicyKind, language: SiteLanguage): PolicyPage | null {
  const pages = options.policies.filter((page) => page.kind === kind);
  return pages.find((page) => page.language === language) ?? pages[0] ?? null;
}

const SiteOperatorRef = builder
  .objectRef<{ operator: SiteOperator; language: SiteLanguage }>('SiteOperator')
  .implement({
    description: 'The agency or company that runs this hub (KRDS 운영기관 식별자), in the language asked for.',
    fields: (t) => ({
      name: t.string({ resolve: ({ operator, language }) => pick(operator.name, language)! }),
      address: t.string({ nullable: true, resolve: ({ operator, language }) => pick(operator.address, language) }),
      contact: t.string({
        nullable: true,
        description: 'A phone number, an e-mail address or both, as the operator wrote it.',
        resolve: ({ operator }) => operator.contact ?? null,
      }),
      url: t.string({
        nullable: true,
        description: "The operator's own website.",
        resolve: ({ operator }) => operator.url ?? null,
      }),
    }),
  });

const SitePolicyRef = builder.objectRef<PolicyPage>('SitePolicy').implement({
  description: 'A policy page the operator configured (a Markdown file of `MARU_POLICIES_DIR`).',
  fields: (t) => ({
    kind: t.field({ type: PolicyKindEnum, resolve: (page) => page.kind.toUpperCase() }),
    language: t.field({
      type: SiteLanguageEnum,
      description: 'The language it is written in: the one asked for, or the other when only that one exists.',
      resolve: (page) => page.language.toUpperCase(),
    }),
    title: t.exposeString('title'),
    body: t.exposeString('body', { description: 'The page as CommonMark, without its title heading.' }),
  }),
});

const SiteRef = builder.objectRef<SiteView>('Site').implement({
  description: "The site's own identity: who runs it, its policy pages and its phase. Public.",
  fields: (t) => ({
    phase: t.field({
      type: SitePhaseEnum,
      resolve: ({ options }) => options.phase.toUpperCase() as 'DEMO' | 'BETA' | 'LIVE',
    }),
    operator: t.field({
      type: SiteOperatorRef,
      nullable: true,
      description: 'Null when the operator has not configured one (`MARU_OPERATOR_NAME`).',
      resolve: ({ options, language }) => (options.operator ? { operator: options.operator, language } : null),
    }),
    policies: t.field({
      type: [SitePolicyRef],
      description: 'The configured policy pages, in the order a footer lists them (privacy first).',
      resolve: ({ options, language }) =>
        POLICY_KINDS.map((kind) => policyOf(options, kind, language)).filter((page) => page !== null),
    }),
    policy: t.field({
      type: SitePolicyRef,
      nullable: true,
      description: 'One policy page; null when the operator has not configured it.',
      args: { kind: t.arg({ type: PolicyKindEnum, required: true }) },
      resolve: ({ options, language }, args) => policyOf(options, args.kind.toLowerCase() as PolicyKind, language),
    }),
  }),
});

/** The site's settings when the hub gave none: a live site without operator or policies. */
const NO_SITE: SiteOptions = { phase: 'live', operator: null, policies: [] };

builder.queryFields((t) => ({
  site: t.field({
    type: SiteRef,
    description:
      "The site's identity (operator, policy pages, phase) for a portal's banner, identifier and footer. Public.",
    args: {
      language: t.arg({
        type: SiteLanguageEnum,
        defaultValue: 'KO',
        required: true,
        description: 'The language of the texts; a text missing in English comes in Korean.',
      }),
    },
    resolve: (_root, args, ctx) => {
      const options = ctx.features.site ?? NO_SITE;
      // A demo hub always says so, whatever phase was configured.
      const phase = ctx.features.demoLogin ? 'demo' : options.phase;
      return { options: { ...options, phase }, language: args.language.toLowerCase() as SiteLanguage };
    },
  }),
}));
