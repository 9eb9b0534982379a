import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { callOperation, createTestContext, type TestContextOptions } from '@maru/testing';
import { send } from './send.js';
import { startTestWebhook, type TestWebhook, type WebhookBehaviour } from '../test/start-test-webhook.js';
import { status } from './status.js';

const webhooks: TestWebhook[] = [];
afterEach(async () => void (await Promise.all(webhooks.splice(0).map((webhook) => webhook.close()))));

const open = async (behaviour?: WebhookBehaviour) => {
  const webhook = await startTestWebhook(behaviour);
  webhooks.push(webhook);
  return webhook;
};
const ctxFor = (webhook: TestWebhook, options: TestContextOptions = {}) =>
  createTestContext({ hosts: [webhook.host], ...options });
const message = (webhook: TestWebhook, extra: Record<string, unknown> = {}) => ({
  channel: 'WEBHOOK',
  url: webhook.url,
  message: '[마루] 제출하신 제안서가 접수되었습니다. Your proposal was received.',
  idempotencyKey: randomUUID(),
  ...extra,
});

describe('send', () => {
  it('POSTs the message as JSON to the webhook and reports it DELIVERED', async () => {
    const webhook = await open();
    const ctx = ctxFor(webhook);
    const sent = await callOperation(send, message(webhook), ctx);
    expect(sent).toMatchObject({
      channel: 'WEBHOOK',
      url: webhook.url,
      status: 'DELIVERED',
      deliveredAt: sent.attempts[0]!.at,
      deduplicated: false,
      test: false,
    });
    expect(sent.attempts).toEqual([
      { number: 1, at: expect.any(String), statusCode: 200, durationMs: expect.any(Number) },
    ]);
    expect(webhook.received).toHaveLength(1);
    const [request] = webhook.received;
    expect(request).toMatchObject({
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': sent.id },
    });
    expect(request!.body).toEqual({ id: sent.id, channel: 'WEBHOOK', message: sent.message, sentAt: sent.createdAt });
    const { deduplicated: _deduplicated, ...stored } = sent;
    expect(await callOperation(status, { id: sent.id }, ctx)).toEqual(stored);
  });

  it('retries a failing webhook with exponential backoff until it answers', async () => {
    const webhook = await open((n) => (n <= 2 ? 500 : 200));
    const ctx = ctxFor(webhook);
    const sent = await callOperation(send, message(webhook), ctx);
    expect(sent.status).toBe('DELIVERED');
    expect(sent.attempts.map((a) => [a.number, a.statusCode, a.error])).toEqual([
      [1, 500, 'the webhook answered 500'],
      [2, 500, 'the webhook answered 500'],
      [3, 200, undefined],
    ]);
    const [first, second, third] = webhook.received.map((r) => r.arrivedAt);
    // Timers never fire early, but the clocks of sender and server may differ by a millisecond.
    expect(second! - first!).toBeGreaterThanOrEqual(99);
    expect(third! - second!).toBeGreaterThanOrEqual(199);
    expect(ctx.logs.filter((line) => line.level === 'warn')).toHaveLength(2);
  });

  it('gives up as FAILED after 3 attempts at a webhook that always fails', async () => {
    const webhook = await open(() => 503);
    const ctx = ctxFor(webhook);
    const started = performance.now();
    const sent = await callOperation(send, message(webhook), ctx);
    expect(performance.now() - started).toBeGreaterThanOrEqual(299);
    expect(sent.status).toBe('FAILED');
    expect(sent).not.toHaveProperty('deliveredAt');
    expect(sent.attempts.map((a) => a.statusCode)).toEqual([503, 503, 503]);
    expect(webhook.received).toHaveLength(3);
    expect((await callOperation(status, { id: sent.id }, ctx)).status).toBe('FAILED');
  });

  it('does not retry an answer that will not change, such as 400', async () => {
    const webhook = await open(() => 400);
    const sent = await callOperation(send, message(webhook), ctxFor(webhook));
    expect(sent).toMatchObject({
      status: 'FAILED',
      attempts: [{ statusCode: 400, error: 'the webhook answered 400' }],
    });
    expect(webhook.received).toHaveLength(1);
  });

  it('retries a webhook that cannot be reached, and records why', async () => {
    const gone = await open();
    await gone.close();
    const sent = await callOperation(send, message(gone), ctxFor(gone));
    expect(sent.status).toBe('FAILED');
    expect(sent.attempts.map((a) => [a.statusCode, a.error])).toEqual(
      Array(3).fill([undefined, 'the webhook could not be reached (ECONNREFUSED)']),
    );
  });

  it("stops retrying when the call's deadline passes during the wait between attempts", async () => {
    const webhook = await open(() => 500);
    const deadline = new AbortController();
    // The first attempt is saved just before the 100 ms wait; the deadline passes 30 ms into it.
    const store = new (class extends Map<string, unknown> {
      override set(key: string, value: unknown) {
        if (
          key.startsWith('message:') &&
          (JSON.parse(value as string) as { attempts: unknown[] }).attempts.length === 1
        )
          setTimeout(() => deadline.abort(new Error('deadline passed')), 30);
        return super.set(key, value);
      }
    })();
    const sent = await callOperation(send, message(webhook), ctxFor(webhook, { signal: deadline.signal, store }));
    await sleep(400);
    expect(webhook.received).toHaveLength(1);
    expect(sent).toMatchObject({ status: 'FAILED', attempts: [{ statusCode: 500 }] });
  });

  it("abandons an attempt in flight when the call's deadline passes", async () => {
    const webhook = await open(() => 'hold');
    const deadline = new AbortController();
    const sending = callOperation(send, message(webhook), ctxFor(webhook, { signal: deadline.signal }));
    await expect.poll(() => webhook.received.length).toBe(1);
    deadline.abort(new Error('deadline passed'));
    const sent = await sending;
    expect(sent).toMatchObject({ status: 'FAILED', attempts: [{ error: "the call's deadline passed" }] });
    expect(sent.attempts[0]).not.toHaveProperty('statusCode');
    expect(webhook.received).toHaveLength(1);
  });

  it('refuses to reach a host the plugin may not, without retrying, and records the refusal', async () => {
    const webhook = await open();
    const store = new Map<string, unknown>();
    const input = message(webhook);
    await expect(
      callOperation(send, input, createTestContext({ hosts: ['hooks.example.gov.kr'], store })),
    ).rejects.toThrow(/not allowed/);
    expect(webhook.received).toHaveLength(0);
    const again = await callOperation(send, input, createTestContext({ hosts: ['hooks.example.gov.kr'], store }));
    expect(again).toMatchObject({
      status: 'FAILED',
      deduplicated: true,
      attempts: [{ error: expect.stringContaining('not allowed') }],
    });
  });

  it('refuses a channel other than WEBHOOK, a URL that is not http(s), an empty or overlong message and a missing key', () => {
    const base = { channel: 'WEBHOOK', url: 'https://hooks.example.gov.kr/maru', message: 'hi', idempotencyKey: 'k-1' };
    const bad = [
      { ...base, channel: 'SMS' },
      { ...base, url: 'ftp://hooks.example.gov.kr/maru' },
      { ...base, url: 'hooks.example.gov.kr/maru' },
      { ...base, url: 'https://' + 'a'.repeat(2000) + '.kr/' },
      { ...base, message: '   ' },
      { ...base, message: 'x'.repeat(4001) },
      { ...base, idempotencyKey: '' },
      { ...base, idempotencyKey: 'k'.repeat(201) },
      { channel: 'WEBHOOK', url: base.url, message: 'hi' },
    ];
    for (const input of bad)
      expect(send.input.safeParse(input).success, JSON.stringify(input).slice(0, 120)).toBe(false);
    expect(send.input.safeParse(base).success).toBe(true);
  });
});

