import { useNavigate } from 'react-router';
import { graphql } from '../../gql';
import { useSession } from '../../auth/session';
import { useFlash } from '../../forms/flash';
import { Breadcrumbs } from '../../layout/breadcrumbs';
import { useMutation } from '../../graphql/use-mutation';
import { useT } from '../../i18n/use-t';
import { SignInRequired } from '../../layout/sign-in-required';
import { usePageTitle } from '../../layout/use-page-title';
import { ChallengeForm } from './challenge-form';

const CreateChallengeDocument = graphql(`
  mutation CreateChallenge($input: CreateChallengeInput!) {
    createChallenge(input: $input) {
      challenge {
        id
        status
      }
    }
  }
`);

/** Post a challenge as a draft of the member's agency; publishing is the next step, on the challenge's page. */
export function NewChallengePage() {
  const { t } = useT();
  usePageTitle(t('newChallenge.title'));
  return (
    <div className="page">
      <SignInRequired roles={['CHALLENGE_MANAGER', 'AGENCY_ADMIN']}>
        <NewChallenge />
      </SignInRequired>
    </div>
  );
}

function NewChallenge() {
  const { t } = useT();
  const { viewer } = useSession();
  const navigate = useNavigate();
  const flash = useFlash();
  const create = useMutation(CreateChallengeDocument);
  if (!viewer) return null;
  return (
    <>
      <Breadcrumbs trail={[{ to: '/manage', label: t('agency.title') }]} current={t('newChallenge.title')} />
      <h1>{t('newChallenge.title')}</h1>
      <p className="maru-lead">{t('newChallenge.intro', { agency: viewer.organization.name })}</p>
      <ChallengeForm
        agencyId={viewer.organization.id}
        busy={create.running}
        error={create.error}
        onSubmit={async (input) => {
          const result = await create.run({ input });
          if (!result) return;
          flash(t('agency.created'), { next: true });
          void navigate(`/challenges/${encodeURIComponent(result.createChallenge.challenge.id)}`);
        }}
      />
    </>
  );
}
