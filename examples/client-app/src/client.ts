import type { TypedDocumentString } from './gql/graphql.js';
import { parseEventStream } from './sse.js';

/** What {@link createMaruClient} takes. */
export interface MaruClientOptions {
  /** The hub's GraphQL endpoint, e.g. `http://127.0.0.1:4000/graphql`. */
  url: string;
  /** An API key (`maru_…`), sent as a bearer token; anonymous without one. */
  apiKey?: string;
}

/** One GraphQL error as the hub sends it: always with `extensions.code`. */
export interface MaruGraphQLError {
  message: string;
  path?: Array<string | number>;
  extensions?: { code?: string; field?: string; retryAfter?: number; [key: string]: unknown };
}

/** The hub answered with errors. `code` is the first error's `extensions.code` (see docs/reference/errors.md). */
export class MaruApiError extends Error {
  readonly code: string;
  constructor(
    readonly errors: MaruGraphQLError[],
    readonly status: number,
  ) {
    super(errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; '));
    this.name = 'MaruApiError';
    this.code = errors[0]?.extensions?.code ?? 'UNKNOWN';
  }
}

/** A live subscription: iterate it for results; `close()` ends it (so does leaving a `for await` loop). */
export interface Subscription<T> extends AsyncIterable<T> {
  close(): void;
}

/** A typed client for the hub: queries and mutations over POST, subscriptions over server-sent events. */
export interface MaruClient {
  request<R, V>(document: TypedDocumentString<R, V>, variables?: V): Promise<R>;
  /** Resolves once the hub holds the stream open, so nothing published afterwards is missed. */
  subscribe<R, V>(document: TypedDocumentString<R, V>, variables?: V): Promise<Subscription<R>>;
}

type Payload<R> = { data?: R | null; errors?: MaruGraphQLError[] };

export function createMaruClient(options: MaruClientOptions): MaruClient {
  const headers = (accept: string): Record<string, string> => ({
    'content-type': 'application/json',
    accept,
    ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
  });
  const body = (document: { toString(): string }, variables: unknown) =>
    JSON.stringify({ query: document.toString(), variables: variables ?? {} });

  return {
    async request(document, variables) {
      const response = await fetch(options.url, {
        method: 'POST',
        headers: headers('application/graphql-response+json, application/json'),
        body: body(document, variables),
      });
      const payload = (await response.json()) as Payload<never>;
      if (payload.errors?.length) throw new MaruApiError(payload.errors, response.status);
      if (!payload.data)
        throw new MaruApiError([{ message: `the hub answered ${response.status} without data` }], response.status);
      return payload.data;
    },

    async subscribe<R, V>(document: TypedDocumentString<R, V>, variables?: V) {
      const controller = new AbortController();
      const response = await fetch(options.url, {
        method: 'POST',
        headers: headers('text/event-stream'),
        body: body(document, variables),
        signal: controller.signal,
      });
      if (!response.headers.get('content-type')?.includes('text/event-stream')) {
        // Refused before the stream began (a bad operation, a missing key): a plain GraphQL response.
        const payload = (await response.json()) as Payload<R>;
        throw new MaruApiError(payload.errors ?? [{ message: `the hub answered ${response.status}` }], response.status);
      }
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      // The hub's first chunk (a ping) comes once it listens for events.
      const first = await reader.read();
      async function* chunks() {
        if (!first.done) yield first.value;
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          yield value;
        }
      }
      async function* results(): AsyncGenerator<R> {
        try {
          for await (const event of parseEventStream(chunks())) {
            if (event.event === 'complete') return;
            if (event.event !== 'next') continue;
            const payload = JSON.parse(event.data) as Payload<R>;
            if (payload.errors?.length) throw new MaruApiError(payload.errors, 200);
            yield payload.data!;
          }
        } catch (error) {
          if (!controller.signal.aborted) throw error;
        } finally {
          controller.abort();
        }
      }
      return { [Symbol.asyncIterator]: results, close: () => controller.abort() };
    },
  };
}
