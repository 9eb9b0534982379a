import { useCallback } from 'react';
import type { GraphqlRequestError } from '../graphql/client';
import { errorCode as en } from './en/error-code';
import { errorCode as ko } from './ko/error-code';
import { useT } from './use-t';

export type ExplainedCode = keyof typeof en;

/** A refusal as the portal explains it: the hub's `extensions.code` (or NETWORK), or the error carrying it. */
export type Refusal = Pick<GraphqlRequestError, 'code'> | string;

const TEXTS: Record<string, Record<string, string>> = { en, ko };
/** Keys of the texts that are not codes. */
const NOT_CODES = new Set(['unknown', 'pluginRefusal']);

/**
 * People's words (Korean or English) for a hub's error code: what happened and what to do. A plugin's own code
 * (`PLUGIN_<PLUGIN>_<CODE>`) gets the words for a service's refusal; a code the portal does not know yet gets a
 * general apology. The hub's own message is never used: it is English, for developers.
 */
export function explainCode(code: string, language: string): string {
  const texts: Record<string, string> = TEXTS[language.split('-')[0]!] ?? en;
  if (Object.hasOwn(texts, code) && !NOT_CODES.has(code)) return texts[code]!;
  return code.startsWith('PLUGIN_') ? texts.pluginRefusal! : texts.unknown!;
}

/** A refusal in people's words, its code after it in brackets for whoever helps: "… (FORBIDDEN)". */
export function explainError(error: Refusal, language: string): string {
  const code = typeof error === 'string' ? error : error.code;
  return `${explainCode(code, language)} (${code})`;
}

/** {@link explainError} in the current language, for components. */
export function useErrorText(): (error: Refusal) => string {
  const { i18n } = useT();
  const language = i18n.language;
  return useCallback((error) => explainError(error, language), [language]);
}
