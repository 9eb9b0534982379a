import { DateTime } from '@maru/ui';
import { useNavigate } from 'react-router';
import { useSession } from '../../auth/session';
import { ConfirmAction } from '../../forms/confirm-action';
import { ErrorSummary } from '../../forms/error-summary';
import { useMutation } from '../../graphql/use-mutation';
import { useQuery } from '../../graphql/use-query';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { MySessionsDocument, RevokeSessionDocument, SignOutEverywhereDocument } from './account-queries';

/** Where I am signed in: each session with "sign out", and "sign out everywhere". */
export function Sessions() {
  const { t } = useT();
  const explain = useErrorText();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const sessions = useQuery(MySessionsDocument);
  const revoke = useMutation(RevokeSessionDocument);
  const everywhere = useMutation(SignOutEverywhereDocument);
  const error = revoke.error ?? everywhere.error ?? sessions.error;
  const ended = async () => {
    // This browser's session is gone too: clear its cookies.
    await signOut();
    void navigate('/');
  };
  return (
    <section className="section" aria-labelledby="my-sessions">
      <h2 id="my-sessions">{t('sessions.title')}</h2>
      <p>{t('sessions.intro')}</p>
      {error ? <ErrorSummary problems={[{ message: explain(error) }]} /> : null}
      <ul className="session-list">
        {(sessions.data?.mySessions ?? []).map((session) => (
          <li key={session.id} className="maru-card session">
            <p className="session__agent">
              <strong>{session.userAgent ?? t('sessions.unknownBrowser')}</strong>
              {session.current ? <span className="maru-badge maru-badge--info">{t('sessions.current')}</span> : null}
            </p>
            <p className="muted">
              {t('sessions.started')} <DateTime value={session.createdAt} /> · {t('sessions.lastSeen')}{' '}
              <DateTime value={session.lastSeenAt} /> · {t('sessions.expires')} <DateTime value={session.expiresAt} />
            </p>
            <ConfirmAction
              danger={false}
              label={session.current ? t('sessions.signOutHere') : t('sessions.signOutThere')}
              question={session.current ? t('sessions.signOutHereQuestion') : t('sessions.signOutThereQuestion')}
              confirmLabel={t('sessions.signOutConfirm')}
              onConfirm={async () => {
                if (!(await revoke.run({ id: session.id }))) return false;
                if (session.current) await ended();
                else sessions.reload();
                return true;
              }}
            />
          </li>
        ))}
      </ul>
      <ConfirmAction
        label={t('sessions.everywhere')}
        question={t('sessions.everywhereQuestion')}
        confirmLabel={t('sessions.everywhereConfirm')}
        onConfirm={async () => {
          if ((await everywhere.run({})) === null) return false;
          await ended();
          return true;
        }}
      />
    </section>
  );
}
