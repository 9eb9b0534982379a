export const routeError = {
  title: 'This page could not be shown',
  body: 'Something went wrong while loading it. Reloading usually helps; if it does not, the hub may be updating.',
  reload: 'Reload the page',
};
