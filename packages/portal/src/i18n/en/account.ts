export const account = { signIn: 'Sign in', signOut: 'Sign out' };
