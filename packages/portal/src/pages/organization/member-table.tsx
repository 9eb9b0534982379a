import { useState } from 'react';
import { useSession } from '../../auth/session';
import { ConfirmAction } from '../../forms/confirm-action';
import { ErrorSummary } from '../../forms/error-summary';
import type { OrganizationAdministrationQuery } from '../../gql/graphql';
import { useMutation } from '../../graphql/use-mutation';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { DisableMemberDocument, EnableMemberDocument } from './organization-queries';
import { RoleEditor } from './role-editor';

export type OrganizationWithMembers = NonNullable<OrganizationAdministrationQuery['organization']>;
type MemberRow = OrganizationWithMembers['members']['nodes'][number];

const STATUS_TONE: Record<string, string> = { ACTIVE: 'success', INVITED: 'warning', DISABLED: 'neutral' };

/** The members with their roles and status; change roles, disable or enable (never oneself). */
export function MemberTable({
  organization,
  members,
  onChanged,
}: {
  organization: OrganizationWithMembers;
  members: readonly MemberRow[];
  onChanged: () => void;
}) {
  const { t } = useT();
  const explain = useErrorText();
  const { viewer } = useSession();
  const disable = useMutation(DisableMemberDocument);
  const enable = useMutation(EnableMemberDocument);
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const error = disable.error ?? enable.error;
  return (
    <section className="section" aria-labelledby="members">
      <h2 id="members">{t('organization.membersTitle')}</h2>
      <div role="status">{notice ? <p className="maru-notice maru-notice--success">{notice}</p> : null}</div>
      {error ? <ErrorSummary problems={[{ message: explain(error) }]} /> : null}
      <div className="maru-table-scroll" tabIndex={0} role="region" aria-labelledby="members-caption">
        <table className="maru-table">
          <caption id="members-caption">{t('organization.membersCaption', { count: members.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('organization.name')}</th>
              <th scope="col">{t('organization.email')}</th>
              <th scope="col">{t('organization.roles')}</th>
              <th scope="col">{t('organization.status')}</th>
              <th scope="col">
                <span className="maru-visually-hidden">{t('organization.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={member.id}>
                <th scope="row">{member.name}</th>
                <td>{member.email}</td>
                <td>
                  {editing === member.id ? (
                    <RoleEditor
                      member={member}
                      kind={organization.kind}
                      onDone={(changed) => {
                        setEditing(null);
                        if (changed) {
                          setNotice(t('organization.rolesChanged', { name: member.name }));
                          onChanged();
                        }
                      }}
                    />
                  ) : (
                    member.roles.map((role) => t(`role.${role}`)).join(', ')
                  )}
                </td>
                <td>
                  <span className={`maru-badge maru-badge--${STATUS_TONE[member.status] ?? 'neutral'}`}>
                    {t(`memberStatus.${member.status}`)}
                  </span>
                </td>
                <td>
                  <div className="row-actions">
                    {member.id === viewer?.id ? (
                      <span className="muted">{t('organization.you')}</span>
                    ) : (
                      <>
                        {editing !== member.id && member.status !== 'DISABLED' ? (
                          <button
                            type="button"
                            className="maru-button maru-button--secondary"
                            onClick={() => setEditing(member.id)}
                          >
                            {t('organization.changeRoles', { name: member.name })}
                          </button>
                        ) : null}
                        {member.status === 'ACTIVE' ? (
                          <ConfirmAction
                            label={t('organization.disable', { name: member.name })}
                            question={t('organization.disableQuestion', { name: member.name })}
                            confirmLabel={t('organization.disableConfirm')}
                            onConfirm={async () => {
                              if (!(await disable.run({ id: member.id }))) return false;
                              setNotice(t('organization.disabled', { name: member.name }));
                              onChanged();
                              return true;
                            }}
                          />
                        ) : null}
                        {member.status === 'DISABLED' ? (
                          <ConfirmAction
                            danger={false}
                            label={t('organization.enable', { name: member.name })}
                            question={t('organization.enableQuestion', { name: member.name })}
                            confirmLabel={t('organization.enableConfirm')}
                            onConfirm={async () => {
                              if (!(await enable.run({ id: member.id }))) return false;
                              setNotice(t('organization.enabled', { name: member.name }));
                              onChanged();
                              return true;
                            }}
                          />
                        ) : null}
                      </>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
