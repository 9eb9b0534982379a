import { useCallback } from 'react';
import { audit } from '../../i18n/en/audit';
import { auditAction } from '../../i18n/en/audit-action';
import { useErrorText } from '../../i18n/use-error-text';
import { useT, type MessageKey } from '../../i18n/use-t';

/** Every action the portal has words for, as the hub records it (`challenge.publish`), in the order of the texts. */
export const KNOWN_AUDIT_ACTIONS: readonly string[] = Object.keys(auditAction)
  .filter((key) => key !== 'service_call')
  .map((key) => key.replace('_', '.'));

/** An audit action in people's words; a service's own operation (`service.<operation>`) as a call to it; else the name as recorded. */
export function useAuditActionText(): (action: string) => string {
  const { t } = useT();
  return useCallback(
    (action: string) => {
      const key = action.replace('.', '_');
      if (Object.prototype.hasOwnProperty.call(auditAction, key)) return t(`auditAction.${key}` as MessageKey);
      if (action.startsWith('service.')) return t('auditAction.service_call', { operation: action.slice(8) });
      return action;
    },
    [t],
  );
}

/** How an action ended, in short words for the usual outcomes (with the code), else the refusal explained. */
export function useOutcomeText(): (outcome: string) => string {
  const { t } = useT();
  const explain = useErrorText();
  return useCallback(
    (outcome: string) =>
      Object.prototype.hasOwnProperty.call(audit.outcomes, outcome)
        ? outcome === 'SUCCESS'
          ? t('audit.outcomes.SUCCESS')
          : `${t(`audit.outcomes.${outcome}` as MessageKey)} (${outcome})`
        : t('audit.refused', { reason: explain(outcome) }),
    [t, explain],
  );
}
