import { useCallback, useState } from 'react';
import type { TypedDocumentString } from '../gql/graphql';
import { GraphqlRequestError, graphqlRequest, type RequestOptions } from './client';

export interface MutationState<TResult, TVariables> {
  run: (variables: TVariables) => Promise<TResult | null>;
  running: boolean;
  error: GraphqlRequestError | null;
}

/** A typed mutation: `run` resolves to the result, or to null after storing the error for the form to show. */
export function useMutation<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  /** e.g. `bearer`: a person's subject key instead of the session. */
  options?: Pick<RequestOptions, 'bearer'>,
): MutationState<TResult, TVariables> {
  const bearer = options?.bearer;
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<GraphqlRequestError | null>(null);
  const run = useCallback(
    async (variables: TVariables) => {
      setRunning(true);
      setError(null);
      try {
        return await graphqlRequest(document, variables, bearer ? { bearer } : {});
      } catch (caught) {
        setError(caught instanceof GraphqlRequestError ? caught : new GraphqlRequestError('INTERNAL', String(caught)));
        return null;
      } finally {
        setRunning(false);
      }
    },
    [document, bearer],
  );
  return { run, running, error };
}
