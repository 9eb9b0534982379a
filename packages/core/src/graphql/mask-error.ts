import { GraphQLError } from 'graphql';
import { isMaruError } from '../errors.js';

export interface MaskErrorOptions {
  /** Receives every unexpected error, with its stack, for the server log. */
  onUnexpected(error: unknown, requestId: string | undefined): void;
}

// Duck-typed, not `instanceof`: graphql ships as ESM and CJS, and a test
// runner may load both copies, so an error may come from the other copy.
function isGraphQLError(value: unknown): value is GraphQLError {
  return value instanceof Error && 'extensions' in value && 'path' in value && 'locations' in value;
}

function original(error: unknown): unknown {
  let current = error;
  while (isGraphQLError(current) && current.originalError && current.originalError !== current)
    current = current.originalError;
  return current;
}

/**
 * yoga's `maskError`: known errors keep their message and get their code;
 * anything else becomes INTERNAL with a generic message — no stack, no
 * database text — and goes to the log with the request id.
 */
export function createMaskError(options: MaskErrorOptions) {
  return (error: unknown, _message: string, _isDev?: boolean): Error => {
    const cause = original(error);
    const located = isGraphQLError(error) ? error : undefined;
    if (isMaruError(cause)) {
      return new GraphQLError(cause.message, {
        nodes: located?.nodes,
        path: located?.path,
        extensions: { code: cause.code, ...cause.extensions },
      });
    }
    if (isGraphQLError(cause) && cause.extensions?.code && !cause.originalError) return withoutInternals(cause);
    const requestId = (located?.extensions?.requestId as string | undefined) ?? undefined;
    options.onUnexpected(cause, requestId);
    return new GraphQLError('Unexpected error. It was logged; retry later or report the request id to the operator.', {
      nodes: located?.nodes,
      path: located?.path,
      extensions: { code: 'INTERNAL' },
    });
  };
}

/**
 * A coded error raised outside the resolvers (yoga's request checks) as the client sees it: never the text of the
 * error behind it (yoga puts a JSON parser's message in `extensions.originalError`), and a malformed request is 400
 * whatever the client accepts (yoga marks some `spec`, which makes them 200 for `application/json`). Changed in
 * place: yoga logs every error its masker replaces, and a client's mistake is no error of the hub's.
 */
function withoutInternals(error: GraphQLError): GraphQLError {
  const extensions = error.extensions as Record<string, unknown>;
  delete extensions.originalError;
  if (extensions.code === 'BAD_REQUEST') extensions.http = { ...(extensions.http as object), spec: false, status: 400 };
  return error;
}
