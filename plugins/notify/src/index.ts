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
          operations: {
            send: '메시지를 기록하고 웹훅에 JSON으로 POST합니다. 실패하면 간격을 늘려 가며(100ms, 200ms) 최대 3번까지 보냅니다. 같은 idempotencyKey로 다시 보내면 아무것도 보내지 않고 처음 메시지로 답합니다(`deduplicated: true`). 테스트 키로 부르면 실제로 보내지 않습니다.',
            status:
              '우리 기관이 보낸 메시지의 상태를 알려 줍니다. 보내는 중에는 PENDING, 그 뒤에는 DELIVERED 또는 FAILED이며 시도한 기록이 모두 함께 나옵니다.',
          },
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
