import type { TypedDocumentString } from '../gql/graphql';

/** The cookie the hub sets beside the httpOnly session cookie: its value goes back as {@link CSRF_HEADER}. */
export const CSRF_COOKIE = 'maru_csrf';
/** The header a cookie-authenticated request carries to show it comes from a page of this origin. */
export const CSRF_HEADER = 'x-maru-csrf';

/** Fired on `window` when the hub refuses a request because this browser's session is over (detail: the code). */
export const SESSION_ENDED_EVENT = 'maru:session-ended';
const SESSION_ENDED = new Set(['SESSION_EXPIRED', 'CSRF_TOKEN_INVALID', 'MEMBER_DISABLED']);

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

/** The value of the `maru_csrf` cookie, when the hub has set one (a session is open). */
export function csrfToken(cookies: string = document.cookie): string | null {
  for (const pair of cookies.split(';')) {
    const [name, ...value] = pair.trim().split('=');
    if (name === CSRF_COOKIE && value.length) return decodeURIComponent(value.join('='));
  }
  return null;
}

/** The headers of every request to the hub: JSON, plus the CSRF token when a session is open. */
export function hubHeaders(): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
  };
  const token = csrfToken();
  if (token) headers[CSRF_HEADER] = token;
  return headers;
}

interface GraphqlResponse<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; field?: string } }>;
}

export interface RequestOptions {
  /** Return the data even when some fields failed (e.g. a FORBIDDEN `panel`), as long as there is data. */
  partial?: boolean;
  /**
   * A token to send as `Authorization: Bearer …` instead of speaking as the browser's session — a person's subject
   * key (`msk_…`) on their own data page. The hub reads the header before any cookie.
   */
  bearer?: string;
}

/**
 * Sends a typed operation to `/graphql` on this origin. The session travels as the hub's httpOnly cookie
 * (`credentials: 'same-origin'`) with the CSRF header; no key is ever kept in the browser. Throws a
 * {@link GraphqlRequestError} carrying the hub's first error code and message.
 */
export async function graphqlRequest<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables?: TVariables,
  options: RequestOptions = {},
): Promise<TResult> {
  const send = async (payload: Record<string, unknown>): Promise<GraphqlResponse<TResult>> => {
    try {
      const response = await fetch('/graphql', {
        method: 'POST',
        credentials: 'same-origin',
        ...requestBody(payload, (variables ?? {}) as Record<string, unknown>, options.bearer),
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
  const code = first?.extensions?.code;
  // The session provider listens: it clears the dead cookies and says why the member is signed out.
  if (code && SESSION_ENDED.has(code)) window.dispatchEvent(new CustomEvent(SESSION_ENDED_EVENT, { detail: code }));
  if (first && !(options.partial && body.data))
    throw new GraphqlRequestError(first.extensions?.code ?? 'INTERNAL', first.message, first.extensions?.field);
  if (!body.data) throw new GraphqlRequestError('INTERNAL', 'The hub answered without data.');
  return body.data;
}

/**
 * A JSON body, or — when a variable is a `File` — a GraphQL multipart request (operations, map, the files), whose
 * content type the browser sets with its boundary.
 */
function requestBody(payload: Record<string, unknown>, variables: Record<string, unknown>, bearer?: string) {
  const headers = hubHeaders();
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  const files = Object.entries(variables).filter((entry): entry is [string, File] => entry[1] instanceof File);
  if (!files.length) return { headers, body: JSON.stringify({ ...payload, variables }) };
  delete headers['content-type'];
  const form = new FormData();
  const nulled = Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, v instanceof File ? null : v]));
  form.set('operations', JSON.stringify({ ...payload, variables: nulled }));
  form.set('map', JSON.stringify(Object.fromEntries(files.map(([name], i) => [String(i), [`variables.${name}`]]))));
  files.forEach(([, file], i) => form.set(String(i), file, file.name));
  return { headers, body: form };
}
