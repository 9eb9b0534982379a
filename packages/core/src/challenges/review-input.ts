import { z } from 'zod';
import { globalId, graphqlInput } from '../graphql/input-hints.js';
import { optionalText } from '../validation.js';

/** `scoreSubmission`'s arguments besides the submission: what the schema declares and the service validates. */
export const scoreInput = z.object({
  scores: z
    .array(
      z
        .object({
          criterionKey: z.string(),
          score: z
            .number()
            .int('a score is a whole number')
            .min(0, 'a score is 0 to 10')
            .max(10, 'a score is 0 to 10')
            .describe('0–10.'),
          comment: optionalText('a comment', 5000).default(''),
        })
        .register(graphqlInput, { name: 'CriterionScoreInput' }),
    )
    .min(1, 'score every criterion'),
  publicComment: optionalText('a public comment', 5000).nullish().describe('Published with the results at award.'),
});

/** `awardChallenge`'s arguments besides the challenge. */
export const awardInput = z.object({
  winners: z
    .array(
      z
        .object({ submissionId: globalId('Submission'), note: optionalText('a note', 2000).nullish() })
        .register(graphqlInput, { name: 'WinnerInput' }),
    )
    .min(1, 'name at least one winner')
    .max(20),
  note: optionalText('a note', 5000).nullish(),
});

/** `declareNoConflict`'s arguments besides the challenge. */
export const declareNoConflictInput = z.object({
  statement: optionalText('a statement', 2000)
    .nullish()
    .describe('In your words, e.g. "I have no financial or personal tie to any entrant."'),
});

export type DeclareNoConflictInput = z.input<typeof declareNoConflictInput>;
export type ScoreInput = z.input<typeof scoreInput>;
export type AwardInput = z.input<typeof awardInput>;
