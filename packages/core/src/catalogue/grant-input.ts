import { z } from 'zod';
import { text } from '../validation.js';

/** `requestServiceAccess`'s purpose: what the schema declares and the grant service validates. */
export const accessRequestInput = z.object({ purpose: text('a purpose', 2000) });

/** `approveServiceAccess`'s terms besides the grant. */
export const approvalInput = z.object({
  dailyQuota: z.number().int().min(1, 'a daily quota is at least 1 (omit it for no quota)').max(100_000_000).nullish(),
  operations: z.array(z.string().max(64)).max(100).default([]),
});
