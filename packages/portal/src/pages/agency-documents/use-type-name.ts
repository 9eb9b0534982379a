import { useCallback } from 'react';
import { useT, type MessageKey } from '../../i18n/use-t';

/** A document type's name in the page's language when the portal knows it, else the name its plugin declares. */
export function useTypeName(): (type: string, declared?: string | null) => string {
  const { t, i18n } = useT();
  return useCallback(
    (type, declared) => {
      const key = `agencyDocuments.typeName.${type}`;
      return i18n.exists(key, { ns: 'portal' }) ? t(key as MessageKey) : (declared ?? type);
    },
    [t, i18n],
  );
}
