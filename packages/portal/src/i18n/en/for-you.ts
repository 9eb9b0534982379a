export const forYou = {
  title: 'Challenges for you',
  empty: 'No open challenge matches your interests yet.',
  declare: 'Declare interests',
};
