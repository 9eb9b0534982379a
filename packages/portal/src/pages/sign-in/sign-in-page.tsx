import { useNavigate, useSearchParams } from 'react-router';
import { useSession, type Viewer } from '../../auth/session';
import { useT } from '../../i18n/use-t';
import { usePageTitle } from '../../layout/use-page-title';
import { ApiKeyForm } from './api-key-form';
import { DemoMemberList } from './demo-member-list';

/** Where a member lands after signing in: the page of their main task. */
function landingFor(viewer: Viewer): string {
  if (viewer.roles.includes('CHALLENGE_MANAGER') || viewer.roles.includes('AGENCY_ADMIN')) return '/manage';
  if (viewer.roles.includes('REVIEWER')) return '/reviews';
  if (viewer.roles.includes('PLATFORM_ADMIN')) return '/admin/plugins';
  return '/';
}

/** Sign in with an API key, or — on a demo hub — as one of the seeded members. */
export function SignInPage() {
  const { t } = useT();
  usePageTitle(t('signIn.title'));
  const { viewer } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('next');
  const done = (member: Viewer) =>
    void navigate(next?.startsWith('/') && !next.startsWith('//') ? next : landingFor(member));
  return (
    <div className="page sign-in-page">
      <h1>{t('signIn.title')}</h1>
      {viewer ? <p className="maru-notice">{t('signIn.already', { name: viewer.name })}</p> : null}
      <p className="maru-lead">{t('signIn.intro')}</p>
      <DemoMemberList onSignedIn={done} />
      <ApiKeyForm onSignedIn={done} />
    </div>
  );
}
