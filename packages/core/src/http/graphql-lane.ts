import type { ExecutionResult } from 'graphql';

/**
 * The hot path of the GraphQL endpoint: a plain GraphQL-over-HTTP request — a GET with a query string or a POST of a
 * small JSON object, asking for JSON — runs through yoga's own stages (its `onParams` hooks, the envelop chain of
 * parse, validation, context, execution and error masking, its `onExecutionResult` and `onResultProcess` hooks and its
 * result processor) without the Fetch `Request` and `Response` objects yoga's server adapter builds around every
 * request: those cost about a third of a request the cache cannot answer (issue #22).
 *
 * Anything else — another method or media type, a body that is not a JSON object, a large or compressed body, an
 * event stream — is not for the lane ({@link laneRequestOf} returns null), and a request the lane cannot finish the way
 * yoga would (its parameters refused before execution) is handed back: the caller runs yoga's whole pipeline, so every
 * refusal keeps yoga's exact wording and status. `graphql-lane.test.ts` sends one corpus both ways and compares.
 */

/** The header names the lane reads, lowercase, and the values a request has for them. */
export interface LaneHeaders {
  get(name: string): string | null;
}

/** What the lane needs of a request. */
export interface LaneInput {
  method: string;
  /** Path and query string. */
  url: string;
  headers: LaneHeaders;
  /** The body, already read (`''` for GET). */
  body: string;
}

/** The answer, ready to write. */
export interface LaneAnswer {
  status: number;
  headers: Array<[string, string]>;
  body: string;
}

/** The request object yoga's hooks see on the lane: what they read of a Fetch `Request`, and no more. */
export interface LaneRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: LaneHeaders;
}

/** GraphQL request parameters as yoga's request parsers hand them over. */
interface Params {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
  extensions?: unknown;
}

/** The parts of a yoga server the lane runs (public properties of `YogaServer`, typed here by what is used). */
export interface YogaStages<ServerContext> {
  getResultForParams(
    payload: { params: Params; request: LaneRequest },
    serverContext: ServerContext,
  ): Promise<ExecutionResult | AsyncIterable<unknown>> | ExecutionResult | AsyncIterable<unknown>;
  onResultProcessHooks: Array<(payload: ResultProcessPayload<ServerContext>) => unknown>;
  fetchAPI: unknown;
}

type ResultProcessor = (result: unknown, fetchAPI: unknown, acceptedMediaType: string) => Response | Promise<Response>;

interface ResultProcessPayload<ServerContext> {
  request: LaneRequest;
  acceptableMediaTypes: string[];
  result: unknown;
  setResult(result: unknown): void;
  resultProcessor: ResultProcessor | undefined;
  setResultProcessor(processor: ResultProcessor, mediaType: string): void;
  serverContext: ServerContext;
}

/** Bodies larger than this take yoga's whole pipeline (which streams them and applies the body limits). */
export const MAX_LANE_BODY_BYTES = 64 * 1024;

/** `Accept` values the lane answers: what yoga's regular (JSON) result processor would be chosen for. */
const JSON_MEDIA = /^(?:\*\/\*|application\/\*|application\/json|application\/graphql-response\+json)(?:\s*;.*)?$/i;

/**
 * Whether a request is for the lane, by its method, path and headers alone (before its body is read): GET with a
 * query string, or POST of `application/json` (or `application/graphql+json`) with a known length of at most
 * {@link MAX_LANE_BODY_BYTES}, not compressed, and an `Accept` that asks for JSON only.
 */
export function isLaneRequest(
  method: string,
  url: string,
  endpoint: string,
  headers: LaneHeaders,
  contentLength: number | null,
): boolean {
  const q = url.indexOf('?');
  if ((q === -1 ? url : url.slice(0, q)) !== endpoint) return false;
  const accept = headers.get('accept');
  if (accept !== null && !acceptsJsonOnly(accept)) return false;
  if (method === 'GET') return q !== -1 && q < url.length - 1;
  if (method !== 'POST') return false;
  if (headers.get('content-encoding') !== null) return false;
  const contentType = headers.get('content-type')?.split(',')[0] ?? '';
  if (!isJsonContentType(contentType)) return false;
  return contentLength !== null && contentLength <= MAX_LANE_BODY_BYTES;
}

