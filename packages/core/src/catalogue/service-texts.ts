import type { ServiceRecord } from './model.js';

/**
 * A service's name or description in the language asked for: the exact tag
 * (`ko-KR`), then its language (`ko`), then the service's own text.
 */
export function serviceText(service: ServiceRecord, field: 'name' | 'description', lang?: string | null): string {
  const own = service[field];
  if (!lang) return own;
  const texts = service.i18n ?? {};
  const wanted = lang.trim();
  const exact = Object.entries(texts).find(([tag]) => tag.toLowerCase() === wanted.toLowerCase())?.[1]?.[field];
  if (exact) return exact;
  const primary = wanted.split('-')[0]!.toLowerCase();
  return Object.entries(texts).find(([tag]) => tag.toLowerCase() === primary)?.[1]?.[field] ?? own;
}

/** The languages a service has its own texts in, e.g. `['en', 'ko']`. */
export function serviceLanguages(service: ServiceRecord): string[] {
  return Object.keys(service.i18n ?? {}).sort();
}
