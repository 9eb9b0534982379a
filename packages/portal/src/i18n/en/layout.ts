export const layout = {
  brand: 'Maru',
  skipToContent: 'Skip to content',
  breadcrumbs: 'You are here',
  home: 'Home',
  footer:
    'Maru — the open hub of the digital platform government. Challenges, shared services and agency data in one place.',
};
