export const classification = {
  PUBLIC: 'Public',
  INTERNAL: 'Internal',
  RESTRICTED: 'Restricted',
  PERSONAL: 'Personal',
};
