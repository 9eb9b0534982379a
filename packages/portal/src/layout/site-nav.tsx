import { NavLink } from 'react-router';
import { useSession } from '../auth/session';
import { useQuery } from '../graphql/use-query';
import { UnreadNoticeCountDocument } from '../pages/notices/notice-queries';
import { useT, type MessageKey } from '../i18n/use-t';

interface NavItem {
  to: string;
  label: MessageKey;
  end?: boolean;
}

/** The main navigation: the public catalogues for everyone, then what the signed-in member's roles allow. */
export function SiteNav() {
  const { t } = useT();
  const { viewer, hasRole } = useSession();
  // The unread badge: asked once per page the member opens (notices arrive as others act, not as this member does).
  const unread = useQuery(UnreadNoticeCountDocument, {}, { skip: !viewer });
  const unreadCount = viewer ? (unread.data?.unreadNoticeCount ?? 0) : 0;
  const items: NavItem[] = [
    { to: '/', label: 'nav.challenges', end: true },
    { to: '/services', label: 'nav.services' },
    { to: '/data', label: 'nav.data' },
  ];
  if (hasRole('CHALLENGE_MANAGER', 'AGENCY_ADMIN'))
    items.push({ to: '/manage', label: 'nav.manage' }, { to: '/challenges/new', label: 'nav.postChallenge' });
  if (viewer?.organization.kind === 'COMPANY')
    items.push(
      { to: '/my/submissions', label: 'nav.mySubmissions' },
      { to: '/my/documents', label: 'nav.myDocuments' },
    );
  if (hasRole('REVIEWER')) items.push({ to: '/reviews', label: 'nav.reviews' });
  if (hasRole('PLATFORM_ADMIN')) items.push({ to: '/admin/plugins', label: 'nav.plugins' });
  // Dashboards for agency teams and platform admins; a company reads its own service usage there too.
  if (viewer && (viewer.organization.kind !== 'COMPANY' || hasRole('COMPANY_ADMIN')))
    items.push({ to: '/insights', label: 'nav.insights' });
  if (viewer) items.push({ to: '/access', label: 'nav.access' });
  if (hasRole('PLATFORM_ADMIN', 'AGENCY_ADMIN', 'COMPANY_ADMIN'))
    items.push({ to: '/organization', label: 'nav.organization', end: true });
  if (hasRole('PLATFORM_ADMIN', 'AGENCY_ADMIN')) items.push({ to: '/organizations', label: 'nav.organizations' });
  if (viewer) items.push({ to: '/notices', label: 'nav.notices', end: true });
  if (viewer) items.push({ to: '/account', label: 'nav.account' });
  // The hub shows the audit trail to platform admins (all of it) and organization admins (their organization's).
  if (hasRole('PLATFORM_ADMIN', 'AGENCY_ADMIN', 'COMPANY_ADMIN')) items.push({ to: '/audit', label: 'nav.audit' });
  return (
    <nav className="site-nav" aria-label={t('nav.label')}>
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end ?? false}>
              {t(item.label)}
              {item.to === '/notices' && unreadCount > 0 ? (
                <>
                  {' '}
                  <span className="maru-badge maru-badge--info" data-testid="unread-notices" aria-hidden="true">
                    {unreadCount}
                  </span>
                  <span className="maru-visually-hidden">{t('notices.unreadBadge', { count: unreadCount })}</span>
                </>
              ) : null}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
