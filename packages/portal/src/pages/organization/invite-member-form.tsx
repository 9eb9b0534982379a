import { useState } from 'react';
import type { OrganizationKind } from '../../gql/graphql';
import { useMutation } from '../../graphql/use-mutation';
import { useT } from '../../i18n/use-t';
import { MemberForm } from './member-form';
import { InviteMemberDocument } from './organization-queries';

/** Invite a person by e-mail: the hub sends them a sign-in link; the inviter only learns that it was sent. */
export function InviteMemberForm({
  organization,
  onInvited,
}: {
  organization: { id: string; name: string; kind: OrganizationKind };
  onInvited: () => void;
}) {
  const { t } = useT();
  const invite = useMutation(InviteMemberDocument);
  const [sent, setSent] = useState<string | null>(null);
  return (
    <section className="section" aria-labelledby="invite">
      <h2 id="invite">{t('organization.inviteTitle')}</h2>
      <p>{t('organization.inviteIntro', { organization: organization.name })}</p>
      <div role="status">{sent ? <p className="maru-notice maru-notice--success">{sent}</p> : null}</div>
      <MemberForm
        idPrefix="invite"
        organizationKind={organization.kind}
        emailHint={t('organization.emailHint')}
        submitLabel={t('organization.invite')}
        running={invite.running}
        error={invite.error}
        onAttempt={() => setSent(null)}
        onSubmit={async (member) => {
          const done = await invite.run({ input: { organizationId: organization.id, ...member } });
          if (!done) return false;
          const { delivery, invitation } = done.inviteMember;
          setSent(
            delivery === 'SENT'
              ? t('organization.invitationSent', { email: invitation.email })
              : t('organization.invitationNotSent', { email: invitation.email }),
          );
          onInvited();
          return true;
        }}
      />
    </section>
  );
}
