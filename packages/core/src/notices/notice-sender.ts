import type { NoticeSender } from './delivery-service.js';

/** What the sender needs of the plugins module: a service call made by the hub on a member's behalf. */
export interface HubServiceCaller {
  callForHub(
    serviceKey: string,
    operation: string,
    input: unknown,
    onBehalfOf: { organizationId: string; memberId: string },
    requestId: string,
  ): Promise<unknown>;
}

/** The notify plugin's service and the fields of its answer the sender reads. */
const SERVICE = 'notifications';
interface SendAnswer {
  status?: string;
  attempts?: Array<{ error?: string; statusCode?: number }>;
}

/**
 * Sends notices through the notify plugin's `send` (a webhook POST with its own retries and idempotency key). A
 * webhook notice goes to the member's URL; an e-mail notice goes to the hub's mail hook (the one invitations use,
 * `MARU_MAIL_WEBHOOK_URL`) as `{ to, subject, text }`. Anything but DELIVERED rejects, so the notices module retries
 * it later and shows why.
 */
export function createNoticeSender(caller: HubServiceCaller, mailWebhookUrl: string | null): NoticeSender {
  return async (outgoing) => {
    let url = outgoing.target;
    let message = outgoing.message;
    if (outgoing.channel === 'EMAIL') {
      if (!mailWebhookUrl) throw new Error('no mail hook is configured on the hub (MARU_MAIL_WEBHOOK_URL)');
      url = mailWebhookUrl;
      const notice = JSON.parse(outgoing.message) as { kind: string; title: string };
      message = JSON.stringify({
        to: outgoing.target,
        subject: `[Maru] ${notice.kind}: ${notice.title}`,
        text: message,
      });
    }
    const answer = (await caller.callForHub(
      SERVICE,
      'send',
      { channel: 'WEBHOOK', url, message, idempotencyKey: outgoing.idempotencyKey },
      { organizationId: outgoing.organizationId, memberId: outgoing.memberId },
      `notice:${outgoing.idempotencyKey}`,
    )) as SendAnswer;
    if (answer?.status !== 'DELIVERED') {
      const last = answer?.attempts?.at(-1);
      throw new Error(last?.error ?? `the notify service answered ${answer?.status ?? 'nothing'}`);
    }
  };
}
