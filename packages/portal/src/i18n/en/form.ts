export const form = { problemTitle: 'There is a problem' };
