export const apiKeyMode = { TEST: 'Test', LIVE: 'Live' };
