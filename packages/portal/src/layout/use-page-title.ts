import { useEffect } from 'react';
import { useT } from '../i18n/use-t';

/** Sets the tab's title to "<page> · Maru", so history and screen readers name the page. */
export function usePageTitle(title: string | null | undefined): void {
  const { t } = useT();
  const brand = t('layout.brand');
  useEffect(() => {
    document.title = title ? `${title} · ${brand}` : brand;
  }, [title, brand]);
}
