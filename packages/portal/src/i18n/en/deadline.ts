export const deadline = {
  passed: 'closed',
};
