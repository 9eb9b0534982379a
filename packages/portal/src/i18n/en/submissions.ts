export const submissions = { submittedAt: 'submitted' };
