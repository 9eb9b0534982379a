import { z } from 'zod';
import { email, text } from '../validation.js';
import { ROLES } from './model.js';

/** The zod enum that GraphQL declares as `Role`. */
export const role = z.enum(ROLES);

const roles = z
  .array(role)
  .min(1, 'give at least one role')
  .max(ROLES.length)
  .transform((list) => [...new Set(list)]);

/** `AddMemberInput` without its `organizationId` (the service takes the organization apart). */
export const addMemberInput = z.object({
  name: text('a name', 200).describe('1–200 characters.'),
  email: email.describe('Unique across the hub.'),
  roles,
});

/** `UpdateMemberInput`: every field may be left out. */
export const updateMemberInput = z.object({ name: text('a name', 200).optional(), roles: roles.optional() });

export type AddMemberInput = z.input<typeof addMemberInput>;
export type UpdateMemberInput = z.input<typeof updateMemberInput>;