describe('send with an idempotency key', () => {
  it('sends once: the same key answers the first message, deduplicated', async () => {
    const webhook = await open();
    const ctx = ctxFor(webhook);
    const input = message(webhook);
    const first = await callOperation(send, input, ctx);
    const second = await callOperation(send, input, ctxFor(webhook, { store: ctx.store }));
    expect(webhook.received).toHaveLength(1);
    expect(second).toEqual({ ...first, deduplicated: true });
  });

  it('does not try again a message that FAILED', async () => {
    const webhook = await open(() => 500);
    const ctx = ctxFor(webhook);
    const input = message(webhook);
    await callOperation(send, input, ctx);
    expect(await callOperation(send, input, ctx)).toMatchObject({ status: 'FAILED', deduplicated: true });
    expect(webhook.received).toHaveLength(3);
  });

  it('answers PENDING to a repeat while the first delivery is still under way', async () => {
    const webhook = await open(() => 'hold');
    const ctx = ctxFor(webhook);
    const input = message(webhook);
    const first = callOperation(send, input, ctx);
    await expect.poll(() => webhook.received.length).toBe(1);
    const repeat = await callOperation(send, input, ctx);
    expect(repeat).toMatchObject({ status: 'PENDING', attempts: [], deduplicated: true });
    expect(await callOperation(status, { id: repeat.id }, ctx)).toMatchObject({ status: 'PENDING', attempts: [] });
    webhook.release(204);
    expect(await first).toMatchObject({ id: repeat.id, status: 'DELIVERED', attempts: [{ statusCode: 204 }] });
    expect(webhook.received).toHaveLength(1);
  });

  it('refuses the same key for a different message with IDEMPOTENCY_KEY_REUSED, sending nothing', async () => {
    const webhook = await open();
    const ctx = ctxFor(webhook);
    const input = message(webhook);
    await callOperation(send, input, ctx);
    await expect(callOperation(send, { ...input, message: 'something else' }, ctx)).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
    expect(webhook.received).toHaveLength(1);
  });

  it("keeps each organization's keys apart", async () => {
    const webhook = await open();
    const store = new Map<string, unknown>();
    const input = message(webhook, { idempotencyKey: 'invoice-2025-001' });
    const a = await callOperation(
      send,
      input,
      ctxFor(webhook, { store, caller: { organizationId: 'org-a', memberId: null } }),
    );
    const b = await callOperation(
      send,
      input,
      ctxFor(webhook, { store, caller: { organizationId: 'org-b', memberId: null } }),
    );
    expect(b.id).not.toBe(a.id);
    expect(b.deduplicated).toBe(false);
    expect(webhook.received).toHaveLength(2);
  });
});

describe('send with a test key', () => {
  it('records the message as delivered without sending it, apart from live messages', async () => {
    const webhook = await open();
    const store = new Map<string, unknown>();
    const input = message(webhook);
    const sent = await callOperation(send, input, ctxFor(webhook, { store, mode: 'test' }));
    expect(sent).toMatchObject({ status: 'DELIVERED', test: true, attempts: [] });
    expect(webhook.received).toHaveLength(0);
    expect(await callOperation(status, { id: sent.id }, ctxFor(webhook, { store, mode: 'test' }))).toMatchObject({
      status: 'DELIVERED',
    });
    await expect(callOperation(status, { id: sent.id }, ctxFor(webhook, { store }))).rejects.toMatchObject({
      code: 'MESSAGE_NOT_FOUND',
    });
    // The same key in live mode is a new, real message.
    expect(await callOperation(send, input, ctxFor(webhook, { store }))).toMatchObject({
      status: 'DELIVERED',
      test: false,
      deduplicated: false,
    });
    expect(webhook.received).toHaveLength(1);
  });
});
