import { z } from 'zod';
import { graphqlInput } from '../graphql/input-hints.js';
import { text } from '../validation.js';

/** `RequestDataAccessInput` without its `connectionId`: what the access request service validates. */
export const accessRequestInput = z.object({
  purpose: text('the purpose', 1000).describe(
    'Why you need the data; consents of data subjects name the same purpose.',
  ),
  fields: z.array(z.string()).min(1, 'name at least one field').max(200),
  expiresAt: z
    .string()
    .refine((v) => !Number.isNaN(Date.parse(v)), 'must be an ISO-8601 date-time such as "2027-06-30T00:00:00Z"')
    .register(graphqlInput, { type: 'DateTime', description: 'At most 366 days ahead.' }),
  pluginName: z
    .string()
    .nullish()
    .describe('Platform admins: file the request for this plugin, which then reads through ctx.data.'),
});

export type AccessRequestInput = z.input<typeof accessRequestInput>;
