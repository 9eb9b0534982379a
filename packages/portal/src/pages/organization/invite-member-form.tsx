import { useState, type FormEvent } from 'react';
import { useSession } from '../../auth/session';
import { ChoiceGroup } from '../../forms/choice-group';
import { ErrorSummary, type FormProblem } from '../../forms/error-summary';
import { TextInput } from '../../forms/text-input';
import type { OrganizationKind, Role } from '../../gql/graphql';
import { useMutation } from '../../graphql/use-mutation';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { grantableRoles } from './grantable-roles';
import { InviteMemberDocument } from './organization-queries';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Invite a person by e-mail: the hub sends them a sign-in link; the inviter only learns that it was sent. */
export function InviteMemberForm({
  organization,
  onInvited,
}: {
  organization: { id: string; name: string; kind: OrganizationKind };
  onInvited: () => void;
}) {
  const { t } = useT();
  const explain = useErrorText();
  const { viewer } = useSession();
  const invite = useMutation(InviteMemberDocument);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [sent, setSent] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSent(null);
    const found: Record<string, string> = {};
    if (!EMAIL.test(email.trim())) found.email = t('organization.errors.email');
    if (!name.trim()) found.name = t('organization.errors.name');
    if (roles.length === 0) found.roles = t('organization.errors.roles');
    setProblems(found);
    if (Object.keys(found).length) return;
    const done = await invite.run({
      input: { organizationId: organization.id, email: email.trim(), name: name.trim(), roles },
    });
    if (!done) return;
    const { delivery, invitation } = done.inviteMember;
    setSent(
      delivery === 'SENT'
        ? t('organization.invitationSent', { email: invitation.email })
        : t('organization.invitationNotSent', { email: invitation.email }),
    );
    setEmail('');
    setName('');
    setRoles([]);
    onInvited();
  };
  const summary: FormProblem[] = [
    ...(problems.email ? [{ message: problems.email, fieldId: 'invite-email' }] : []),
    ...(problems.name ? [{ message: problems.name, fieldId: 'invite-name' }] : []),
    ...(problems.roles ? [{ message: problems.roles, fieldId: 'invite-roles-0' }] : []),
    ...(invite.error ? [{ message: explain(invite.error) }] : []),
  ];
  return (
    <section className="section" aria-labelledby="invite">
      <h2 id="invite">{t('organization.inviteTitle')}</h2>
      <p>{t('organization.inviteIntro', { organization: organization.name })}</p>
      <div role="status">{sent ? <p className="maru-notice maru-notice--success">{sent}</p> : null}</div>
      <form className="maru-form" onSubmit={(event) => void submit(event)} noValidate>
        <ErrorSummary problems={summary} />
        <TextInput
          id="invite-email"
          type="email"
          label={t('organization.email')}
          hint={t('organization.emailHint')}
          error={problems.email}
          required
          autoComplete="off"
          value={email}
          onChange={setEmail}
        />
        <TextInput
          id="invite-name"
          label={t('organization.name')}
          error={problems.name}
          required
          autoComplete="off"
          value={name}
          onChange={setName}
        />
        <ChoiceGroup
          id="invite-roles"
          type="checkbox"
          legend={t('organization.roles')}
          hint={t('organization.rolesHint')}
          error={problems.roles}
          choices={grantableRoles(organization.kind, viewer?.roles ?? []).map((role) => ({
            value: role,
            label: t(`role.${role}`),
            hint: t(`roleCan.${role}`),
          }))}
          value={roles}
          onChange={setRoles}
        />
        <button type="submit" className="maru-button" disabled={invite.running}>
          {invite.running ? t('common.working') : t('organization.invite')}
        </button>
      </form>
    </section>
  );
}
