import { useCallback } from 'react';
import { auditAction } from '../../i18n/en/audit-action';
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
