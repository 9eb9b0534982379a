export const reviews = {
  title: 'Reviews',
  intro: 'Challenges whose review panel you sit on.',
  empty: 'You are not on the panel of any challenge being evaluated.',
  evaluationEnd: 'evaluation ends',
  score: 'Score the submissions of “{{title}}”',
  notYet: 'Scoring starts when the agency starts the evaluation.',
};
