export const data = {
  title: 'Data catalogue',
  intro:
    'Datasets agencies connect to the hub. The metadata and schema are public; the records follow each dataset’s classification.',
  searchRegion: 'Data catalogue search',
  searchLabel: 'Search datasets',
  classificationLabel: 'Classification',
  anyClassification: 'Any classification',
  empty: 'No dataset matches.',
  count_one: '{{count}} dataset',
  count_other: '{{count}} datasets',
  usedBy: 'Used by:',
  showPreview: 'Preview the records of {{name}}',
  previewNone: 'You may not read these records, or there are none yet.',
  requestAccess: 'Request access to {{name}}',
  requested: 'Request sent to the owning agency; follow it under Access.',
};
