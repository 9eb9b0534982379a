export const score = {
  title: 'Score submissions',
  heading: 'Score the submissions of “{{title}}”',
  intro:
    'Score every criterion from 0 to 10. Your comments per criterion stay with the agency; the public comment is published with the results.',
  notEvaluating: 'This challenge is not in evaluation: scores cannot be changed now.',
  empty: 'No submitted entries to score.',
  byOrganization: 'By {{organization}} · team of {{size}}',
  proposal: 'Read the proposal',
  saved: 'Your scores are saved.',
  alreadyScored: 'You have scored this entry; saving again replaces your scores.',
  declareTitle: 'Declare no conflict of interest',
  declareIntro:
    'Before you score, declare that you have no conflict of interest on this challenge. The declaration is kept on the audit trail. If your organization has submitted to this challenge, you cannot score it.',
  declareConfirm: 'Neither I nor my organization has any tie to an entrant of this challenge.',
  declareRequired: 'Tick the box to declare.',
  declareStatement: 'Anything to add',
  declareStatementHint: 'Optional, e.g. “I have no financial or personal tie to any entrant.”',
  declare: 'Declare and start scoring',
  conflicted:
    'Your organization has submitted to this challenge, so you cannot score any of its entries, and the scores you gave do not count. Please tell the agency running it.',
};
