export const reviews = {
  title: 'Reviews',
  intro: 'Challenges whose review panel you sit on.',
  empty: 'You are not on the panel of any challenge being evaluated.',
  evaluationEnd: 'evaluation ends',
  score: 'Score the submissions of “{{title}}”',
  notYet: 'Scoring starts when the agency starts the evaluation.',
  summary:
    'To score now: {{evaluating}} · closed, evaluation not started: {{closed}} · still taking submissions: {{open}}.',
  progress: 'Progress',
  scoredOf: '{{scored}} of {{total}} scored',
  notClosed: 'Submissions are still open; scoring starts after they close.',
  submissionDeadline: 'Submission deadline',
  declaration: 'Conflict of interest',
  declared: 'Declared: no conflict',
  notDeclared: 'Not declared yet (needed before scoring)',
  conflicted: 'Conflicted: your organization has entered this challenge',
  conflictedHint: 'You cannot score this challenge; the agency will appoint another reviewer.',
};
