import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../auth/session';
import { useT } from '../../i18n/use-t';
import { SignInRequired } from '../../layout/sign-in-required';

/**
 * Shows its children to agency admins and challenge managers of an agency; a member of a company (or of the
 * platform) is told that documents are issued and checked by agencies, and where their own documents are.
 */
export function AgencyOnly({ children }: { children: ReactNode }) {
  return (
    <SignInRequired>
      <AgencyMember>{children}</AgencyMember>
    </SignInRequired>
  );
}

function AgencyMember({ children }: { children: ReactNode }) {
  const { t } = useT();
  const { viewer } = useSession();
  if (viewer && viewer.organization.kind !== 'AGENCY')
    return (
      <section className="maru-notice" aria-labelledby="agencies-only">
        <h1 id="agencies-only">{t('agencyDocuments.agenciesOnlyTitle')}</h1>
        <p>{t('agencyDocuments.agenciesOnlyBody', { organization: viewer.organization.name })}</p>
        <Link className="maru-button" to="/my/documents">
          {t('agencyDocuments.myDocumentsLink')}
        </Link>
      </section>
    );
  return <SignInRequired roles={['AGENCY_ADMIN', 'CHALLENGE_MANAGER']}>{children}</SignInRequired>;
}
