export const notFound = {
  title: 'Page not found',
  body: 'There is no page at this address.',
  home: 'Go to the challenges',
};
