export const signInRequired = {
  title: 'Please sign in',
  body: 'This page is for signed-in members.',
  roleTitle: 'Not available for your role',
  roleBody: 'This page is for: {{roles}}.',
};
