import { useState, type FormEvent } from 'react';
import { useSession } from '../../auth/session';
import { ChoiceGroup } from '../../forms/choice-group';
import { ErrorSummary } from '../../forms/error-summary';
import type { OrganizationKind, Role } from '../../gql/graphql';
import { useMutation } from '../../graphql/use-mutation';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { grantableRoles } from './grantable-roles';
import { ChangeMemberRolesDocument } from './organization-queries';

/** Change a member's roles, within what the viewer may grant in this kind of organization. */
export function RoleEditor({
  member,
  kind,
  onDone,
}: {
  member: { id: string; name: string; roles: readonly Role[] };
  kind: OrganizationKind;
  onDone: (changed: boolean) => void;
}) {
  const { t } = useT();
  const explain = useErrorText();
  const { viewer } = useSession();
  const change = useMutation(ChangeMemberRolesDocument);
  const [roles, setRoles] = useState<Role[]>([...member.roles]);
  const [problem, setProblem] = useState<string | null>(null);
  const id = `roles-${member.id.replace(/[^A-Za-z0-9_-]/g, '')}`;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (roles.length === 0) return setProblem(t('organization.errors.roles'));
    setProblem(null);
    if (await change.run({ id: member.id, input: { roles } })) onDone(true);
  };
  return (
    <form className="maru-form role-editor" onSubmit={(event) => void submit(event)} noValidate>
      <ErrorSummary
        problems={[
          ...(problem ? [{ message: problem, fieldId: `${id}-0` }] : []),
          ...(change.error ? [{ message: explain(change.error) }] : []),
        ]}
      />
      <ChoiceGroup
        id={id}
        type="checkbox"
        legend={t('organization.rolesOf', { name: member.name })}
        error={problem ?? undefined}
        choices={grantableRoles(kind, viewer?.roles ?? []).map((role) => ({ value: role, label: t(`role.${role}`) }))}
        value={roles}
        onChange={setRoles}
      />
      <button type="submit" className="maru-button" disabled={change.running}>
        {t('organization.saveRoles')}
      </button>
      <button type="button" className="maru-button maru-button--secondary" onClick={() => onDone(false)}>
        {t('common.cancel')}
      </button>
    </form>
  );
}
