import { useCallback, useState } from 'react';
import type { TypedDocumentString } from '../gql/graphql';
import { GraphqlRequestError, graphqlRequest } from './client';

export interface MutationState<TResult, TVariables> {
  run: (variables: TVariables) => Promise<TResult | null>;
  running: boolean;
  error: GraphqlRequestError | null;
}

/** A typed mutation: `run` resolves to the result, or to null after storing the error for the form to show. */
export function useMutation<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
): MutationState<TResult, TVariables> {
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<GraphqlRequestError | null>(null);
  const run = useCallback(
    async (variables: TVariables) => {
      setRunning(true);
      setError(null);
      try {
        return await graphqlRequest(document, variables);
      } catch (caught) {
        setError(caught instanceof GraphqlRequestError ? caught : new GraphqlRequestError('INTERNAL', String(caught)));
        return null;
      } finally {
        setRunning(false);
      }
    },
    [document],
  );
  return { run, running, error };
}
