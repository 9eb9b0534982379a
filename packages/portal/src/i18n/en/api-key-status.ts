export const apiKeyStatus = { ACTIVE: 'Active', EXPIRED: 'Expired', REVOKED: 'Revoked' };
