import type { FormError } from '@maru/ui';
import type { GraphqlRequestError } from './client';

/** A hub refusal as @maru/ui's forms show it: the hub's message with its code, and the field it names. */
export function toFormError(error: GraphqlRequestError | null): FormError | null {
  if (!error) return null;
  return { message: `${error.message} (${error.code})`, ...(error.field ? { field: error.field } : {}) };
}
