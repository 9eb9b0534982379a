import type { TypedDocumentString } from '../../gql/graphql';
import { GraphqlRequestError } from '../../graphql/client';

interface GraphqlResponse<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; field?: string } }>;
}

/**
 * Sends an operation with an API key (`Authorization: Bearer …`) instead of the session: the try-it console calls a
 * service's sandbox with the member's TEST key. No cookie goes with it, so the hub acts as the key, not the session.
 */
export async function keyRequest<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  secret: string,
): Promise<TResult> {
  let body: GraphqlResponse<TResult>;
  try {
    const response = await fetch('/graphql', {
      method: 'POST',
      credentials: 'omit',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        authorization: `Bearer ${secret}`,
      },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
    body = (await response.json()) as GraphqlResponse<TResult>;
  } catch (error) {
    throw new GraphqlRequestError('NETWORK', error instanceof Error ? error.message : String(error));
  }
  const first = body.errors?.[0];
  if (first)
    throw new GraphqlRequestError(first.extensions?.code ?? 'INTERNAL', first.message, first.extensions?.field);
  if (!body.data) throw new GraphqlRequestError('INTERNAL', 'The hub answered without data.');
  return body.data;
}
