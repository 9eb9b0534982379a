import { Link, Outlet } from 'react-router';
import { FlashProvider, SuccessMessage } from '../forms/flash';
import { LanguageSwitch } from '../i18n/language-switch';
import { useT } from '../i18n/use-t';
import { AccountMenu } from './account-menu';
import { SiteNav } from './site-nav';

/** The frame of every page: skip link, header with navigation, language and account, the main region. */
export function AppLayout() {
  const { t } = useT();
  return (
    <FlashProvider>
      <div className="app">
        <a className="skip-link" href="#main">
          {t('layout.skipToContent')}
        </a>
        <header className="app-header">
          <div className="app-header__bar">
            <Link to="/" className="app-brand">
              {t('layout.brand')}
            </Link>
            <div className="app-header__tools">
              <LanguageSwitch />
              <AccountMenu />
            </div>
          </div>
          <SiteNav />
        </header>
        <main id="main" className="app-main" tabIndex={-1}>
          <SuccessMessage />
          <Outlet />
        </main>
        <footer className="app-footer">
          <p>{t('layout.footer')}</p>
        </footer>
      </div>
    </FlashProvider>
  );
}
