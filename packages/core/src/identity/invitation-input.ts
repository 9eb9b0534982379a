import type { z } from 'zod';
import { addMemberInput } from './member-input.js';

/** `InviteMemberInput` without its `organizationId`: the person's name, e-mail (normalised) and roles. */
export const inviteMemberInput = addMemberInput;

export type InviteMemberInput = z.input<typeof inviteMemberInput>;
