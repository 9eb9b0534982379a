import { NavLink } from 'react-router';
import { useSession } from '../auth/session';
import { useQuery } from '../graphql/use-query';
import { UnreadNoticeCountDocument } from '../pages/notices/notice-queries';
import { useT, type MessageKey } from '../i18n/use-t';
import { landingFor } from './landing';

interface NavItem {
  to: string;
  label: MessageKey;
  end?: boolean;
}

/**
 * The main navigation, short on purpose: the public catalogues for everyone, then "My work" (the member's own page,
 * from which their role's screens are reached) and their notices. The rest is in the account menu.
 */
export function SiteNav({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useT();
  const { viewer } = useSession();
  // The unread badge: asked once per page the member opens (notices arrive as others act, not as this member does).
  const unread = useQuery(UnreadNoticeCountDocument, {}, { skip: !viewer });
  const unreadCount = viewer ? (unread.data?.unreadNoticeCount ?? 0) : 0;
  const items: NavItem[] = [
    { to: '/', label: 'nav.challenges', end: true },
    { to: '/services', label: 'nav.services' },
    { to: '/data', label: 'nav.data' },
  ];
  const work = viewer ? landingFor(viewer) : '/';
  if (work !== '/') items.push({ to: work, label: 'nav.myWork' });
  if (viewer) items.push({ to: '/notices', label: 'nav.notices', end: true });
  return (
    <nav className="site-nav" aria-label={t('nav.label')}>
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end ?? false} onClick={onNavigate}>
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
