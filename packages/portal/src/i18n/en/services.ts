export const services = {
  title: 'Shared services',
  intro:
    'Services any agency or company can call through the hub, with an access grant. Many began as winning solutions of challenges.',
  empty: 'No services in the catalogue yet.',
  count_one: '{{count}} service',
  count_other: '{{count}} services',
  usesData: 'Uses the datasets:',
  fromChallenge: 'Launched from the challenge',
  yourAccess: 'Your organization’s access:',
  requestAccess: 'Request access to {{name}}',
  purpose: 'Purpose',
  sendRequest: 'Send the request',
  requested: 'Request sent. A platform admin decides on it; follow it under Access.',
};
