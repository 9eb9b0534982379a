export const challengeStatus = {
  DRAFT: 'Draft',
  OPEN: 'Open',
  CLOSED: 'Closed',
  EVALUATING: 'Evaluating',
  AWARDED: 'Awarded',
  CANCELLED: 'Cancelled',
};
