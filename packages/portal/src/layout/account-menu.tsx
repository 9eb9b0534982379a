import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useSession, type Viewer } from '../auth/session';
import { useT, type MessageKey } from '../i18n/use-t';

interface MenuLink {
  to: string;
  label: MessageKey;
}

/** The screens of a member's roles beyond "My work", reached from the account menu. */
function linksFor(viewer: Viewer, hasRole: (...roles: Viewer['roles']) => boolean): MenuLink[] {
  const links: MenuLink[] = [{ to: '/account', label: 'nav.account' }];
  if (hasRole('PLATFORM_ADMIN')) links.push({ to: '/admin/plugins', label: 'nav.plugins' });
  if (hasRole('CHALLENGE_MANAGER', 'AGENCY_ADMIN'))
    links.push({ to: '/manage', label: 'nav.manage' }, { to: '/challenges/new', label: 'nav.postChallenge' });
  if (viewer.organization.kind === 'COMPANY')
    links.push(
      { to: '/my/submissions', label: 'nav.mySubmissions' },
      { to: '/my/documents', label: 'nav.myDocuments' },
    );
  if (hasRole('REVIEWER')) links.push({ to: '/reviews', label: 'nav.reviews' });
  // Dashboards for agency teams and platform admins; a company reads its own service usage there too.
  if (viewer.organization.kind !== 'COMPANY' || hasRole('COMPANY_ADMIN'))
    links.push({ to: '/insights', label: 'nav.insights' });
  links.push({ to: '/access', label: 'nav.access' });
  if (hasRole('PLATFORM_ADMIN', 'AGENCY_ADMIN', 'COMPANY_ADMIN'))
    links.push({ to: '/organization', label: 'nav.organization' });
  if (hasRole('PLATFORM_ADMIN', 'AGENCY_ADMIN')) links.push({ to: '/organizations', label: 'nav.organizations' });
  // The hub shows the audit trail to platform admins (all of it) and organization admins (their organization's).
  if (hasRole('PLATFORM_ADMIN', 'AGENCY_ADMIN', 'COMPANY_ADMIN')) links.push({ to: '/audit', label: 'nav.audit' });
  return links;
}

/**
 * Who is signed in and their screens: a button with their name opens the menu (name, roles, organization, the
 * screens of their roles, sign out); a sign-in link otherwise. In the phone menu it is shown open.
 */
export function AccountMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useT();
  const { viewer, loading, signOut, hasRole } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const panel = useId();
  const box = useRef<HTMLDivElement>(null);
  // A new page closes the menu.
  useEffect(() => setOpen(false), [location.key]);
  useEffect(() => {
    if (!open) return;
    const away = (event: MouseEvent) => {
      if (!box.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('click', away);
    return () => document.removeEventListener('click', away);
  }, [open]);
  if (loading) return null;
  if (!viewer) {
    const here = location.pathname + location.search;
    const next = here === '/' || here.startsWith('/sign-in') ? '' : `?next=${encodeURIComponent(here)}`;
    return (
      <Link className="maru-button maru-button--secondary account__sign-in" to={`/sign-in${next}`} onClick={onNavigate}>
        {t('account.signIn')}
      </Link>
    );
  }
  return (
    <div
      className="account"
      ref={box}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          setOpen(false);
          box.current?.querySelector<HTMLButtonElement>('.account__toggle')?.focus();
        }
      }}
    >
      <button
        type="button"
        className="account__toggle"
        aria-expanded={open}
        aria-controls={panel}
        onClick={() => setOpen(!open)}
      >
        <span className="account__toggle-name">{viewer.name}</span>
        <span className="maru-visually-hidden"> {t('account.menu')}</span>
        <span aria-hidden="true">{open ? ' ▴' : ' ▾'}</span>
      </button>
      <div id={panel} className="account__panel" hidden={!open}>
        <p className="account__who">
          <Link className="account__name" to="/account" onClick={onNavigate}>
            {viewer.name}
          </Link>
          <span className="account__detail">
            {viewer.roles.map((role) => t(`role.${role}`)).join(', ')} · {viewer.organization.name}
          </span>
        </p>
        <ul className="account__links" aria-label={t('account.screens')}>
          {linksFor(viewer, hasRole).map((link) => (
            <li key={link.to}>
              <Link to={link.to} onClick={onNavigate}>
                {t(link.label)}
              </Link>
            </li>
          ))}
        </ul>
        <button
          type="button"
          className="maru-button maru-button--secondary"
          onClick={() => {
            onNavigate?.();
            void signOut().finally(() => void navigate('/'));
          }}
        >
          {t('account.signOut')}
        </button>
      </div>
    </div>
  );
}
