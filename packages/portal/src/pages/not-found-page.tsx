import { Link } from 'react-router';
import { useT } from '../i18n/use-t';
import { usePageTitle } from '../layout/use-page-title';

export function NotFoundPage() {
  const { t } = useT();
  usePageTitle(t('notFound.title'));
  return (
    <div className="page">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <Link to="/">{t('notFound.home')}</Link>
    </div>
  );
}
