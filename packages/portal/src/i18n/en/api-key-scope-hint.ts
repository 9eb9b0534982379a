export const apiKeyScopeHint = {
  READ: 'Read private data your roles may see.',
  WRITE: 'Change challenges, submissions, reviews and requests.',
  ADMIN: 'Manage members, keys and organizations.',
};
