import { z } from '@maru/sdk';

export const DeliveryStatus = z.enum(['PENDING', 'DELIVERED', 'FAILED']);

/** One try at delivering a message. */
export const Attempt = z.object({
  number: z.int32().min(1),
  at: z.iso.datetime(),
  statusCode: z
    .int32()
    .min(100)
    .max(599)
    .optional()
    .describe("The webhook's HTTP status; absent when it did not answer."),
  error: z.string().optional().describe('Why the attempt failed; absent when it succeeded.'),
  durationMs: z.int32().min(0),
});
export type Attempt = z.infer<typeof Attempt>;

/** A message and its delivery, as `send` and `status` answer it. */
export const Message = z.object({
  id: z.uuid(),
  channel: z.literal('WEBHOOK'),
  url: z.string(),
  message: z.string(),
  idempotencyKey: z.string(),
  status: DeliveryStatus,
  attempts: z.array(Attempt),
  createdAt: z.iso.datetime(),
  deliveredAt: z.iso.datetime().optional().describe('When the webhook accepted it; absent until then.'),
  test: z.boolean().describe('Sent with a test key: recorded as delivered, never sent.'),
});
export type Message = z.infer<typeof Message>;

/** What the plugin keeps in kv: the message plus who sent it. */
export type MessageRecord = Message & { organizationId: string | null };

export const publicView = ({ organizationId: _organizationId, ...message }: MessageRecord): Message => message;
