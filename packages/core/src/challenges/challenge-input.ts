import { z } from 'zod';
import { globalId, graphqlInput } from '../graphql/input-hints.js';
import { ORGANIZATION_KINDS } from '../identity/index.js';
import { optionalText, text } from '../validation.js';
import { CHALLENGE_TYPES } from './model.js';

const isoDate = (label: string) =>
  z
    .string()
    .refine(
      (value) => !Number.isNaN(Date.parse(value)),
      `${label} must be an ISO-8601 date-time such as "2027-01-31T00:00:00Z"`,
    )
    .transform((value) => new Date(value).toISOString())
    .register(graphqlInput, { type: 'DateTime' });

const tag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'a tag must not be empty')
  .max(40, 'a tag must be at most 40 characters')
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u, 'a tag holds letters, digits, spaces, "-" and "_"');

/** The zod enums that GraphQL declares as the enums `ChallengeType` and `OrganizationKind`. */
export const challengeType = z.enum(CHALLENGE_TYPES);
export const organizationKind = z.enum(ORGANIZATION_KINDS);

export const criterionInput = z
  .object({
    key: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,39}$/, 'a criterion key is lowercase letters, digits and "-", e.g. "feasibility"')
      .describe('Lowercase letters, digits and "-"; unique within the challenge.'),
    name: text('a criterion name', 100),
    description: optionalText('a criterion description', 1000).default(''),
    weight: z
      .number()
      .int('a weight is a whole percent')
      .min(1, 'a weight is at least 1')
      .max(100, 'a weight is at most 100')
      .describe('Percent; all weights sum to 100.'),
  })
  .register(graphqlInput, { name: 'CriterionInput' });

export const criteriaInput = z
  .array(criterionInput)
  .min(1, 'give at least one evaluation criterion')
  .max(20, 'at most 20 criteria')
  .refine((list) => list.reduce((sum, c) => sum + c.weight, 0) === 100, {
    message: 'the criteria weights must sum to 100',
  })
  .refine((list) => new Set(list.map((c) => c.key)).size === list.length, { message: 'criterion keys must be unique' });

const fields = {
  title: text('a title', 200),
  summary: text('a summary', 500),
  problemStatement: optionalText('a problem statement', 50_000).describe('Markdown.'),
  tags: z
    .array(tag)
    .max(20, 'at most 20 tags')
    .transform((list) => [...new Set(list)]),
  type: challengeType,
  dataConnectionIds: z
    .array(globalId('DataConnection'))
    .max(50)
    .describe('Global ids of the data connections the challenge bears on.'),
  serviceIds: z.array(globalId('Service')).max(50).describe('Global ids of the services it bears on.'),
  criteria: criteriaInput,
  prize: z
    .object({
      kind: z.enum(['PRIZE', 'CONTRACT']).register(graphqlInput, { type: 'String', description: 'PRIZE or CONTRACT.' }),
      amount: z.number().int().min(0, 'an amount is not negative').max(1e13).register(graphqlInput, { type: 'Float' }),
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/, 'a currency is an ISO 4217 code such as "KRW"')
        .describe('ISO 4217, e.g. KRW.'),
      description: optionalText('a prize description', 1000).default(''),
    })
    .register(graphqlInput, { name: 'PrizeInput' })
    .nullable(),
  eligibility: z
    .object({
      organizationKinds: z.array(organizationKind).min(1, 'allow at least one organization kind'),
      minTeamSize: z.number().int().min(1).max(1000),
      maxTeamSize: z.number().int().min(1).max(1000).nullable(),
    })
    .refine((e) => e.maxTeamSize === null || e.maxTeamSize >= e.minTeamSize, {
      message: 'maxTeamSize must be at least minTeamSize',
      path: ['maxTeamSize'],
    })
    .register(graphqlInput, { name: 'EligibilityInput' }),
  terms: optionalText('the terms', 20_000).describe(
    'IP and licence terms, e.g. a non-exclusive licence for the government to operate the winning solution.',
  ),
  submissionDeadline: isoDate('submissionDeadline'),
  evaluationEnd: isoDate('evaluationEnd'),
  phases: z
    .array(
      z
        .object({ name: text('a phase name', 100), submissionDeadline: isoDate('a phase deadline') })
        .register(graphqlInput, { name: 'PhaseInput' }),
    )
    .max(5, 'at most 5 later phases'),
};

export const createChallengeInput = z
  .object({
    ...fields,
    problemStatement: fields.problemStatement.default(''),
    tags: fields.tags.default([]),
    dataConnectionIds: fields.dataConnectionIds.default([]),
    serviceIds: fields.serviceIds.default([]),
    prize: fields.prize.default(null),
    eligibility: fields.eligibility.default({ organizationKinds: ['COMPANY'], minTeamSize: 1, maxTeamSize: null }),
    terms: fields.terms.default(''),
    phases: fields.phases.default([]),
  })
  .refine((c) => Date.parse(c.evaluationEnd) > Date.parse(c.submissionDeadline), {
    message: 'evaluationEnd must come after submissionDeadline',
    path: ['evaluationEnd'],
  });

// Every field may be left out; a prize left out or null stays as it is (as GraphQL's null always meant here).
export const updateChallengeInput = z
  .object(fields)
  .partial()
  .extend({ prize: fields.prize.unwrap().optional(), expectedVersion: z.number().int().positive().optional() });

export type CreateChallengeInput = z.input<typeof createChallengeInput>;
export type UpdateChallengeInput = z.input<typeof updateChallengeInput>;

/** `cancelChallenge`'s reason, shown publicly with the challenge. */
export const cancelInput = z.object({ reason: text('a reason', 1000).describe('Shown publicly with the challenge.') });

/** `postAnnouncement`'s arguments besides the challenge. */
export const announcementInput = z.object({
  title: text('a title', 200),
  body: text('a body', 20_000).describe('Markdown.'),
});
