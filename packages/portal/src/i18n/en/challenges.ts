export const challenges = {
  title: 'Challenges',
  intro:
    'Public problems posted by government agencies. Companies propose solutions; the best go on to pilot as shared services.',
  searchRegion: 'Challenge search',
  searchLabel: 'Search challenges',
  searchPlaceholder: 'Words in the title, summary or tags',
  statusLabel: 'Status',
  anyStatus: 'Any status',
  searchButton: 'Search',
  noMatch: 'No challenge matches this search. Try other words or any status.',
  signInHint: 'To post a challenge, submit a proposal or review, sign in.',
  signInLink: 'Sign in',
  signInHintDemo:
    'To post a challenge, submit a proposal or review, sign in. This is a demo hub: you can pick a demo member for each role.',
  signInLinkDemo: 'Sign in or choose a demo member',
};
