import { useSession } from '../../auth/session';
import { useT } from '../../i18n/use-t';
import { Breadcrumbs } from '../../layout/breadcrumbs';
import { SignInRequired } from '../../layout/sign-in-required';
import { usePageTitle } from '../../layout/use-page-title';
import { ApiKeys } from './api-keys';
import { Sessions } from './sessions';

/** My account: who I am, my API keys (for programs) and where I am signed in. */
export function AccountPage() {
  const { t } = useT();
  usePageTitle(t('myAccount.title'));
  return (
    <div className="page">
      <Breadcrumbs current={t('myAccount.title')} />
      <SignInRequired>
        <Account />
      </SignInRequired>
    </div>
  );
}

function Account() {
  const { t } = useT();
  const { viewer } = useSession();
  if (!viewer) return null;
  return (
    <>
      <h1>{t('myAccount.title')}</h1>
      <dl className="facts">
        <dt>{t('myAccount.name')}</dt>
        <dd>{viewer.name}</dd>
        <dt>{t('myAccount.email')}</dt>
        <dd>{viewer.email}</dd>
        <dt>{t('myAccount.organization')}</dt>
        <dd>{viewer.organization.name}</dd>
        <dt>{t('myAccount.roles')}</dt>
        <dd>{viewer.roles.map((role) => t(`role.${role}`)).join(', ')}</dd>
      </dl>
      <ApiKeys />
      <Sessions />
    </>
  );
}
