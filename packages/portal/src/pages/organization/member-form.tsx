import { useState, type FormEvent, type ReactNode } from 'react';
import { useSession } from '../../auth/session';
import { ChoiceGroup } from '../../forms/choice-group';
import { ErrorSummary, type FormProblem } from '../../forms/error-summary';
import { TextInput } from '../../forms/text-input';
import type { OrganizationKind, Role } from '../../gql/graphql';
import type { GraphqlRequestError } from '../../graphql/client';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { grantableRoles } from './grantable-roles';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface MemberInput {
  email: string;
  name: string;
  roles: Role[];
}

/**
 * A person's e-mail, name and roles (those the viewer may grant in an organization of this kind), checked before
 * `onSubmit` is called; the fields empty again once it says it is done. Used to invite a member and to add one.
 */
export function MemberForm({
  idPrefix,
  organizationKind,
  emailHint,
  submitLabel,
  running,
  error,
  onAttempt,
  onSubmit,
  children,
}: {
  /** Fields are `<prefix>-email`, `<prefix>-name`, `<prefix>-roles`. */
  idPrefix: string;
  organizationKind: OrganizationKind;
  emailHint?: string;
  submitLabel: string;
  running: boolean;
  /** The hub's refusal, if any, shown in the error summary in people's words. */
  error: GraphqlRequestError | null;
  /** Each press of the submit button, before the checks (to clear an earlier success message). */
  onAttempt: () => void;
  /** Sends the member; resolves true when done. */
  onSubmit: (input: MemberInput) => Promise<boolean>;
  /** More buttons after the submit button. */
  children?: ReactNode;
}) {
  const { t } = useT();
  const explain = useErrorText();
  const { viewer } = useSession();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    onAttempt();
    const found: Record<string, string> = {};
    if (!EMAIL.test(email.trim())) found.email = t('organization.errors.email');
    if (!name.trim()) found.name = t('organization.errors.name');
    if (roles.length === 0) found.roles = t('organization.errors.roles');
    setProblems(found);
    if (Object.keys(found).length) return;
    if (!(await onSubmit({ email: email.trim(), name: name.trim(), roles }))) return;
    setEmail('');
    setName('');
    setRoles([]);
  };
  const summary: FormProblem[] = [
    ...(problems.email ? [{ message: problems.email, fieldId: `${idPrefix}-email` }] : []),
    ...(problems.name ? [{ message: problems.name, fieldId: `${idPrefix}-name` }] : []),
    ...(problems.roles ? [{ message: problems.roles, fieldId: `${idPrefix}-roles-0` }] : []),
    ...(error ? [{ message: explain(error) }] : []),
  ];
  return (
    <form className="maru-form" onSubmit={(event) => void submit(event)} noValidate>
      <ErrorSummary problems={summary} />
      <TextInput
        id={`${idPrefix}-email`}
        type="email"
        label={t('organization.email')}
        hint={emailHint}
        error={problems.email}
        required
        autoComplete="off"
        value={email}
        onChange={setEmail}
      />
      <TextInput
        id={`${idPrefix}-name`}
        label={t('organization.name')}
        error={problems.name}
        required
        autoComplete="off"
        value={name}
        onChange={setName}
      />
      <ChoiceGroup
        id={`${idPrefix}-roles`}
        type="checkbox"
        legend={t('organization.roles')}
        hint={t('organization.rolesHint')}
        error={problems.roles}
        choices={grantableRoles(organizationKind, viewer?.roles ?? []).map((role) => ({
          value: role,
          label: t(`role.${role}`),
          hint: t(`roleCan.${role}`),
        }))}
        value={roles}
        onChange={setRoles}
      />
      <button type="submit" className="maru-button" disabled={running}>
        {running ? t('common.working') : submitLabel}
      </button>
      {children}
    </form>
  );
}
