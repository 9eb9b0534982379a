import { badInput } from '../../errors.js';
import { SourceError, type Connector } from './connector.js';
import { expectConfigObject, expectSecretName, expectText, isPlainObject } from './connector-config.js';
import { createSourceClock } from './source-clock.js';
import { streamJsonArray } from './stream-json-array.js';

/** A JSON document over HTTP(S) whose records are one array in it. */
export interface HttpJsonConfig {
  /** `http:` or `https:`, on a host the operator allows. Redirects are refused, so give the final address. */
  url: string;
  /**
   * Dot path to the records array in the body, e.g. `response.body.items`; empty or absent when the body is the array.
   */
  recordsPath?: string;
  /**
   * A header sent with the request whose value is the named secret, e.g.
   * `{ name: 'Authorization', secret: 'DATA_GO_KR_KEY' }`.
   */
  authHeader?: { name: string; secret: string };
  /**
   * Query parameters whose values are named secrets, e.g. `{ serviceKey: 'DATA_GO_KR_KEY' }` for data.go.kr APIs, which
   * take their key in the query.
   */
  secretQuery?: Record<string, string>;
  /**
   * How long the source may stay silent — before answering, or between parts of the body. Default 30000, at most
   * 300000.
   */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_TIMEOUT_MS = 300_000;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;

/** `['*']` allows any host; otherwise an entry names a host, or a host and port. */
export function isHostAllowed(url: URL, allowedHosts: readonly string[]): boolean {
  return allowedHosts.some((entry) => {
    const allowed = entry.toLowerCase();
    return allowed === '*' || allowed === url.host || allowed === url.hostname;
  });
}

/** The URL as shown in messages: without its query, which often carries API keys. */
const withoutQuery = (url: URL) => `${url.origin}${url.pathname}`;

/**
 * Reads records from JSON over HTTP, streaming the body: any size is fine,
 * as only one record is held at a time. Positions are `index N`, the 0-based
 * index in the array; an element that is not an object is a problem.
 */
export const httpJsonConnector: Connector<HttpJsonConfig> = {
  kind: 'HTTP_JSON',

  checkConfig(config, ctx) {
    const input = expectConfigObject(config, 'HTTP JSON', [
      'url',
      'recordsPath',
      'authHeader',
      'secretQuery',
      'timeoutMs',
    ]);
    const url = checkUrl(
      expectText(input, 'url', 'the address of the JSON source, e.g. `https://apis.data.go.kr/…`', 4096),
      ctx.allowedHosts,
    );
    const checked: HttpJsonConfig = {
      url: url.toString(),
      recordsPath: checkRecordsPath(input.recordsPath),
      timeoutMs: checkTimeout(input.timeoutMs),
    };
    if (input.authHeader !== undefined) checked.authHeader = checkAuthHeader(input.authHeader);
    if (input.secretQuery !== undefined) checked.secretQuery = checkSecretQuery(input.secretQuery, url);
    return checked;
  },

  async *read(config, ctx) {
    const url = new URL(config.url);
    const where = withoutQuery(url);
    // Checked again: the operator may have narrowed the allowed hosts since the connection was saved.
    if (!isHostAllowed(url, ctx.allowedHosts))
      throw new SourceError(`${where} is not on a host this hub may reach; ask the operator to allow ${url.host}`);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (config.authHeader) {
      const value = ctx.secret(config.authHeader.secret);
      if (value === undefined)
        throw new SourceError(
          `The secret "${config.authHeader.secret}" for the ${config.authHeader.name} ` +
            `header is not set on this hub; ask the operator to set it`,
        );
      headers[config.authHeader.name] = value;
    }
    for (const [param, secret] of Object.entries(config.secretQuery ?? {})) {
      const value = ctx.secret(secret);
      if (value === undefined)
        throw new SourceError(
          `The secret "${secret}" for the ${param} query parameter is not set on this hub; ask the operator to set it`,
        );
      url.searchParams.set(param, value);
    }
    const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const clock = createSourceClock(ctx.signal, timeoutMs, `${where} did not answer within ${timeoutMs} ms`);
    try {
      const response = await clock
        .watch(fetch(url, { headers, redirect: 'error', signal: clock.signal }))
        .catch((error: unknown) => {
          throw clock.failure(error, () => new SourceError(`${where} cannot be reached: ${causeOf(error)}`));
        });
      if (!response.ok || !response.body) {
        await response.body?.cancel().catch(() => undefined);
        throw new SourceError(`${where} answered HTTP ${response.status}${response.body ? '' : ' with no body'}`);
      }
      for await (const { key, value } of streamJsonArray(response.body, config.recordsPath ?? '', clock, where)) {
        // Elements parsed before the abort reached the body may still be queued; none is yielded after it.
        ctx.signal.throwIfAborted();
        yield isPlainObject(value)
          ? { kind: 'record', values: value, position: `index ${key}` }
          : { kind: 'problem', reason: `record ${key} is not an object`, position: `index ${key}` };
      }
    } finally {
      clock.dispose();
    }
  },
};

// undici reports network failures as TypeError('fetch failed') with the reason as its cause.
const causeOf = (error: unknown) => {
  const cause = (error as { cause?: { message?: string; code?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
};

function checkUrl(text: string, allowedHosts: readonly string[]): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw badInput('connector.url', 'Give a full address starting with `https://` or `http://`.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw badInput('connector.url', 'Only `https://` and `http://` addresses can be read.');
  if (url.username || url.password)
    throw badInput('connector.url', 'Leave credentials out of the address; send them with `authHeader` and a secret.');
  if (!isHostAllowed(url, allowedHosts))
    throw badInput(
      'connector.url',
      `This hub may not reach ${url.host}; ask the operator to add it to the allowed hosts.`,
    );
  return url;
}

function checkRecordsPath(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (
    typeof value !== 'string' ||
    (value.trim() !== '' &&
      value
        .trim()
        .split('.')
        .some((key) => key === ''))
  ) {
    throw badInput(
      'connector.recordsPath',
      'Give the keys to the records array joined by dots, e.g. ' +
        '`response.body.items`; leave it empty when the body is the array.',
    );
  }
  return value.trim();
}

function checkTimeout(value: unknown): number {
  if (value === undefined || value === null) return DEFAULT_TIMEOUT_MS;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_TIMEOUT_MS) {
    throw badInput('connector.timeoutMs', `The timeout is a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}.`);
  }
  return value;
}

function checkSecretQuery(value: unknown, url: URL): Record<string, string> {
  if (!isPlainObject(value) || Object.keys(value).length > 5)
    throw badInput(
      'connector.secretQuery',
      'Map up to 5 query parameter names to secret names, e.g. `{ "serviceKey": "DATA_GO_KR_KEY" }`.',
    );
  const checked: Record<string, string> = {};
  for (const [param, secret] of Object.entries(value)) {
    if (!/^[A-Za-z0-9_.-]{1,100}$/.test(param))
      throw badInput('connector.secretQuery', `"${param.slice(0, 40)}" is not a query parameter name.`);
    if (url.searchParams.has(param))
      throw badInput(
        'connector.secretQuery',
        `The address already has a "${param}" parameter; leave the secret's value out of the address.`,
      );
    checked[param] = expectSecretName(secret, `secretQuery.${param}`);
  }
  return checked;
}

function checkAuthHeader(value: unknown): { name: string; secret: string } {
  const input = expectConfigObject(value, 'HTTP JSON', ['name', 'secret'], 'connector.authHeader');
  if (typeof input.name !== 'string' || !HEADER_NAME.test(input.name)) {
    throw badInput('connector.authHeader.name', 'Give the header name, e.g. `Authorization` or `X-API-Key`.');
  }
  return { name: input.name, secret: expectSecretName(input.secret, 'authHeader.secret') };
}
