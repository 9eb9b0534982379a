import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useSession, type Role } from '../auth/session';
import { useErrorText } from '../i18n/use-error-text';
import { useT } from '../i18n/use-t';

/** Shows its children to a signed-in member with one of `roles` (any member when left out); explains what is needed otherwise. */
export function SignInRequired({ roles, children }: { roles?: Role[]; children: ReactNode }) {
  const { t } = useT();
  const { viewer, loading, hasRole, endedBecause } = useSession();
  const explain = useErrorText();
  const location = useLocation();
  if (loading) return <p role="status">{t('common.loading')}</p>;
  if (!viewer) {
    return (
      <section className="maru-notice" aria-labelledby="sign-in-needed">
        <h1 id="sign-in-needed">{t('signInRequired.title')}</h1>
        {endedBecause ? <p role="alert">{explain(endedBecause)}</p> : null}
        <p>{t('signInRequired.body')}</p>
        <Link className="maru-button" to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`}>
          {t('account.signIn')}
        </Link>
      </section>
    );
  }
  if (roles && !hasRole(...roles)) {
    return (
      <section className="maru-notice" aria-labelledby="role-needed">
        <h1 id="role-needed">{t('signInRequired.roleTitle')}</h1>
        <p>{t('signInRequired.roleBody', { roles: roles.map((role) => t(`role.${role}`)).join(', ') })}</p>
      </section>
    );
  }
  return <>{children}</>;
}
