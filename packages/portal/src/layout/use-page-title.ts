import { useEffect } from 'react';
import { useT } from '../i18n/use-t';
import { usePageCrumb } from './breadcrumbs';

/** Sets the tab's title to "<page> · Maru", so history and screen readers name the page; it is its breadcrumb too. */
export function usePageTitle(title: string | null | undefined): void {
  const { t } = useT();
  const brand = t('layout.brand');
  usePageCrumb(title);
  useEffect(() => {
    document.title = title ? `${title} · ${brand}` : brand;
  }, [title, brand]);
}
