import { PluginError } from '@maru/sdk';

/**
 * Every code this plugin throws, with its message. Clients see them as
 * `PLUGIN_MARU_PLUGIN_NOTIFY_<CODE>`. Codes are API: never renamed or reused;
 * README.md documents each one (a test keeps the two in step).
 */
export const notifyErrors = {
  MESSAGE_NOT_FOUND: (id: string) =>
    new PluginError(
      'MESSAGE_NOT_FOUND',
      `Your organization sent no message with the id ${id}; check the id, and whether it was sent with a test key.`,
    ),
  IDEMPOTENCY_KEY_REUSED: (key: string) =>
    new PluginError(
      'IDEMPOTENCY_KEY_REUSED',
      `The idempotency key "${key}" was already used for a different message or URL; use a new key for a new message.`,
    ),
} as const;
