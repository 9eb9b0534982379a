export const submit = {
  title: 'Submit a proposal',
  heading: 'Your proposal for “{{title}}”',
  intro:
    'Submitted for {{organization}}. Save a draft at any time; submitting needs a proposal and your acceptance of the terms.',
  backToChallenge: 'Back to the challenge',
  notOpen: 'This challenge is not open for submissions.',
  alreadySent: 'Your organization has already submitted “{{title}}”.',
  draftSaved: 'Draft saved.',
  withdrawnBefore:
    'Your organization withdrew “{{title}}” from this challenge. An organization enters each phase once, so it cannot submit again.',
  viewSent: 'View what you sent',
};
