import { z } from 'zod';
import { CHALLENGE_TYPES } from '../challenges/index.js';
import { globalId } from '../graphql/input-hints.js';
import { email } from '../validation.js';

const tag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'a tag must not be empty')
  .max(40, 'a tag must be at most 40 characters')
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u, 'a tag holds letters, digits, spaces, "-" and "_"');

const unique = <T>(list: T[]) => [...new Set(list)];

/** The zod enum GraphQL declares as `ChallengeType`. */
export const challengeTypeInput = z.enum(CHALLENGE_TYPES);

/** `setInterests`' input: the whole declaration, replacing the one before. */
export const interestsInput = z.object({
  tags: z.array(tag).max(50, 'at most 50 tags').transform(unique).default([]),
  challengeTypes: z.array(challengeTypeInput).max(CHALLENGE_TYPES.length).transform(unique).default([]),
  agencyIds: z
    .array(globalId('Organization'))
    .max(50, 'at most 50 agencies')
    .transform(unique)
    .default([])
    .describe('Global ids of agencies: their challenges and those of agencies below them.'),
  datasetIds: z
    .array(globalId('DataConnection'))
    .max(100, 'at most 100 datasets')
    .transform(unique)
    .default([])
    .describe('Global ids of data connections to hear of when they become available.'),
  expectedVersion: z.number().int().min(0).optional().describe('The version you read; refused if it changed.'),
});
export type InterestsInput = z.input<typeof interestsInput>;

/** `setNoticeChannels`' input: the signed-in member's external channels (null turns one off). */
export const channelsInput = z.object({
  webhookUrl: z
    .url({ protocol: /^https$/, normalize: true })
    .max(2000)
    .nullable()
    .default(null)
    .describe('An https webhook receiving each notice as JSON through the notify service; null for none.'),
  email: email.nullable().default(null).describe('Where notices are e-mailed; null for none.'),
});
export type ChannelsInput = z.input<typeof channelsInput>;

/** `markNoticesRead`' arguments. */
export const markReadInput = z.object({
  ids: z.array(globalId('Notice')).min(1, 'name at least one notice').max(100, 'at most 100 at once'),
});
