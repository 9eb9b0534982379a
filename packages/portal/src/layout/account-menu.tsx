import { Link, useNavigate } from 'react-router';
import { useSession } from '../auth/session';
import { useT } from '../i18n/use-t';

/** Who is signed in (name, roles, organization, a link to their account) and a sign-out button; a sign-in link otherwise. */
export function AccountMenu() {
  const { t } = useT();
  const { viewer, loading, signOut } = useSession();
  const navigate = useNavigate();
  if (loading) return null;
  if (!viewer) {
    return (
      <Link className="maru-button maru-button--secondary" to="/sign-in">
        {t('account.signIn')}
      </Link>
    );
  }
  return (
    <div className="account">
      <p className="account__who">
        <Link className="account__name" to="/account">
          {viewer.name}
        </Link>
        <span className="account__detail">
          {viewer.roles.map((role) => t(`role.${role}`)).join(', ')} · {viewer.organization.name}
        </span>
      </p>
      <button
        type="button"
        className="maru-button maru-button--secondary"
        onClick={() => {
          void signOut().finally(() => void navigate('/'));
        }}
      >
        {t('account.signOut')}
      </button>
    </div>
  );
}
