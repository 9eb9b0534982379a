import { useCallback } from 'react';
import { useT } from '../../i18n/use-t';

/** A time in Korea, in the page's language, with the zone named: "2026. 12. 5. 오후 4:30 KST". */
export function useKst(): (iso: string) => string {
  const { t, i18n } = useT();
  return useCallback(
    (iso: string) =>
      t('agencyDocuments.when', {
        date: new Intl.DateTimeFormat(i18n.language, {
          dateStyle: 'medium',
          timeStyle: 'short',
          timeZone: 'Asia/Seoul',
        }).format(Date.parse(iso)),
      }),
    [t, i18n.language],
  );
}
