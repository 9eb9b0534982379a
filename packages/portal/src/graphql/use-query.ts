import { useCallback, useEffect, useState } from 'react';
import type { TypedDocumentString } from '../gql/graphql';
import { GraphqlRequestError, graphqlRequest, type RequestOptions } from './client';

export interface QueryState<T> {
  data: T | null;
  loading: boolean;
  error: GraphqlRequestError | null;
  /** Fetch again, keeping the current data on screen meanwhile. */
  reload: () => void;
}

/** Runs a typed query when the component mounts and whenever its variables change. */
export function useQuery<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables?: TVariables,
  options?: RequestOptions & { skip?: boolean },
): QueryState<TResult> {
  const [data, setData] = useState<TResult | null>(null);
  const [error, setError] = useState<GraphqlRequestError | null>(null);
  const [loading, setLoading] = useState(!options?.skip);
  const [round, setRound] = useState(0);
  const key = JSON.stringify(variables ?? {});
  const skip = options?.skip ?? false;
  const partial = options?.partial ?? false;
  const bearer = options?.bearer;
  useEffect(() => {
    if (skip) return;
    let current = true;
    setLoading(true);
    graphqlRequest(document, JSON.parse(key) as TVariables, { partial, ...(bearer ? { bearer } : {}) })
      .then((result) => {
        if (!current) return;
        setData(result);
        setError(null);
      })
      .catch((caught: unknown) => {
        if (!current) return;
        setError(caught instanceof GraphqlRequestError ? caught : new GraphqlRequestError('INTERNAL', String(caught)));
      })
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [document, key, round, skip, partial, bearer]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data, loading, error, reload };
}
