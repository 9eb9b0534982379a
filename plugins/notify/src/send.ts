import { defineOperation, z } from '@maru/sdk';
import { deliverWebhook } from './deliver-webhook.js';
import { notifyErrors } from './errors.js';
import { Message, publicView, type MessageRecord } from './message.js';
import { records } from './records.js';

/** Sends a message to a webhook, once per idempotency key. */
export const send = defineOperation({
  kind: 'mutation',
  description:
    'Records a message and POSTs it as JSON to a webhook, trying up to 3 times with exponential backoff (100 ms, then 200 ms). ' +
    'Sending again with the same idempotencyKey sends nothing and answers the first message (`deduplicated: true`). With a test key nothing is sent.',
  input: z.object({
    channel: z.literal('WEBHOOK'),
    url: z
      .url({ protocol: /^https?$/, normalize: true })
      .max(2000)
      .describe('The webhook; its host must be one the plugin may reach.'),
    message: z.string().trim().min(1).max(4000),
    idempotencyKey: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .describe('Your id for this message: the same key never sends twice.'),
  }),
  output: Message.extend({
    deduplicated: z.boolean().describe('True when the key was used before and nothing new was sent.'),
  }),
  handler: async (input, ctx) => {
    const store = records(ctx);
    const knownId = await store.getIdByKey(input.idempotencyKey);
    const known = knownId ? await store.getMessage(knownId) : undefined;
    if (known) {
      if (known.url !== input.url || known.message !== input.message)
        throw notifyErrors.IDEMPOTENCY_KEY_REUSED(input.idempotencyKey);
      return { ...publicView(known), deduplicated: true };
    }
    const record: MessageRecord = {
      id: ctx.crypto.randomUUID(),
      ...input,
      status: 'PENDING',
      attempts: [],
      createdAt: new Date().toISOString(),
      test: ctx.mode === 'test',
      organizationId: ctx.caller.organizationId,
    };
    // The message first, then the key that points to it: a key never leads nowhere.
    await store.putMessage(record);
    await store.putIdByKey(input.idempotencyKey, record.id);
    if (record.test) {
      const delivered: MessageRecord = { ...record, status: 'DELIVERED', deliveredAt: record.createdAt };
      await store.putMessage(delivered);
      return { ...publicView(delivered), deduplicated: false };
    }
    return { ...publicView(await deliverWebhook(record, ctx, store.putMessage)), deduplicated: false };
  },
});
