import { useEffect, useRef } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useSession, type Viewer } from '../../auth/session';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { START_PATH, landingFor, samePath } from '../../layout/landing';
import { usePageTitle } from '../../layout/use-page-title';
import { DemoMemberList } from './demo-member-list';

/**
 * Sign in the way this hub offers: its OpenID Connect provider, and — on a demo hub only — one of the seeded
 * members. `?error=CODE` (a refused sign-in sent back here) is explained at the top.
 */
export function SignInPage() {
  const { t } = useT();
  usePageTitle(t('signIn.title'));
  const { viewer, options, loading } = useSession();
  const explain = useErrorText();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('next');
  const refused = params.get('error');
  const alert = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (refused) alert.current?.focus();
  }, [refused]);
  const done = (member: Viewer) => void navigate(samePath(next) ? next : landingFor(member));
  const returnTo = samePath(next) ? next : START_PATH;
  return (
    <div className="page sign-in-page">
      <h1>{t('signIn.title')}</h1>
      {refused ? (
        <div className="error-summary" role="alert" tabIndex={-1} ref={alert} aria-labelledby="sign-in-refused">
          <h2 id="sign-in-refused">{t('signIn.refused')}</h2>
          <p>{explain(refused)}</p>
        </div>
      ) : null}
      {viewer ? <p className="maru-notice">{t('signIn.already', { name: viewer.name })}</p> : null}
      <p className="maru-lead">{t('signIn.intro')}</p>
      {options?.oidc ? (
        <section aria-labelledby="sign-in-oidc" className="section">
          <h2 id="sign-in-oidc">{t('signIn.oidcTitle')}</h2>
          <p>{t('signIn.oidcIntro', { provider: options.oidc.providerName })}</p>
          <a className="maru-button" href={`${options.oidc.loginPath}?returnTo=${encodeURIComponent(returnTo)}`}>
            {t('signIn.oidc', { provider: options.oidc.providerName })}
          </a>
        </section>
      ) : null}
      {options?.demo ? <DemoMemberList onSignedIn={done} /> : null}
      {!loading && options && !options.demo && !options.oidc ? (
        <p className="maru-notice maru-notice--warning">{t('signIn.noMethod')}</p>
      ) : null}
    </div>
  );
}
