export const challenge = {
  title: 'Challenge',
  notFound: 'This challenge does not exist, or it is not published yet.',
  submitProposal: 'Submit a proposal',
  scoreSubmissions: 'Score the submissions',
  signInToTakePart: 'Sign in as a company member to ask questions and submit a proposal.',
  yourSubmissions: "Your organization's submissions",
  submissions: 'Submissions',
  submissionsReceived: 'Submissions received',
};
