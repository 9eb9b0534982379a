import { useT } from '../i18n/use-t';

/** Shown while a page's code loads. */
export function PageLoading() {
  const { t } = useT();
  return (
    <p role="status" className="muted">
      {t('common.loading')}
    </p>
  );
}
