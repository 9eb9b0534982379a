import { AsyncState, DateTime, FormErrorSummary } from '@maru/ui';
import { Link } from 'react-router';
import { toErrorText, toFormError } from '../../graphql/form-error';
import { useMutation } from '../../graphql/use-mutation';
import { useQuery } from '../../graphql/use-query';
import { useT, type MessageKey } from '../../i18n/use-t';
import { SignInRequired } from '../../layout/sign-in-required';
import { usePageTitle } from '../../layout/use-page-title';
import { InboxDocument, MarkNoticesReadDocument } from './notice-queries';

/** 알림함: the member's notices, newest first; unread ones are marked and can be marked read. */
export function NoticesPage() {
  const { t } = useT();
  usePageTitle(t('notices.title'));
  return (
    <div className="page">
      <SignInRequired>
        <Inbox />
      </SignInRequired>
    </div>
  );
}

function Inbox() {
  const { t } = useT();
  const inbox = useQuery(InboxDocument, { first: 50 });
  const mark = useMutation(MarkNoticesReadDocument);
  const nodes = inbox.data?.notices.nodes ?? [];
  const unread = nodes.filter((n) => !n.read).map((n) => n.id);
  const markRead = (ids: string[]) => void mark.run({ ids }).then((done) => done && inbox.reload());
  return (
    <>
      <h1>{t('notices.title')}</h1>
      <p>
        {t('notices.intro')} <Link to="/notices/settings">{t('notices.settingsLink')}</Link>
      </p>
      <FormErrorSummary error={toFormError(mark.error)} />
      {unread.length > 0 ? (
        <button type="button" className="maru-button maru-button--secondary" onClick={() => markRead(unread)}>
          {t('notices.markAllRead', { count: unread.length })}
        </button>
      ) : null}
      <AsyncState
        loading={inbox.loading && !inbox.data}
        error={toErrorText(inbox.error)}
        onRetry={inbox.reload}
        empty={nodes.length === 0}
        emptyMessage={t('notices.empty')}
      >
        <ul className="plain-list maru-stack" aria-label={t('notices.title')}>
          {nodes.map((notice) => (
            <li key={notice.id} className="maru-card" data-unread={notice.read ? undefined : 'true'}>
              <p className="maru-card__meta">
                {notice.read ? null : <span className="maru-badge maru-badge--info">{t('notices.unread')}</span>}{' '}
                {t(`notices.reason.${notice.reason}` as MessageKey)} · <DateTime value={notice.createdAt} />
              </p>
              <h2 className="maru-card__title">
                {t(`notices.kind.${notice.kind}` as MessageKey, { title: notice.title })}
              </h2>
              {notice.outcome ? (
                <p>{t('notices.outcome', { outcome: t(`notices.outcomes.${notice.outcome}` as MessageKey) })}</p>
              ) : null}
              {notice.challenge ? <Link to={`/challenges/${notice.challenge.id}`}>{t('notices.open')}</Link> : null}
              {notice.deliveries.length > 0 ? (
                <p className="muted">
                  {notice.deliveries
                    .map((d) =>
                      t('notices.delivery', {
                        channel: t(`notices.channel.${d.channel}` as MessageKey),
                        status: t(`notices.deliveryStatus.${d.status}` as MessageKey),
                        attempts: d.attempts,
                      }),
                    )
                    .join(' · ')}
                </p>
              ) : null}
              {notice.read ? null : (
                <button
                  type="button"
                  className="maru-button maru-button--secondary"
                  onClick={() => markRead([notice.id])}
                >
                  {t('notices.markRead')}
                </button>
              )}
            </li>
          ))}
        </ul>
      </AsyncState>
    </>
  );
}
