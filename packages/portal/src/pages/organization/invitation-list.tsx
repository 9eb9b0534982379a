import { DateTime } from '@maru/ui';
import { useState } from 'react';
import { ConfirmAction } from '../../forms/confirm-action';
import { ErrorSummary } from '../../forms/error-summary';
import { useMutation } from '../../graphql/use-mutation';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import type { OrganizationWithMembers } from './member-table';
import { RevokeInvitationDocument } from './organization-queries';

/** Invitations not yet accepted, each with when it expires and "revoke". */
export function InvitationList({
  invitations,
  onChanged,
}: {
  invitations: OrganizationWithMembers['invitations']['nodes'];
  onChanged: () => void;
}) {
  const { t } = useT();
  const explain = useErrorText();
  const revoke = useMutation(RevokeInvitationDocument);
  const [notice, setNotice] = useState<string | null>(null);
  const pending = invitations.filter((invitation) => invitation.status === 'PENDING');
  return (
    <section className="section" aria-labelledby="invitations">
      <h2 id="invitations">{t('organization.invitationsTitle')}</h2>
      <div role="status">{notice ? <p className="maru-notice maru-notice--success">{notice}</p> : null}</div>
      {revoke.error ? <ErrorSummary problems={[{ message: explain(revoke.error) }]} /> : null}
      {pending.length === 0 ? (
        <p className="muted">{t('organization.invitationsEmpty')}</p>
      ) : (
        <ul className="invitation-list">
          {pending.map((invitation) => (
            <li key={invitation.id} className="maru-card">
              <p>
                <strong>{invitation.email}</strong> · {t('organization.invitationExpires')}{' '}
                <DateTime value={invitation.expiresAt} />
              </p>
              <ConfirmAction
                label={t('organization.revokeInvitation', { email: invitation.email })}
                question={t('organization.revokeInvitationQuestion', { email: invitation.email })}
                confirmLabel={t('organization.revokeInvitationConfirm')}
                onConfirm={async () => {
                  if (!(await revoke.run({ id: invitation.id }))) return false;
                  setNotice(t('organization.invitationRevoked', { email: invitation.email }));
                  onChanged();
                  return true;
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
