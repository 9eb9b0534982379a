import { AsyncState } from '@maru/ui';
import { Link, useNavigate, useParams } from 'react-router';
import { useFlash } from '../../forms/flash';
import { graphql } from '../../gql';
import type { ChallengeDetailQuery, CreateChallengeInput, UpdateChallengeInput } from '../../gql/graphql';
import { useMutation } from '../../graphql/use-mutation';
import { useQuery } from '../../graphql/use-query';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { Breadcrumbs } from '../../layout/breadcrumbs';
import { SignInRequired } from '../../layout/sign-in-required';
import { usePageTitle } from '../../layout/use-page-title';
import { ChallengeDetailDocument } from '../challenge/challenge-queries';
import { useChallengeRole } from '../challenge/use-challenge-role';
import { ChallengeForm, type ChallengeFormValues } from './challenge-form';
import { toKoreaInput } from '../../format/korea-time';
import './agency.css';

const UpdateChallengeDocument = graphql(`
  mutation UpdateChallenge($id: ID!, $input: UpdateChallengeInput!) {
    updateChallenge(id: $id, input: $input) {
      challenge {
        id
        version
        title
      }
    }
  }
`);

type Challenge = NonNullable<ChallengeDetailQuery['challenge']>;

/** Edit a draft fully, or an open challenge's text, prize, links and (later) deadline: the owning agency only. */
export function EditChallengePage() {
  const { t } = useT();
  usePageTitle(t('agency.edit.title'));
  return (
    <div className="page">
      <SignInRequired roles={['CHALLENGE_MANAGER', 'AGENCY_ADMIN', 'PLATFORM_ADMIN']}>
        <EditChallenge />
      </SignInRequired>
    </div>
  );
}

function EditChallenge() {
  const { t } = useT();
  const explain = useErrorText();
  const id = useParams().id ?? '';
  const detail = useQuery(ChallengeDetailDocument, { id });
  const challenge = detail.data?.challenge ?? null;
  const role = useChallengeRole(challenge, null);
  // Another agency's unpublished challenge is NOT_FOUND to everyone else: say who may edit it, not "not found".
  const unseen = detail.error?.code === 'NOT_FOUND' || detail.error?.code === 'FORBIDDEN';
  if (!challenge) {
    if (detail.loading || (detail.error && !unseen))
      return (
        <AsyncState
          loading={detail.loading}
          error={detail.error ? explain(detail.error) : null}
          onRetry={detail.reload}
        />
      );
    return <Refusal title={t('agency.edit.notYours')} body={t('agency.edit.notFoundBody')} />;
  }
  if (!role.manages)
    return (
      <Refusal
        title={t('agency.edit.notYours')}
        body={t('agency.edit.notYoursBody', { agency: challenge.agency.name })}
        challengeId={challenge.id}
      />
    );
  if (challenge.status !== 'DRAFT' && challenge.status !== 'OPEN')
    return (
      <Refusal
        title={t('agency.edit.closedTitle')}
        body={t('agency.edit.closedBody', { status: t(`challengeStatus.${challenge.status}`) })}
        challengeId={challenge.id}
      />
    );
  return <EditForm challenge={challenge} />;
}

function EditForm({ challenge }: { challenge: Challenge }) {
  const { t } = useT();
  const navigate = useNavigate();
  const flash = useFlash();
  const update = useMutation(UpdateChallengeDocument);
  const published = challenge.status !== 'DRAFT';
  const save = async (input: CreateChallengeInput) => {
    const { agencyId: _agency, criteria, type, terms, phases, eligibility: _eligibility, ...open } = input;
    const changes: UpdateChallengeInput = published
      ? { ...open, expectedVersion: challenge.version }
      : { ...open, criteria, type, terms, phases, expectedVersion: challenge.version };
    // The hub keeps an unchanged deadline as it is; sending it again would only risk a rounding to the minute.
    if (changes.submissionDeadline && sameMinute(changes.submissionDeadline, challenge.submissionDeadline))
      delete changes.submissionDeadline;
    if (changes.evaluationEnd && sameMinute(changes.evaluationEnd, challenge.evaluationEnd))
      delete changes.evaluationEnd;
    const done = await update.run({ id: challenge.id, input: changes });
    if (!done) return;
    flash(t('agency.edit.saved'), { next: true });
    void navigate(`/challenges/${encodeURIComponent(challenge.id)}`);
  };
  return (
    <>
      <Breadcrumbs
        trail={[
          { to: '/manage', label: t('agency.title') },
          { to: `/challenges/${encodeURIComponent(challenge.id)}`, label: challenge.title },
        ]}
        current={t('agency.edit.title')}
      />
      <h1>{t('agency.edit.title')}</h1>
      <p className="maru-lead">{challenge.title}</p>
      <p>{published ? t('agency.edit.introOpen') : t('agency.edit.introDraft')}</p>
      <ChallengeForm
        agencyId={challenge.agency.id}
        busy={update.running}
        error={update.error}
        initial={valuesOf(challenge)}
        published={published}
        submitLabel={t('agency.edit.save')}
        label={t('agency.edit.title')}
        onSubmit={(input) => void save(input)}
      />
      <p>
        <Link to={`/challenges/${encodeURIComponent(challenge.id)}`}>{t('agency.edit.back')}</Link>
      </p>
    </>
  );
}

const sameMinute = (a: string, b: string) => Math.floor(Date.parse(a) / 60_000) === Math.floor(Date.parse(b) / 60_000);

function valuesOf(c: Challenge): ChallengeFormValues {
  return {
    title: c.title,
    summary: c.summary,
    problemStatement: c.problemStatement,
    type: c.type,
    tags: c.tags.join(', '),
    deadline: toKoreaInput(c.submissionDeadline),
    evaluationEnd: toKoreaInput(c.evaluationEnd),
    terms: c.terms,
    criteria: c.criteria.map((k) => ({ name: k.name, weight: String(k.weight), description: k.description ?? '' })),
    prize: c.prize
      ? {
          amount: String(c.prize.amount),
          currency: c.prize.currency,
          kind: c.prize.kind === 'CONTRACT' ? 'CONTRACT' : 'PRIZE',
          description: c.prize.description ?? '',
        }
      : { amount: '', currency: 'KRW', kind: 'PRIZE', description: '' },
    links: { dataConnectionIds: c.dataConnections.map((d) => d.id), serviceIds: c.serviceIds },
    phases: c.phases.map((p) => ({ name: p.name, deadline: toKoreaInput(p.submissionDeadline) })),
  };
}

function Refusal({ title, body, challengeId }: { title: string; body: string; challengeId?: string }) {
  const { t } = useT();
  return (
    <section className="maru-notice" aria-labelledby="edit-refused">
      <h1 id="edit-refused">{title}</h1>
      <p>{body}</p>
      {challengeId ? (
        <p>
          <Link to={`/challenges/${encodeURIComponent(challengeId)}`}>{t('agency.edit.back')}</Link>
        </p>
      ) : (
        <p>
          <Link to="/manage">{t('agency.title')}</Link>
        </p>
      )}
    </section>
  );
}
