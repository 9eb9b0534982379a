export const signIn = {
  title: 'Sign in',
  intro:
    'Sign in to post challenges, submit proposals, review, or run the hub. Browsing challenges, services and data needs no sign-in.',
  already: 'You are signed in as {{name}}. Signing in again switches member.',
  refused: 'You could not be signed in',
  oidcTitle: 'Sign in with your organization’s account',
  oidcIntro:
    'You sign in at {{provider}}; the hub then opens a session in this browser. Your organization admin must have invited you with the e-mail address {{provider}} knows.',
  oidc: 'Sign in with {{provider}}',
  noMethod:
    'This hub offers no way to sign in yet. Its operator configures an identity provider (see docs/production.md).',
  demoTitle: 'Try it as a demo member',
  demoIntro:
    'On a demo hub every role has a member. To follow a challenge end to end: post and publish it as the challenge manager, submit as the company admin, score as the reviewer, then award as the challenge manager again.',
  demoOff: 'Demo sign-in is turned off on this hub.',
  as: 'Sign in as {{name}}',
};
