import { useSearchParams } from 'react-router';
import { useSession } from '../../auth/session';
import { useQuery } from '../../graphql/use-query';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { Breadcrumbs } from '../../layout/breadcrumbs';
import { SignInRequired } from '../../layout/sign-in-required';
import { usePageTitle } from '../../layout/use-page-title';
import { AddMemberForm } from './add-member-form';
import { InvitationList } from './invitation-list';
import { InviteMemberForm } from './invite-member-form';
import { MemberTable } from './member-table';
import { OrganizationAdministrationDocument } from './organization-queries';

/** An organization's members for its admins: invite, change roles, disable and enable; pending invitations. */
export function OrganizationPage() {
  const { t } = useT();
  usePageTitle(t('organization.title'));
  return (
    <div className="page">
      <SignInRequired roles={['PLATFORM_ADMIN', 'AGENCY_ADMIN', 'COMPANY_ADMIN']}>
        <Organization />
      </SignInRequired>
    </div>
  );
}

function Organization() {
  const { t } = useT();
  const explain = useErrorText();
  const { viewer, options } = useSession();
  const [params] = useSearchParams();
  const id = params.get('id') ?? viewer?.organization.id ?? '';
  const result = useQuery(OrganizationAdministrationDocument, { id }, { skip: !id });
  const org = result.data?.organization;
  return (
    <>
      <Breadcrumbs
        trail={params.get('id') ? [{ to: '/organizations', label: t('organizations.title') }] : []}
        current={org?.name ?? t('organization.title')}
      />
      <h1>{org ? t('organization.heading', { name: org.name }) : t('organization.title')}</h1>
      {result.error ? <p className="maru-form-alert">{explain(result.error)}</p> : null}
      {result.loading && !org ? <p role="status">{t('common.loading')}</p> : null}
      {org ? (
        <>
          <p className="maru-lead">{t('organization.intro')}</p>
          <MemberTable organization={org} members={org.members.nodes} onChanged={result.reload} />
          <InviteMemberForm organization={org} onInvited={result.reload} />
          {options?.demo ? <AddMemberForm organization={org} onAdded={result.reload} /> : null}
          <InvitationList invitations={org.invitations.nodes} onChanged={result.reload} />
        </>
      ) : null}
    </>
  );
}
