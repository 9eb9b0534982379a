import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOperation, createTestContext } from '@maru/testing';
import { send } from './send.js';
import { startTestWebhook, type TestWebhook } from '../test/start-test-webhook.js';
import { status } from './status.js';

describe('status', () => {
  let webhook: TestWebhook;
  beforeAll(async () => void (webhook = await startTestWebhook()));
  afterAll(() => webhook.close());

  it("answers MESSAGE_NOT_FOUND for an unknown id and for another organization's message", async () => {
    const store = new Map<string, unknown>();
    const as = (organizationId: string) =>
      createTestContext({ hosts: [webhook.host], store, caller: { organizationId, memberId: null } });
    const sent = await callOperation(
      send,
      { channel: 'WEBHOOK', url: webhook.url, message: '안내', idempotencyKey: 'k' },
      as('org-a'),
    );
    expect((await callOperation(status, { id: sent.id }, as('org-a'))).status).toBe('DELIVERED');
    await expect(callOperation(status, { id: sent.id }, as('org-b'))).rejects.toMatchObject({
      code: 'MESSAGE_NOT_FOUND',
      message: expect.stringContaining(sent.id),
    });
    await expect(callOperation(status, { id: randomUUID() }, as('org-a'))).rejects.toMatchObject({
      code: 'MESSAGE_NOT_FOUND',
    });
  });

  it('refuses an id that is not a UUID', () => {
    for (const input of [{}, { id: '' }, { id: 'message-1' }, { id: 42 }])
      expect(status.input.safeParse(input).success, JSON.stringify(input)).toBe(false);
  });
});
