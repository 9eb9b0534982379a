import type { FormError } from '@maru/ui';
import { useCallback } from 'react';
import type { GraphqlRequestError } from '../../graphql/client';
import { useErrorText } from '../../i18n/use-error-text';

/** A hub refusal as a form shows it, in people's words (its code mapped), with the field it names. */
export function useRefusal(): (error: GraphqlRequestError | null) => FormError | null {
  const explain = useErrorText();
  return useCallback(
    (error) => (error ? { message: explain(error), ...(error.field ? { field: error.field } : {}) } : null),
    [explain],
  );
}
