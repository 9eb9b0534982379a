export const mySubmissions = {
  title: 'My submissions',
  intro:
    'Every submission of your organization, where it stands and what comes next. Deadlines are in Korea time (KST).',
  submitted: '“{{title}}” is submitted. The agency will see it once submissions close.',
  empty: 'Your organization has no submissions yet. Find an open challenge and submit a proposal.',
  submission: 'Submission',
  challenge: 'Challenge',
  status: 'Status',
  nextStep: 'Next step',
  deadline: 'Submission deadline',
  updated: 'Last change',
  continue: 'Continue the draft',
  next: {
    finishDraft: 'Finish the draft and submit it before the deadline.',
    draftClosed: 'Not sent: the challenge no longer takes submissions.',
    waitForClose: 'Sent. You may withdraw it until submissions close.',
    underReview: 'Being reviewed by the panel.',
    shortlisted: 'Shortlisted: wait for the next phase or the award.',
    winner: 'Awarded. See the challenge for the pilot’s next steps.',
    rejected: 'Not selected this time.',
    withdrawn: 'Withdrawn: the agency does not consider it.',
  },
};
