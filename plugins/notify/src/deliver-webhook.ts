import type { PluginContext } from '@maru/sdk';
import type { Attempt, MessageRecord } from './message.js';

/** Tries per message. */
export const MAX_ATTEMPTS = 3;
/** The wait before the second try; it doubles before each later one (100 ms, 200 ms, …). */
export const BACKOFF_MS = 100;
/**
 * How long one try may wait for the webhook's answer. Three tries and their
 * waits stay under the hub's default 5 s deadline for a call.
 */
export const ATTEMPT_TIMEOUT_MS = 1_000;

// Worth another try: the webhook may be momentarily down or busy. Other 4xx answers will not change.
const retryable = (status: number) => status >= 500 || status === 408 || status === 425 || status === 429;

type Outcome = { attempt: Attempt; retry: boolean; refused?: unknown };

async function tryOnce(record: MessageRecord, number: number, ctx: PluginContext): Promise<Outcome> {
  const started = Date.now();
  const attempt = (result: { statusCode?: number; error?: string }): Attempt => ({
    number,
    at: new Date(started).toISOString(),
    ...result,
    durationMs: Date.now() - started,
  });
  // The try's time limit: its own controller, aborted after ATTEMPT_TIMEOUT_MS (ctx.fetch also ends with the
  // call). When less than that is left of the call, ctx.sleep refuses at once and the call's deadline ends the try.
  const limit = new AbortController();
  ctx.sleep(ATTEMPT_TIMEOUT_MS).then(
    () => limit.abort(new Error(`no answer within ${ATTEMPT_TIMEOUT_MS} ms`)),
    () => undefined,
  );
  try {
    const response = await ctx.fetch(record.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': record.id },
      body: JSON.stringify({
        id: record.id,
        channel: record.channel,
        message: record.message,
        sentAt: record.createdAt,
      }),
      signal: limit.signal,
    });
    await response.body?.cancel();
    if (response.ok) return { attempt: attempt({ statusCode: response.status }), retry: false };
    return {
      attempt: attempt({ statusCode: response.status, error: `the webhook answered ${response.status}` }),
      retry: retryable(response.status),
    };
  } catch (error) {
    if (ctx.signal.aborted) return { attempt: attempt({ error: "the call's deadline passed" }), retry: false };
    if (limit.signal.aborted)
      return { attempt: attempt({ error: `no answer within ${ATTEMPT_TIMEOUT_MS} ms` }), retry: true };
    // fetch fails with a TypeError when the network does (refused, reset, DNS…); anything else, such as a
    // host the plugin may not reach, is not the webhook's fault and is passed on to the hub.
    if (error instanceof TypeError) return { attempt: attempt({ error: describeNetworkError(error) }), retry: true };
    return {
      attempt: attempt({ error: error instanceof Error ? error.message : String(error) }),
      retry: false,
      refused: error,
    };
  }
}

/** Why the network failed: Node's fetch says it in `cause`, the hub's (in an isolate) in the message, "fetch failed: ECONNREFUSED". */
function describeNetworkError(error: TypeError): string {
  const cause = error.cause as { code?: string; message?: string } | undefined;
  const detail = cause?.code ?? cause?.message ?? /^fetch failed: (.+)$/.exec(error.message)?.[1];
  return `the webhook could not be reached${detail ? ` (${detail})` : ''}`;
}

/**
 * Delivers a message to its webhook: POSTs it as JSON, up to MAX_ATTEMPTS
 * times with exponential backoff, saving the record after every attempt so
 * `status` shows progress. Stops at once when the call's deadline passes.
 * Rethrows, after recording it, an error that is not the webhook's (a denied
 * host), so the hub sees and audits it.
 */
export async function deliverWebhook(
  record: MessageRecord,
  ctx: PluginContext,
  save: (record: MessageRecord) => Promise<void>,
): Promise<MessageRecord> {
  let current = record;
  for (let number = 1; number <= MAX_ATTEMPTS; number++) {
    const { attempt, retry, refused } = await tryOnce(current, number, ctx);
    const delivered = attempt.error === undefined;
    const last = delivered || !retry || number === MAX_ATTEMPTS;
    current = {
      ...current,
      attempts: [...current.attempts, attempt],
      status: delivered ? 'DELIVERED' : last ? 'FAILED' : 'PENDING',
      ...(delivered ? { deliveredAt: attempt.at } : {}),
    };
    await save(current);
    if (delivered) ctx.log.info('message delivered', { id: current.id, attempts: number });
    else ctx.log.warn('message delivery attempt failed', { id: current.id, attempt: number, error: attempt.error });
    if (refused !== undefined) throw refused;
    if (last) return current;
    try {
      // Rejects at once when the wait would outlast the call, and when the call is aborted while waiting.
      await ctx.sleep(BACKOFF_MS * 2 ** (number - 1));
    } catch {
      current = { ...current, status: 'FAILED' };
      await save(current);
      return current;
    }
  }
  return current;
}
