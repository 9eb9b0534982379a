import { PluginError } from '@maru/sdk';

/**
 * Every code this plugin throws, with its message. Clients see them as
 * `PLUGIN_MARU_PLUGIN_ADDRESS_<CODE>`. Codes are API: never renamed or reused;
 * README.md documents each one (a test keeps the two in step).
 */
export const addressErrors = {
  ADDRESS_NOT_FOUND: (postcode: string) =>
    new PluginError(
      'ADDRESS_NOT_FOUND',
      `No address has the postcode ${postcode}; check the five digits, or find the address with search.`,
    ),
} as const;
