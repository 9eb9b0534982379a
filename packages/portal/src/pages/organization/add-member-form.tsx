import { useState } from 'react';
import type { OrganizationKind } from '../../gql/graphql';
import { useMutation } from '../../graphql/use-mutation';
import { useT } from '../../i18n/use-t';
import { MemberForm } from './member-form';
import { AddMemberDocument } from './organization-queries';

/** Demo hubs: add an ACTIVE member straight away (addMember), since nobody there can follow an e-mailed link. */
export function AddMemberForm({
  organization,
  onAdded,
}: {
  organization: { id: string; name: string; kind: OrganizationKind };
  onAdded: () => void;
}) {
  const { t } = useT();
  const add = useMutation(AddMemberDocument);
  const [done, setDone] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  return (
    <section className="section" aria-labelledby="add-member">
      <h2 id="add-member">{t('organization.addTitle')}</h2>
      <p>{t('organization.addIntro')}</p>
      <div role="status">{done ? <p className="maru-notice maru-notice--success">{done}</p> : null}</div>
      {open ? (
        <MemberForm
          idPrefix="add"
          organizationKind={organization.kind}
          submitLabel={t('organization.add')}
          running={add.running}
          error={add.error}
          onAttempt={() => setDone(null)}
          onSubmit={async (member) => {
            const result = await add.run({ input: { organizationId: organization.id, ...member } });
            if (!result) return false;
            setDone(t('organization.added', { name: result.addMember.member.name, organization: organization.name }));
            onAdded();
            return true;
          }}
        >
          <button type="button" className="maru-button maru-button--secondary" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </button>
        </MemberForm>
      ) : (
        <button type="button" className="maru-button maru-button--secondary" onClick={() => setOpen(true)}>
          {t('organization.addOpen')}
        </button>
      )}
    </section>
  );
}
