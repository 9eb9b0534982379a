export const apiKeyScope = { READ: 'Read', WRITE: 'Write', ADMIN: 'Administer' };
