import { useCallback } from 'react';
import type { GraphqlRequestError } from '../../graphql/client';
import { useErrorText } from '../../i18n/use-error-text';

/**
 * A refusal in people's words: what this screen says about its code when it has its own words (`own`), else the
 * portal's words for the code, else "something went wrong (CODE)" — never the hub's English message.
 */
export function useRefusalText(): (error: GraphqlRequestError, own?: Partial<Record<string, string>>) => string {
  const explain = useErrorText();
  return useCallback(
    (error, own = {}) => {
      const mine = own[error.code];
      return mine ? `${mine} (${error.code})` : explain(error.code);
    },
    [explain],
  );
}
