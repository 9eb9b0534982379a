export const roleCan = {
  PLATFORM_ADMIN: 'Runs the hub: plugins, service access and the whole audit trail.',
  AGENCY_ADMIN:
    'Administers an agency: its members, datasets, data access requests and its audit trail; can also post challenges.',
  CHALLENGE_MANAGER:
    'Posts and publishes challenges, answers questions, seats the review panel, and awards the winners.',
  REVIEWER: 'Scores the submissions of the challenges whose panel they sit on.',
  COMPANY_ADMIN:
    'Submits proposals to open challenges for the company, asks questions, and requests access to services and data.',
  DEVELOPER: "Works on the company's submissions and calls shared services.",
};
