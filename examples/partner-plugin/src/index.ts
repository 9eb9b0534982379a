/**
 * @packageDocumentation
 * `@acme/maru-business-status` — an example partner plugin. Acme Inc. offers
 * the hub a shared service that checks a business registration number, and a
 * data connector that feeds business closures into data connections. It
 * depends on `@maru/sdk` only, as any partner's plugin would.
 */
import { definePlugin, defineService } from '@maru/sdk';
import { checkStatus } from './check-status.js';
import { businessClosures } from './closures-connector.js';
import { settingsSchema } from './settings.js';

// Named exports too, so tests and callers get the operation's and connector's inferred types.
export { checkStatus, businessClosures };
export { SANDBOX_BUSINESSES } from './sandbox.js';
export { normalizeRegistrationNumber } from './registration-number.js';

export default definePlugin({
  name: '@acme/maru-business-status',
  version: '1.0.0',
  publisher: 'Acme Inc.',
  // Plugin API 2: built by maru build into one bundle that the hub runs in an isolate (connectors need 1.1 or later).
  compatibility: '^2.0.0',
  capabilities: ['fetch', 'kv'],
  hosts: ['bizreg.acme.example'],
  config: settingsSchema,
  services: [
    defineService({
      key: 'business-status',
      name: 'Business status check',
      description:
        'Checks whether a business registration number (사업자등록번호) belongs to an active, suspended or closed business.',
      category: 'identity',
      operations: { checkStatus },
    }),
  ],
  connectors: [businessClosures],
});
