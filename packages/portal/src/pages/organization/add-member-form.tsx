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
import { AddMemberDocument } from './organization-queries';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Demo hubs: add an ACTIVE member straight away (addMember), since nobody there can follow an e-mailed link. */
export function AddMemberForm({
  organization,
  onAdded,
}: {
  organization: { id: string; name: string; kind: OrganizationKind };
  onAdded: () => void;
}) {
  const { t } = useT();
  const explain = useErrorText();
  const { viewer } = useSession();
  const add = useMutation(AddMemberDocument);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const found: Record<string, string> = {};
    if (!EMAIL.test(email.trim())) found.email = t('organization.errors.email');
    if (!name.trim()) found.name = t('organization.errors.name');
    if (roles.length === 0) found.roles = t('organization.errors.roles');
    setProblems(found);
    if (Object.keys(found).length) return;
    const result = await add.run({
      input: { organizationId: organization.id, email: email.trim(), name: name.trim(), roles },
    });
    if (!result) return;
    setDone(t('organization.added', { name: result.addMember.member.name, organization: organization.name }));
    setEmail('');
    setName('');
    setRoles([]);
    onAdded();
  };
  const summary: FormProblem[] = [
    ...(problems.email ? [{ message: problems.email, fieldId: 'add-email' }] : []),
    ...(problems.name ? [{ message: problems.name, fieldId: 'add-name' }] : []),
    ...(problems.roles ? [{ message: problems.roles, fieldId: 'add-roles-0' }] : []),
    ...(add.error ? [{ message: explain(add.error) }] : []),
  ];
  return (
    <section className="section" aria-labelledby="add-member">
      <h2 id="add-member">{t('organization.addTitle')}</h2>
      <p>{t('organization.addIntro')}</p>
      <div role="status">{done ? <p className="maru-notice maru-notice--success">{done}</p> : null}</div>
      {open ? null : (
        <button type="button" className="maru-button maru-button--secondary" onClick={() => setOpen(true)}>
          {t('organization.addOpen')}
        </button>
      )}
      {open ? (
        <form className="maru-form" onSubmit={(event) => void submit(event)} noValidate>
          <ErrorSummary problems={summary} />
          <TextInput
            id="add-email"
            type="email"
            label={t('organization.email')}
            error={problems.email}
            required
            autoComplete="off"
            value={email}
            onChange={setEmail}
          />
          <TextInput
            id="add-name"
            label={t('organization.name')}
            error={problems.name}
            required
            autoComplete="off"
            value={name}
            onChange={setName}
          />
          <ChoiceGroup
            id="add-roles"
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
          <button type="submit" className="maru-button" disabled={add.running}>
            {add.running ? t('common.working') : t('organization.add')}
          </button>
          <button type="button" className="maru-button maru-button--secondary" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
