import { Link, useRouteError } from 'react-router';
import { useT } from '../i18n/use-t';

/** When a page fails to render or its code fails to load (e.g. after a new deploy): say so and offer a way on. */
export function RouteError() {
  const { t } = useT();
  const error = useRouteError();
  return (
    <main id="main" className="app-main">
      <div className="page" role="alert">
        <h1>{t('routeError.title')}</h1>
        <p>{t('routeError.body')}</p>
        <p className="muted">{error instanceof Error ? error.message : String(error)}</p>
        <p>
          <a href={window.location.href}>{t('routeError.reload')}</a> · <Link to="/">{t('notFound.home')}</Link>
        </p>
      </div>
    </main>
  );
}
