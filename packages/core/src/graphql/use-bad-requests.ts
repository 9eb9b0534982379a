import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** The example a message points to: the shape of a GraphQL request. */
const REQUEST_SHAPE = '{"query": "{ __typename }", "variables": {}}';
const MAP_SHAPE = '{"0": ["variables.file"]}';

/** A client error before any GraphQL ran: 400, BAD_REQUEST, and a message that says what to send instead. */
export function badRequest(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
}

/**
 * Requests that are not GraphQL-over-HTTP requests at all — a body that is not JSON, a GET `variables` or
 * `extensions` parameter that is not JSON, a multipart form whose `operations` or `map` is missing or malformed —
 * are refused with 400 BAD_REQUEST and a message that says what to fix. yoga's parsers throw a bare `SyntaxError`
 * for the GET parameters and uncoded errors for multipart (both reached the masker as INTERNAL, answered 200 and
 * logged as unexpected), and echo the JSON parser's own message in `extensions.originalError` for a bad POST body.
 * This wraps whichever parser yoga chose; it must come after yoga's parsers (user plugins do) and before the body
 * size limit (yoga adds it after every user plugin, so it wraps this one and its 413 passes through untouched).
 */
export function useBadRequests(): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser }) {
      if (!requestParser) return;
      const parse = requestParser;
      setRequestParser(async (req) => {
        try {
          return await parse(req);
        } catch (error) {
          throw asBadRequest(error, request);
        }
      });
    },
  };
}

function asBadRequest(error: unknown, request: Request): unknown {
  if (isAbort(error) || !(error instanceof Error)) return error;
  const code = (error as Partial<GraphQLError>).extensions?.code;
  if (code !== undefined && code !== 'BAD_REQUEST') return error; // REQUEST_ENTITY_TOO_LARGE and other coded refusals
  const contentType = request.headers.get('content-type') ?? '';
  if (request.method === 'GET' || contentType.startsWith('application/x-www-form-urlencoded')) {
    const where = request.method === 'GET' ? 'URL' : 'form';
    const bad = request.method === 'GET' ? badJsonParameter(request.url) : undefined;
    return badRequest(
      bad
        ? `The "${bad}" parameter of the URL is not valid JSON: send a JSON object, URL-encoded ` +
            `(${bad === 'variables' ? 'variables=%7B%22first%22%3A10%7D for {"first":10}' : 'extensions=%7B%7D for {}'}` +
            '), or leave the parameter out.'
        : `The "variables" or "extensions" parameter of the ${where} is not valid JSON: send each as a JSON object, ` +
            'URL-encoded, or leave it out.',
    );
  }
  if (contentType.startsWith('multipart/form-data')) {
    if (error.message.includes('"operations"'))
      return badRequest(
        `The multipart field "operations" is missing or not valid JSON: send the GraphQL request as a JSON object, ` +
          `e.g. ${REQUEST_SHAPE} (GraphQL multipart request spec).`,
      );
    if (error.message.includes('"map"'))
      return badRequest(
        `The multipart field "map" is not valid JSON: send a JSON object mapping each file field to the variable ` +
          `paths it fills, e.g. ${MAP_SHAPE} (GraphQL multipart request spec).`,
      );
    if (code === 'BAD_REQUEST')
      return badRequest(
        'The body is not readable multipart/form-data: send the fields "operations", "map" and the files, ' +
          'each a part of one multipart/form-data body with the boundary its Content-Type names.',
      );
    return badRequest(
      `The multipart fields do not fit together: "operations" must be a JSON object (${REQUEST_SHAPE}) and ` +
        `"map" a JSON object of file field → list of variable paths in it (${MAP_SHAPE}).`,
    );
  }
  // yoga's JSON parser: not JSON at all (its parser's message stays here), or JSON but not an object.
  return badRequest(
    `The request body is not a JSON object: send one such as ${REQUEST_SHAPE} with Content-Type: application/json.`,
  );
}

/** Which of the URL's JSON parameters does not parse, if any. */
function badJsonParameter(url: string): 'variables' | 'extensions' | undefined {
  const params = new URL(url, 'http://localhost').searchParams;
  for (const name of ['variables', 'extensions'] as const) {
    const value = params.get(name);
    if (!value) continue;
    try {
      JSON.parse(value);
    } catch {
      return name;
    }
  }
  return undefined;
}

function isAbort(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'AbortError' || name === 'TimeoutError';
}
