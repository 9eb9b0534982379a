import type { TypedDocumentString } from '../gql/graphql';

/** Where the API key of this browser tab is kept (cleared when the tab closes). */
export const API_KEY_STORAGE = 'maru.apiKey';

/** A refusal from the hub (its `extensions.code`) or a network failure (`NETWORK`). */
export class GraphqlRequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** The argument the hub found wrong (`extensions.field` of BAD_USER_INPUT). */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'GraphqlRequestError';
  }
}

interface GraphqlResponse<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; field?: string } }>;
}

export interface RequestOptions {
  /** Return the data even when some fields failed (e.g. a FORBIDDEN `panel`), as long as there is data. */
  partial?: boolean;
}

/**
 * Sends a typed operation to `/graphql` on this origin, with the API key from
 * sessionStorage. Throws a {@link GraphqlRequestError} carrying the hub's first
 * error code and message.
 */
export async function graphqlRequest<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables?: TVariables,
  options: RequestOptions = {},
): Promise<TResult> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
  };
  const key = sessionStorage.getItem(API_KEY_STORAGE);
  if (key) headers.authorization = `Bearer ${key}`;
  const send = async (payload: Record<string, unknown>): Promise<GraphqlResponse<TResult>> => {
    try {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers,
        body: JSON.stringify({ ...payload, variables: variables ?? {} }),
      });
      return (await response.json()) as GraphqlResponse<TResult>;
    } catch (error) {
      throw new GraphqlRequestError('NETWORK', error instanceof Error ? error.message : String(error));
    }
  };
  // Operations go by the hash codegen gave them (a trusted document of the hub that serves this
  // build); a hub that does not know the hash says so, and the text goes instead.
  const hash = (document as { __meta__?: { hash?: string } }).__meta__?.hash?.replace(/^sha256:/, '');
  let body = hash ? await send({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }) : null;
  if (!body || body.errors?.[0]?.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND')
    body = await send({ query: document.toString() });
  const first = body.errors?.[0];
  if (first && !(options.partial && body.data))
    throw new GraphqlRequestError(first.extensions?.code ?? 'INTERNAL', first.message, first.extensions?.field);
  if (!body.data) throw new GraphqlRequestError('INTERNAL', 'The hub answered without data.');
  return body.data;
}
