import type { ServiceRecord } from './model.js';

/**
 * A service's name or description in the language asked for: the exact tag
 * (`ko-KR`), then its language (`ko`), then the service's own text.
 */
export function serviceText(service: ServiceRecord, field: 'name' | 'description', lang?: string | null): string {
  return inLanguage(service, lang, (texts) => texts[field]) ?? service[field];
}

/** An operation's description in the language asked for (same order); null when the provider gave none there. */
export function operationText(service: ServiceRecord, operation: string, lang?: string | null): string | null {
  return inLanguage(service, lang, (texts) => texts.operations?.[operation]) ?? null;
}

type Texts = NonNullable<ServiceRecord['i18n']>[string];

function inLanguage(
  service: ServiceRecord,
  lang: string | null | undefined,
  pick: (texts: Texts) => string | undefined,
) {
  if (!lang) return undefined;
  const texts = Object.entries(service.i18n ?? {});
  const wanted = lang.trim().toLowerCase();
  const exact = texts.find(([tag]) => tag.toLowerCase() === wanted)?.[1];
  const found = exact ? pick(exact) : undefined;
  if (found) return found;
  const primary = texts.find(([tag]) => tag.toLowerCase() === wanted.split('-')[0])?.[1];
  return primary ? pick(primary) : undefined;
}

/** The languages a service has its own texts in, e.g. `['en', 'ko']`. */
export function serviceLanguages(service: ServiceRecord): string[] {
  return Object.keys(service.i18n ?? {}).sort();
}
