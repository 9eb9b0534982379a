import { PluginError } from '@maru/sdk';

/**
 * Every code this plugin throws, with its message. Clients see them as
 * `PLUGIN_MARU_PLUGIN_DOCUMENTS_<CODE>`. Codes are API: never renamed or
 * reused; README.md documents each one (a test keeps the two in step).
 */
export const documentErrors = {
  CERTIFICATE_NOT_FOUND: (id: string, mode: 'live' | 'test') =>
    new PluginError(
      'CERTIFICATE_NOT_FOUND',
      mode === 'test'
        ? `No test certificate has the id ${id}; with a test key only certificates issued with a test key can be revoked.`
        : `No certificate has the id ${id}; check the id, and that it was not issued with a test key.`,
    ),
  NOT_ISSUER: (id: string) =>
    new PluginError(
      'NOT_ISSUER',
      `Certificate ${id} was issued by another organization; only its issuer may revoke it.`,
    ),
} as const;
