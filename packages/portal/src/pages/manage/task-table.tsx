import { Deadline, StatusBadge } from '@maru/ui';
import { Link } from 'react-router';
import type { AgencyTaskTableQuery } from '../../gql/graphql';
import { useQuery } from '../../graphql/use-query';
import { useT } from '../../i18n/use-t';
import { AgencyReviewTallyDocument } from './agency-queries';
import { nextStep, type NextStep } from './next-step';

type Row = AgencyTaskTableQuery['challenges']['nodes'][number];

/** One row per challenge: where it stands, the figures that need the agency, and the next step as a link. */
export function TaskTable({ challenges }: { challenges: Row[] }) {
  const { t } = useT();
  const evaluating = challenges.filter((c) => c.status === 'EVALUATING').map((c) => c.id);
  const tally = useQuery(AgencyReviewTallyDocument, { ids: evaluating }, { skip: evaluating.length === 0 });
  const reviews = new Map<string, { done: number; needed: number }>();
  for (const node of tally.data?.nodes ?? []) {
    if (node && 'reviewProgress' in node && node.reviewProgress) {
      const done = node.reviewProgress.reduce((sum, r) => sum + Math.min(r.scored, r.of), 0);
      const needed = node.reviewProgress.reduce((sum, r) => sum + r.of, 0);
      reviews.set(node.id, { done, needed });
    }
  }
  return (
    <table className="maru-table task-table">
      <caption className="maru-visually-hidden">{t('agency.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('agency.col.challenge')}</th>
          <th scope="col">{t('agency.col.status')}</th>
          <th scope="col">{t('agency.col.deadline')}</th>
          <th scope="col">{t('agency.col.submissions')}</th>
          <th scope="col">{t('agency.col.questions')}</th>
          <th scope="col">{t('agency.col.reviews')}</th>
          <th scope="col">{t('agency.col.next')}</th>
        </tr>
      </thead>
      <tbody>
        {challenges.map((c) => {
          const review = reviews.get(c.id) ?? null;
          const step = nextStep({
            id: c.id,
            status: c.status,
            currentPhase: c.currentPhase,
            phases: c.phases,
            unansweredQuestionCount: c.unansweredQuestionCount ?? null,
            panelSize: c.panel?.length ?? 0,
            pilotCount: c.pilotServices.length,
            reviews: review,
          });
          return (
            <tr key={c.id}>
              <th scope="row" data-label={t('agency.col.challenge')}>
                <Link to={`/challenges/${encodeURIComponent(c.id)}`}>{c.title}</Link>
              </th>
              <td data-label={t('agency.col.status')}>
                <StatusBadge kind="challenge" status={c.status} />
              </td>
              <td data-label={t('agency.col.deadline')}>
                <Deadline value={c.submissionDeadline} showDday={c.status === 'OPEN'} />
              </td>
              <td data-label={t('agency.col.submissions')} className="task-table__number">
                {c.status === 'DRAFT' ? '–' : c.submissions.totalCount}
              </td>
              <td data-label={t('agency.col.questions')} className="task-table__number">
                {c.unansweredQuestionCount ?? '–'}
              </td>
              <td data-label={t('agency.col.reviews')} className="task-table__number">
                {review ? t('agency.reviewsOf', { done: review.done, needed: review.needed }) : '–'}
              </td>
              <td data-label={t('agency.col.next')}>
                <StepLink step={step} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function StepLink({ step }: { step: NextStep }) {
  const { t } = useT();
  const label = t(`agency.step.${step.kind}`, { count: step.count ?? 0 });
  if (step.kind === 'done' || step.kind === 'waitDeadline') return <span className="muted">{label}</span>;
  return (
    <Link className="task-table__step" to={step.href}>
      {label}
    </Link>
  );
}
