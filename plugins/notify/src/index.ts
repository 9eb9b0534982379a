/**
 * @packageDocumentation
 * `@maru/plugin-notify` — sends notifications to webhooks with retries,
 * idempotency keys and a delivery status.
 */
import { definePlugin, defineService } from '@maru/sdk';
import { send } from './send.js';
import { status } from './status.js';

export { Message } from './message.js';
export { notifyErrors } from './errors.js';

export default definePlugin({
  name: '@maru/plugin-notify',
  version: '0.1.0',
  publisher: 'Maru',
  compatibility: '^2.0.0',
  capabilities: ['kv', 'fetch'],
  // ctx.fetch reaches only the manifest's hosts, and a manifest is fixed per version: a receiver on
  // another host needs a release that lists it (there is no per-installation host list yet).
  hosts: ['hooks.example.gov.kr'],
  services: [
    defineService({
      key: 'notifications',
      name: 'Notifications',
      description:
        'Sends messages to webhooks, retrying failed deliveries, never twice for one idempotency key, with a status per message.',
      i18n: {
        ko: {
          name: '알림 발송',
          description:
            '웹훅으로 메시지를 보내고, 실패한 발송은 다시 시도합니다. 같은 멱등 키로는 두 번 보내지 않으며, 메시지마다 발송 상태를 알려 줍니다.',
        },
        en: {
          name: 'Notifications',
          description:
            'Sends messages to webhooks, retrying failed deliveries, never twice for one idempotency key, with a status per message.',
        },
      },
      category: 'notifications',
      operations: { send, status },
    }),
  ],
});
