export const account = {
  signIn: 'Sign in',
  signOut: 'Sign out',
  menu: 'account menu',
  screens: 'My screens',
};
