import { OfficialBanner, PhaseBanner } from '@maru/ui';
import { useEffect, useId, useRef, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { FlashProvider, SuccessMessage } from '../forms/flash';
import { LanguageSwitch } from '../i18n/language-switch';
import { useT } from '../i18n/use-t';
import { AccountMenu } from './account-menu';
import { BreadcrumbProvider, LayoutBreadcrumbs } from './breadcrumbs';
import { SiteFooter } from './site-footer';
import { useSiteIdentity } from './site-identity';
import { SiteNav } from './site-nav';
import './shell.css';

/**
 * The frame of every page (KRDS): skip link, the official banner, the header (brand and operator, navigation,
 * language, account — behind a "Menu" button on a phone), the phase banner while not live, breadcrumbs and the
 * page, then the operator's identifier and the footer with the policy pages.
 */
export function AppLayout() {
  const { t } = useT();
  const site = useSiteIdentity();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuId = useId();
  const menuButton = useRef<HTMLButtonElement>(null);
  const location = useLocation();
  useEffect(() => setMenuOpen(false), [location.key]);
  const phase = site?.phase === 'DEMO' ? 'demo' : site?.phase === 'BETA' ? 'beta' : null;
  return (
    <FlashProvider>
      <BreadcrumbProvider>
        <div className="app">
          <a className="skip-link" href="#main">
            {t('layout.skipToContent')}
          </a>
          <OfficialBanner
            texts={{
              statement: t('layout.official'),
              howToTell: t('layout.officialHow'),
              signs: [
                { title: t('layout.officialDomainTitle'), body: t('layout.officialDomain') },
                { title: t('layout.officialHttpsTitle'), body: t('layout.officialHttps') },
              ],
            }}
          />
          <header
            className={`app-header${menuOpen ? ' app-header--open' : ''}`}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && menuOpen) {
                setMenuOpen(false);
                menuButton.current?.focus();
              }
            }}
          >
            <div className="app-header__bar">
              <Link to="/" className="app-brand">
                <span className="app-brand__name">{t('layout.brand')}</span>
                {site?.operator ? <span className="app-brand__operator">{site.operator.name}</span> : null}
              </Link>
              <button
                type="button"
                ref={menuButton}
                className="app-menu-button"
                aria-expanded={menuOpen}
                aria-controls={menuId}
                onClick={() => setMenuOpen(!menuOpen)}
              >
                <span aria-hidden="true" className="app-menu-button__icon">
                  {menuOpen ? '✕' : '☰'}
                </span>
                {t('layout.menu')}
              </button>
              <div id={menuId} className="app-header__menu">
                <SiteNav />
                <div className="app-header__tools">
                  <LanguageSwitch />
                  <AccountMenu />
                </div>
              </div>
            </div>
          </header>
          {phase ? (
            <PhaseBanner phase={phase} tag={t(`layout.phase.${phase}`)}>
              {t(`layout.phase.${phase}Text`)}
            </PhaseBanner>
          ) : null}
          <main id="main" className="app-main" tabIndex={-1}>
            <LayoutBreadcrumbs />
            <SuccessMessage />
            <Outlet />
          </main>
          <SiteFooter site={site} />
        </div>
      </BreadcrumbProvider>
    </FlashProvider>
  );
}
