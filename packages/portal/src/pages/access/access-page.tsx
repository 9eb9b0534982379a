import { useSession } from '../../auth/session';
import { useT } from '../../i18n/use-t';
import { SignInRequired } from '../../layout/sign-in-required';
import { usePageTitle } from '../../layout/use-page-title';
import { DataAccessRequests } from './data-access-requests';
import { ServiceGrants } from './service-grants';

/** Access to shared services (grants) and to agency data (requests), from the side the member is on. */
export function AccessPage() {
  const { t } = useT();
  usePageTitle(t('access.title'));
  return (
    <div className="page">
      <SignInRequired>
        <Access />
      </SignInRequired>
    </div>
  );
}

function Access() {
  const { t } = useT();
  const { viewer } = useSession();
  return (
    <>
      <h1>{t('access.title')}</h1>
      <p className="maru-lead">{t('access.intro')}</p>
      <ServiceGrants />
      {viewer?.organization.kind === 'AGENCY' ? <DataAccessRequests direction="INCOMING" /> : null}
      <DataAccessRequests direction="OUTGOING" />
    </>
  );
}
