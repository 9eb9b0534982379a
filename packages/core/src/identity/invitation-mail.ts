/**
 * The mail hook: the hub does not send e-mail itself. When the operator sets a webhook URL
 * (`MARU_MAIL_WEBHOOK_URL` on the hub, `mail.webhookUrl` in `createHub`), each message is POSTed
 * there as JSON for their mail service (or the notify plugin's relay) to deliver.
 */
import type { HubLogger } from '../logger.js';

/** What the hub asks to be e-mailed. */
export interface InvitationMessage {
  kind: 'member.invitation';
  /** The invited person's address. */
  to: string;
  /** The organization's name. */
  organization: string;
  /** The hub's sign-in that accepts the invitation. */
  link: string;
  expiresAt: string;
}

/** SENT: the hook answered 2xx. NOT_CONFIGURED: there is no hook. FAILED: it did not answer 2xx in time. */
export type MailOutcome = 'SENT' | 'NOT_CONFIGURED' | 'FAILED';

export interface InvitationMail {
  send(message: InvitationMessage): Promise<MailOutcome>;
}

export interface MailOptions {
  /** Where messages are POSTed as JSON. Absent: nothing is sent, and the operator's log has the link. */
  webhookUrl?: string | null;
  /** How long the hook may take. Default 10 s. */
  timeoutMs?: number;
}

export function createInvitationMail(options: MailOptions, logger: HubLogger): InvitationMail {
  const url = options.webhookUrl || null;
  return {
    async send(message) {
      if (!url) return 'NOT_CONFIGURED';
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(message),
          redirect: 'error',
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        });
        await response.body?.cancel();
        if (response.ok) return 'SENT';
        logger.error({ status: response.status, kind: message.kind }, 'the mail hook refused a message');
      } catch (error) {
        logger.error({ err: error, kind: message.kind }, 'the mail hook could not be reached');
      }
      return 'FAILED';
    },
  };
}
