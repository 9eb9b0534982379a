import { useEffect, useState } from 'react';
import type { TypedDocumentString } from '../../gql/graphql';
import { GraphqlRequestError, graphqlRequest } from '../../graphql/client';
import { useQuery } from '../../graphql/use-query';

interface Page<N> {
  totalCount: number;
  pageInfo: { endCursor?: string | null; hasNextPage: boolean };
  nodes: N[];
}

/** The first page of a connection from `useQuery`, plus "load more" pages appended after it. */
export function useLoadMore<TResult, TVariables extends { after?: string | null }, N>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  pick: (data: TResult) => Page<N>,
) {
  const first = useQuery(document, variables);
  const [more, setMore] = useState<{ nodes: N[]; pageInfo: Page<N>['pageInfo'] } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<GraphqlRequestError | null>(null);
  useEffect(() => setMore(null), [first.data]);
  const page = first.data ? pick(first.data) : null;
  const pageInfo = more?.pageInfo ?? page?.pageInfo;
  const loadMore = () => {
    if (!pageInfo?.endCursor) return;
    setLoadingMore(true);
    graphqlRequest(document, { ...variables, after: pageInfo.endCursor })
      .then((data) => {
        const next = pick(data);
        setMore((previous) => ({ nodes: [...(previous?.nodes ?? []), ...next.nodes], pageInfo: next.pageInfo }));
      })
      .catch((caught: unknown) =>
        setError(caught instanceof GraphqlRequestError ? caught : new GraphqlRequestError('INTERNAL', String(caught))),
      )
      .finally(() => setLoadingMore(false));
  };
  return {
    nodes: [...(page?.nodes ?? []), ...(more?.nodes ?? [])],
    totalCount: page?.totalCount ?? null,
    hasNextPage: pageInfo?.hasNextPage ?? false,
    loading: first.loading || loadingMore,
    error: first.error ?? error,
    reload: first.reload,
    loadMore,
  };
}
