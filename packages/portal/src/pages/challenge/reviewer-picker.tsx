import { AsyncState, FormErrorSummary } from '@maru/ui';
import { useEffect, useState, type FormEvent } from 'react';
import type { ChallengeDetailQuery } from '../../gql/graphql';
import { toFormError } from '../../graphql/form-error';
import { useMutation } from '../../graphql/use-mutation';
import { useT } from '../../i18n/use-t';
import { AssignReviewersDocument } from './challenge-mutations';
import { useReviewerCandidates, type Candidate } from './use-reviewer-candidates';

type Challenge = NonNullable<ChallengeDetailQuery['challenge']>;

/** A seat as the agency sees it: who, and whether their organization competes or they declared no conflict. */
export interface PanelSeat {
  memberId: string;
  name?: string;
  organization?: { name: string } | null;
  conflictOfInterest?: boolean;
  declaredNoConflictAt?: string | null;
}

/**
 * Seat the review panel: the agency's reviewers (and those below it) as checkboxes, the current panel ticked. The
 * conflict-of-interest rule is stated where the panel is chosen, and a panelist whose organization has since entered
 * is named, so the agency replaces them (the hub refuses to seat them again).
 */
export function ReviewerPicker({
  challenge,
  panel,
  onChanged,
}: {
  challenge: Challenge;
  panel: PanelSeat[] | null;
  onChanged: () => void;
}) {
  const { t } = useT();
  const candidates = useReviewerCandidates(challenge.agency.id);
  const assign = useMutation(AssignReviewersDocument);
  const [chosen, setChosen] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const panelKey = (panel ?? []).map((p) => p.memberId).join(',');
  useEffect(() => setChosen(panelKey ? panelKey.split(',') : []), [panelKey]);

  const seatOf = (id: string) => (panel ?? []).find((p) => p.memberId === id);
  const conflicted = (panel ?? []).filter((p) => p.conflictOfInterest);
  const list: Candidate[] = [...(candidates.candidates ?? [])];
  // Panelists invited from elsewhere stay listed, so saving does not drop them.
  for (const p of panel ?? [])
    if (!list.some((c) => c.id === p.memberId))
      list.push({ id: p.memberId, name: p.name ?? p.memberId, organization: p.organization?.name ?? '' });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (await assign.run({ id: challenge.id, memberIds: chosen })) {
      setSaved(true);
      onChanged();
    }
  };
  return (
    <form className="maru-form reviewer-picker" onSubmit={(event) => void submit(event)}>
      <fieldset className="maru-fieldset">
        <legend>{t('manage.panelTitle')}</legend>
        <p className="hint">{t('manage.panelHint')}</p>
        <p className="hint panel-rule">{t('manage.panelConflictRule')}</p>
        {conflicted.length ? (
          <p className="maru-notice maru-notice--danger" role="alert">
            {t('manage.panelConflicted', { names: conflicted.map((p) => p.name ?? p.memberId).join(', ') })}
          </p>
        ) : null}
        <AsyncState
          loading={candidates.loading}
          error={candidates.error}
          onRetry={candidates.reload}
          empty={list.length === 0}
          emptyMessage={t('manage.panelEmpty')}
        >
          <ul className="maru-checkboxes">
            {list.map((candidate) => (
              <li key={candidate.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={chosen.includes(candidate.id)}
                    onChange={(event) =>
                      setChosen(
                        event.target.checked ? [...chosen, candidate.id] : chosen.filter((id) => id !== candidate.id),
                      )
                    }
                  />{' '}
                  {candidate.name}
                  {candidate.organization ? <span className="muted"> · {candidate.organization}</span> : null}
                  <SeatState seat={seatOf(candidate.id)} />
                </label>
              </li>
            ))}
          </ul>
        </AsyncState>
      </fieldset>
      <FormErrorSummary error={toFormError(assign.error)} />
      <div role="status">
        {saved ? <p className="maru-notice maru-notice--success">{t('manage.panelSaved')}</p> : null}
      </div>
      <button
        type="submit"
        className="maru-button maru-button--secondary"
        disabled={assign.running || !candidates.candidates}
      >
        {t('manage.panelSave')}
      </button>
    </form>
  );
}

/** After a seated member's name: conflicted (they may not score), or whether they declared no conflict. */
function SeatState({ seat }: { seat: PanelSeat | undefined }) {
  const { t } = useT();
  if (!seat || seat.conflictOfInterest === undefined) return null;
  if (seat.conflictOfInterest)
    return <span className="maru-badge maru-badge--danger"> {t('manage.panelConflictBadge')}</span>;
  return (
    <span className="muted">
      {' '}
      · {seat.declaredNoConflictAt ? t('manage.panelDeclared') : t('manage.panelNotDeclared')}
    </span>
  );
}
