import type { ChallengeStatus } from '../../gql/graphql';

/** What a row of the agency's task table knows about a challenge. */
export interface TaskRow {
  id: string;
  status: ChallengeStatus;
  currentPhase: number;
  phases: { name: string }[];
  unansweredQuestionCount: number | null;
  panelSize: number;
  pilotCount: number;
  /** Reviews given and needed in the current phase; null when the figure was not asked (not in evaluation). */
  reviews: { done: number; needed: number } | null;
}

export type NextStepKind =
  | 'publish'
  | 'answer'
  | 'panel'
  | 'waitDeadline'
  | 'startEvaluation'
  | 'reviews'
  | 'award'
  | 'advance'
  | 'pilot'
  | 'done';

export interface NextStep {
  kind: NextStepKind;
  /** Where the step is done. */
  href: string;
  /** A count the label names (questions waiting, reviews left). */
  count?: number;
}

/**
 * The one thing the agency should do next on a challenge, in the order the work goes: questions first while a
 * challenge is open (companies wait on them), then the panel, the evaluation, the award and the pilot.
 */
export function nextStep(row: TaskRow): NextStep {
  const page = `/challenges/${encodeURIComponent(row.id)}`;
  const unanswered = row.unansweredQuestionCount ?? 0;
  switch (row.status) {
    case 'DRAFT':
      return { kind: 'publish', href: `${page}#manage-heading` };
    case 'OPEN':
      if (unanswered > 0) return { kind: 'answer', href: `${page}#qa`, count: unanswered };
      if (row.panelSize === 0) return { kind: 'panel', href: `${page}#manage-heading` };
      return { kind: 'waitDeadline', href: page };
    case 'CLOSED':
      if (row.panelSize === 0) return { kind: 'panel', href: `${page}#manage-heading` };
      return { kind: 'startEvaluation', href: `${page}#manage-heading` };
    case 'EVALUATING': {
      const left = row.reviews ? row.reviews.needed - row.reviews.done : 0;
      if (left > 0) return { kind: 'reviews', href: `${page}#manage-heading`, count: left };
      if (row.phases.length > row.currentPhase) return { kind: 'advance', href: `${page}#manage-heading` };
      return { kind: 'award', href: `${page}#manage-heading` };
    }
    case 'AWARDED':
      return row.pilotCount ? { kind: 'done', href: page } : { kind: 'pilot', href: `${page}#pilot` };
    default:
      return { kind: 'done', href: page };
  }
}
