import { defineOperation, z } from '@maru/sdk';
import { notifyErrors } from './errors.js';
import { Message, publicView } from './message.js';
import { records } from './records.js';

/** Where a message's delivery stands. */
export const status = defineOperation({
  kind: 'query',
  description:
    'Where a message sent by your organization stands: PENDING while it is being delivered, then DELIVERED or FAILED, with every attempt.',
  input: z.object({ id: z.uuid() }),
  output: Message,
  handler: async ({ id }, ctx) => {
    const record = await records(ctx).getMessage(id);
    if (!record || record.organizationId !== ctx.caller.organizationId) throw notifyErrors.MESSAGE_NOT_FOUND(id);
    return publicView(record);
  },
});