function isJsonContentType(contentType: string): boolean {
  return (
    contentType === 'application/json' ||
    contentType.startsWith('application/json;') ||
    contentType === 'application/graphql+json' ||
    contentType.startsWith('application/graphql+json;')
  );
}

/** Every media range of the header is one the JSON processor serves (an event stream or multipart is yoga's). */
function acceptsJsonOnly(accept: string): boolean {
  if (accept === '') return true;
  for (const range of accept.split(',')) if (!JSON_MEDIA.test(range.trim())) return false;
  return true;
}

/**
 * The GraphQL parameters of a lane request, or null when the request is not a plain one: a body that is not a JSON
 * object (a batch, a string, invalid JSON) or GET parameters whose JSON does not parse. Null sends it to yoga, whose
 * parsers refuse it in their words.
 */
export function laneParamsOf(input: LaneInput): Params | null {
  if (input.method === 'GET') {
    const search = new URLSearchParams(input.url.slice(input.url.indexOf('?') + 1));
    // As yoga's GET parser: empty parameters are absent.
    const variables = search.get('variables') || undefined;
    const extensions = search.get('extensions') || undefined;
    try {
      return {
        operationName: search.get('operationName') || undefined,
        query: search.get('query') || undefined,
        variables: variables ? JSON.parse(variables) : undefined,
        extensions: extensions ? JSON.parse(extensions) : undefined,
      };
    } catch {
      return null;
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(input.body);
  } catch {
    return null;
  }
  return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Params) : null;
}

/** A refusal yoga raised before running anything: the caller answers through yoga's whole pipeline instead. */
export const HAND_BACK = Symbol('hand back to yoga');

/**
 * Runs one lane request through yoga's stages. Resolves to the answer, or to {@link HAND_BACK} when yoga refused the
 * parameters before execution (its `onParams` hooks: a missing query, an unknown persisted operation…) — nothing ran,
 * so running the request again through yoga's pipeline answers it exactly as yoga does.
 */
export async function runLane<ServerContext>(
  yoga: YogaStages<ServerContext>,
  input: LaneInput,
  params: Params,
  serverContext: ServerContext,
): Promise<LaneAnswer | typeof HAND_BACK> {
  const request: LaneRequest = { method: input.method, url: `http://localhost${input.url}`, headers: input.headers };
  let result: unknown;
  try {
    result = await yoga.getResultForParams({ params, request }, serverContext);
  } catch {
    return HAND_BACK;
  }
  // yoga's processResult: every onResultProcess hook (the refusal audit awaits its record there), then the processor
  // they chose for the Accept header.
  let processor: ResultProcessor | undefined;
  let mediaType = '*/*';
  const acceptableMediaTypes: string[] = [];
  for (const hook of yoga.onResultProcessHooks) {
    await hook({
      request,
      acceptableMediaTypes,
      result,
      setResult(next) {
        result = next;
      },
      resultProcessor: processor,
      setResultProcessor(next, type) {
        processor = next;
        mediaType = type;
      },
      serverContext,
    });
  }
  if (!processor) {
    // Unreachable for the Accept values the lane takes; yoga's answer, should it happen.
    return { status: 406, headers: [['accept', acceptableMediaTypes.join('; charset=utf-8, ')]], body: '' };
  }
  const response = await processor(result, yoga.fetchAPI, mediaType);
  const headers: Array<[string, string]> = [];
  // Lowercase, as a Fetch Headers gives them (yoga's processor may name them otherwise).
  response.headers.forEach((value, name) => {
    const lower = name.toLowerCase();
    if (lower !== 'content-length') headers.push([lower, value]);
  });
  return { status: response.status, headers, body: await response.text() };
}
