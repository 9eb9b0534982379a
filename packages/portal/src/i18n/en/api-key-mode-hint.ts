export const apiKeyModeHint = {
  TEST: 'Reaches service sandboxes and reads; cannot create keys, members or organizations, or change grants.',
  LIVE: 'Acts with all the chosen scopes.',
};
