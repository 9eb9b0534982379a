export const common = {
  loading: 'Loading…',
  working: 'Working…',
  refresh: 'Refresh',
  loadMore: 'Load more',
  fixErrors: 'Please correct the fields marked below.',
  yes: 'Yes',
  no: 'No',
  cancel: 'Cancel',
};
