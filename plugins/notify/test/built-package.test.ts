import { createPluginTestHub, type PluginTestHub } from '@maru/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestWebhook, type TestWebhook } from './start-test-webhook.js';

// Black-box: the bundle `maru build` made, run as the hub runs it — in an isolate without Node
// APIs, waiting with ctx.sleep and reaching the network only through the hub's ctx.fetch.
const plugin = new URL('..', import.meta.url);
const message = (url: string, idempotencyKey: string) => ({
  channel: 'WEBHOOK',
  url,
  message: '[마루] 접수되었습니다.',
  idempotencyKey,
});

describe('the built package in a hub', () => {
  let hub: PluginTestHub;
  let webhook: TestWebhook;
  beforeAll(async () => {
    [hub, webhook] = await Promise.all([createPluginTestHub({ plugin }), startTestWebhook()]);
  });
  afterAll(async () => {
    await hub?.close();
    await webhook?.close();
  });

  it('runs in an isolate, and with a test key records a message as delivered without sending it', async () => {
    const listed = await hub.gql('{ plugins { name status problems isolation } }', {}, 'platform');
    expect(listed.data.plugins).toEqual([
      { name: '@maru/plugin-notify', status: 'ENABLED', problems: [], isolation: 'ISOLATE' },
    ]);
    const testKey = (
      await hub.gql(
        'mutation { createApiKey(input: { name: "sandbox", scopes: [READ, WRITE], mode: TEST }) { secret } }',
      )
    ).data.createApiKey.secret;
    const sent = await hub.call('notifications', 'send', message('https://hooks.example.gov.kr/maru', 'test-1'), {
      key: testKey,
    });
    expect(sent).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      status: 'DELIVERED',
      test: true,
      attempts: [],
    });
    expect(await hub.call('notifications', 'status', { id: sent.id }, { key: testKey })).toMatchObject({
      status: 'DELIVERED',
    });
  });

  it('retries with backoff a webhook it cannot reach, within the call, and reports FAILED', async () => {
    // The manifest's host does not exist: each try fails (or runs out of time) and the next waits with ctx.sleep.
    const started = performance.now();
    const sent = await hub.call('notifications', 'send', message('https://hooks.example.gov.kr/maru', 'live-1'));
    expect(performance.now() - started).toBeGreaterThanOrEqual(299);
    expect(sent.status).toBe('FAILED');
    expect(sent.attempts.map((a: { number: number }) => a.number)).toEqual([1, 2, 3]);
    for (const attempt of sent.attempts) expect(attempt.error).toMatch(/could not be reached|no answer within 1000 ms/);
  });

  it('may not reach a host its manifest does not list: the hub refuses, and nothing is sent', async () => {
    await expect(hub.call('notifications', 'send', message(webhook.url, 'live-2'))).rejects.toMatchObject({
      code: 'CAPABILITY_DENIED',
    });
    expect(webhook.received).toEqual([]);
  });
});
