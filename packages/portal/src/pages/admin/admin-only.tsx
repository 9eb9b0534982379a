import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../auth/session';
import { useT } from '../../i18n/use-t';
import { SignInRequired } from '../../layout/sign-in-required';

/** Its children for platform admins; anyone else signed in is told plainly the page is not theirs, and nothing loads. */
export function AdminOnly({ children }: { children: ReactNode }) {
  return (
    <SignInRequired>
      <PlatformAdminsOnly>{children}</PlatformAdminsOnly>
    </SignInRequired>
  );
}

function PlatformAdminsOnly({ children }: { children: ReactNode }) {
  const { t } = useT();
  const { viewer, hasRole } = useSession();
  if (hasRole('PLATFORM_ADMIN')) return <>{children}</>;
  return (
    <section className="maru-notice maru-notice--warning admin-only" aria-labelledby="admins-only">
      <h1 id="admins-only">{t('admin.onlyTitle')}</h1>
      <p>{t('admin.onlyBody', { name: viewer?.name ?? '', organization: viewer?.organization.name ?? '' })}</p>
      <p>{t('admin.onlyNext')}</p>
      <Link className="maru-button maru-button--secondary" to="/">
        {t('admin.backHome')}
      </Link>
    </section>
  );
}
