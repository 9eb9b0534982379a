import type { ChallengeDetailQuery, ChallengeResultsQuery } from '../../gql/graphql';
import { useT } from '../../i18n/use-t';
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
  onChanged: () => void;
}

/** The owning agency's controls, in the order a challenge goes: publish, panel, close, evaluate, award. */
export function ManagePanel({ challenge, panel, results, onChanged }: ManagePanelProps) {
  const { t } = useT();
  const active = challenge.status !== 'AWARDED' && challenge.status !== 'CANCELLED';
  return (
    <section className="section manage-panel" aria-labelledby="manage-heading">
      <h2 id="manage-heading">{t('manage.title')}</h2>
      <StatusActions challenge={challenge} onChanged={onChanged} />
      {active ? <ReviewerPicker challenge={challenge} panel={panel} onChanged={onChanged} /> : null}
      {challenge.status === 'EVALUATING' ? <ReviewProgress challengeId={challenge.id} /> : null}
      {challenge.status === 'EVALUATING' ? (
        <AwardForm challenge={challenge} results={results} onChanged={onChanged} />
      ) : null}
      {active ? <CancelForm challengeId={challenge.id} onChanged={onChanged} /> : null}
    </section>
  );
}
