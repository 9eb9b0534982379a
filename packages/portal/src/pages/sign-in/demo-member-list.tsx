import { useState } from 'react';
import { graphql } from '../../gql';
import { useSession, type Viewer } from '../../auth/session';
import { GraphqlRequestError } from '../../graphql/client';
import { useQuery } from '../../graphql/use-query';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';

// Names and organizations are the hub's data (its demo seed), not UI text.
const DemoMembers = graphql(`
  query DemoMembers {
    demoMembers {
      email
      name
      organizationName
      roles
    }
  }
`);

/**
 * The demo hub's members, each with their role, organization and what they can do, and a button to become them
 * (`POST /auth/demo`, which opens a session). The sign-in page shows it only when the hub says it is a demo hub.
 */
export function DemoMemberList({ onSignedIn }: { onSignedIn: (viewer: Viewer) => void }) {
  const { t } = useT();
  const explain = useErrorText();
  const { signInAsDemo } = useSession();
  const members = useQuery(DemoMembers).data?.demoMembers ?? [];
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const become = async (email: string) => {
    setBusy(email);
    setError(null);
    try {
      onSignedIn(await signInAsDemo(email));
    } catch (caught) {
      const refusal =
        caught instanceof GraphqlRequestError ? caught : new GraphqlRequestError('INTERNAL', String(caught));
      setError(refusal.code === 'FORBIDDEN' ? t('signIn.demoOff') : explain(refusal));
    } finally {
      setBusy(null);
    }
  };
  if (members.length === 0) return null;
  return (
    <section aria-labelledby="demo-members" className="section">
      <h2 id="demo-members">{t('signIn.demoTitle')}</h2>
      <p>{t('signIn.demoIntro')}</p>
      <div role="alert">{error ? <p className="maru-form-alert">{error}</p> : null}</div>
      <ul className="demo-members">
        {members.map((member) => (
          <li key={member.email} className="maru-card demo-member">
            <p className="demo-member__roles">{member.roles.map((role) => t(`role.${role}`)).join(' · ')}</p>
            <h3 className="demo-member__name">{member.name}</h3>
            <p className="demo-member__org">{member.organizationName}</p>
            <p className="demo-member__can">{member.roles.map((role) => t(`roleCan.${role}`)).join(' ')}</p>
            <p className="demo-member__email">{member.email}</p>
            <button
              type="button"
              className="maru-button"
              disabled={busy !== null}
              onClick={() => void become(member.email)}
            >
              {busy === member.email ? t('common.working') : t('signIn.as', { name: member.name })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
