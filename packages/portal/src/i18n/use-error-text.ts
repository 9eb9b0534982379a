import { useCallback } from 'react';
import type { GraphqlRequestError } from '../graphql/client';
import type { en } from './en';
import { useT, type MessageKey } from './use-t';

export type ExplainedCode = keyof (typeof en)['errorCode'];

/** Whether the portal has people's words for `code`. */
function isExplained(code: string, texts: Record<string, unknown>): code is ExplainedCode {
  return Object.prototype.hasOwnProperty.call(texts, code);
}

/**
 * A hub refusal in people's words (Korean or English) when the portal knows its code — what happened and what
 * to do — else the hub's own message; the code follows in brackets either way, for whoever helps.
 */
export function useErrorText(): (error: Pick<GraphqlRequestError, 'code' | 'message'> | string) => string {
  const { t, i18n } = useT();
  return useCallback(
    (error) => {
      const code = typeof error === 'string' ? error : error.code;
      const texts =
        (i18n.getResourceBundle(i18n.language, 'portal') as { errorCode?: Record<string, unknown> })?.errorCode ?? {};
      if (isExplained(code, texts)) return `${t(`errorCode.${code}` as MessageKey)} (${code})`;
      return typeof error === 'string' ? t('errorCode.unknown', { code }) : `${error.message} (${code})`;
    },
    [t, i18n],
  );
}
