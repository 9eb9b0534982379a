import type { FormError } from '@maru/ui';
import { explainError } from '../i18n/use-error-text';
import type { GraphqlRequestError } from './client';

/** The page's language: i18n keeps `<html lang>` in step with the language switch (English outside a browser). */
const pageLanguage = () => (typeof document === 'undefined' ? 'en' : document.documentElement.lang || 'en');

/**
 * A hub refusal as a line of text for people, for a list's or page's error state: in the page's language, with its
 * code (never the hub's English message).
 */
export function toErrorText(error: Pick<GraphqlRequestError, 'code'>, language?: string): string;
export function toErrorText(error: Pick<GraphqlRequestError, 'code'> | null, language?: string): string | null;
export function toErrorText(
  error: Pick<GraphqlRequestError, 'code'> | null,
  language: string = pageLanguage(),
): string | null {
  return error ? explainError(error, language) : null;
}

/**
 * A hub refusal as @maru/ui's forms show it: in people's words in the page's language, with its code (never the
 * hub's English message), and the field it names.
 */
export function toFormError(error: GraphqlRequestError | null, language: string = pageLanguage()): FormError | null {
  if (!error) return null;
  return { message: explainError(error, language), ...(error.field ? { field: error.field } : {}) };
}
