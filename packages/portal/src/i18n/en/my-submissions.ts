export const mySubmissions = {
  title: 'My submissions',
  submitted: '“{{title}}” is submitted. The agency will see it once submissions close.',
  empty: 'Your organization has no submissions yet. Find an open challenge and submit a proposal.',
  submission: 'Submission',
  challenge: 'Challenge',
  status: 'Status',
  updated: 'Last change',
  continue: 'Continue the draft',
};
