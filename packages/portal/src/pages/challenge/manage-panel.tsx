import { StatusBadge } from '@maru/ui';
import { Link } from 'react-router';
import type { ChallengeDetailQuery, ChallengeResultsQuery } from '../../gql/graphql';
import { useT } from '../../i18n/use-t';
import { ChallengeRequiredDocuments } from '../agency-documents/challenge-required-documents';
import { AdvancePhase } from './advance-phase';
import { AwardForm } from './award-form';
import { CancelForm } from './cancel-form';
import { ReviewProgress } from './review-progress';
import { ReviewerPicker, type PanelSeat } from './reviewer-picker';
import { StatusActions } from './status-actions';

type Challenge = NonNullable<ChallengeDetailQuery['challenge']>;
type Results = NonNullable<NonNullable<ChallengeResultsQuery['challenge']>['results']>;

export interface ManagePanelProps {
  challenge: Challenge;
  panel: PanelSeat[] | null;
  results: Results | null;
  /** Questions waiting for the agency's answer. */
  unanswered: number;
  /** Titles of the entries shortlisted in the current phase. */
  shortlisted: string[];
  onChanged: () => void;
}

/** The owning agency's controls, in the order a challenge goes: edit, publish, panel, close, evaluate, award. */
export function ManagePanel({ challenge, panel, results, unanswered, shortlisted, onChanged }: ManagePanelProps) {
  const { t } = useT();
  const active = challenge.status !== 'AWARDED' && challenge.status !== 'CANCELLED';
  const editable = challenge.status === 'DRAFT' || challenge.status === 'OPEN';
  return (
    <section className="section manage-panel" aria-labelledby="manage-heading">
      <h2 id="manage-heading">{t('manage.title')}</h2>
      {editable ? (
        <div className="agency-actions__row">
          <Link
            className="maru-button maru-button--secondary"
            to={`/manage/challenges/${encodeURIComponent(challenge.id)}/edit`}
          >
            {t('agency.edit.link')}
          </Link>
          <p className="hint">{t('agency.actions.editHint')}</p>
        </div>
      ) : null}
      {unanswered > 0 ? (
        <p className="maru-notice" id="qa">
          {t('agency.actions.questionsWaiting', { count: unanswered })}
        </p>
      ) : null}
      <StatusActions challenge={challenge} onChanged={onChanged} />
      {editable ? <ChallengeRequiredDocuments challengeId={challenge.id} title={challenge.title} /> : null}
      <AdvancePhase challenge={challenge} shortlisted={shortlisted} onChanged={onChanged} />
      {active ? <ReviewerPicker challenge={challenge} panel={panel} onChanged={onChanged} /> : null}
      {challenge.status === 'EVALUATING' ? <ReviewProgress challengeId={challenge.id} /> : null}
      {challenge.status === 'EVALUATING' ? (
        <AwardForm challenge={challenge} results={results} onChanged={onChanged} />
      ) : null}
      {challenge.status === 'AWARDED' ? <PilotNote challenge={challenge} /> : null}
      {active ? <CancelForm challengeId={challenge.id} title={challenge.title} onChanged={onChanged} /> : null}
    </section>
  );
}

/** After the award: the pilots launched from the winners, or who launches one and how. */
function PilotNote({ challenge }: { challenge: Challenge }) {
  const { t } = useT();
  return (
    <div className="pilot-note" id="pilot">
      <h3>{t('agency.pilot.title')}</h3>
      {challenge.pilotServices.length ? (
        <ul>
          {challenge.pilotServices.map((service) => (
            <li key={service.id}>
              <Link to={`/services?focus=${encodeURIComponent(service.key)}`}>{service.name}</Link>{' '}
              <StatusBadge kind="service" status={service.status} />
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('agency.pilot.waiting')}</p>
      )}
    </div>
  );
}
