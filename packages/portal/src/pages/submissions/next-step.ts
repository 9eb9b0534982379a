import type { ChallengeStatus, SubmissionStatus } from '../../gql/graphql';

/** What the company does next with a submission, as a text key of `mySubmissions.next` and where to do it. */
export type NextStep =
  'finishDraft' | 'draftClosed' | 'waitForClose' | 'underReview' | 'shortlisted' | 'winner' | 'rejected' | 'withdrawn';

export function nextStep(submission: SubmissionStatus, challenge: ChallengeStatus): NextStep {
  switch (submission) {
    case 'DRAFT':
      return challenge === 'OPEN' ? 'finishDraft' : 'draftClosed';
    case 'SUBMITTED':
      return challenge === 'OPEN' ? 'waitForClose' : 'underReview';
    case 'SHORTLISTED':
      return 'shortlisted';
    case 'WINNER':
      return 'winner';
    case 'REJECTED':
      return 'rejected';
    default:
      return 'withdrawn';
  }
}
