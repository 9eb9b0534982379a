import { useTranslation } from 'react-i18next';
import { KoreanTime } from '../content/deadline';
import type { ChallengeStatus } from '../common/status-badge';

/** `Phase`: a later round; only those shortlisted in one enter the next. */
export interface Phase {
  name: string;
  submissionDeadline: string;
}

/** The dates of a challenge the timeline shows (all ISO date-times). */
export interface ChallengeTimelineData {
  status: ChallengeStatus;
  publishedAt?: string | null;
  submissionDeadline: string;
  closedAt?: string | null;
  evaluationEnd: string;
  awardedAt?: string | null;
  phases?: Phase[];
  /** 0 for the first phase. */
  currentPhase?: number;
  cancelReason?: string | null;
}

export interface TimelineProps {
  challenge: ChallengeTimelineData;
}

type StepState = 'done' | 'current' | 'upcoming';
interface Step {
  key: string;
  label: string;
  at?: string | null | undefined;
  state: StepState;
  note?: string | null | undefined;
}

// Which step is current follows from the status alone, so the timeline never depends on the clock.
const PROGRESS: Record<ChallengeStatus, number> = {
  DRAFT: 0,
  OPEN: 1,
  CLOSED: 2,
  EVALUATING: 2,
  AWARDED: 4,
  CANCELLED: -1,
};

function deadlineState(progress: number, index: number, phase: number): StepState {
  if (progress === 1) return index < phase ? 'done' : index === phase ? 'current' : 'upcoming';
  if (progress >= 2) return index <= phase ? 'done' : 'upcoming';
  return 'upcoming';
}

/** The stages of a challenge — published, submission deadlines (per phase), evaluation, award — with the current one marked. */
export function Timeline({ challenge }: TimelineProps) {
  const { t } = useTranslation('maru-ui');
  const progress = PROGRESS[challenge.status];
  const state = (index: number): StepState =>
    progress < 0
      ? index === 0 && challenge.publishedAt
        ? 'done'
        : 'upcoming'
      : index < progress
        ? 'done'
        : index === progress
          ? 'current'
          : 'upcoming';
  const deadlines = [
    { name: t('timeline.submissionDeadline'), submissionDeadline: challenge.submissionDeadline },
    ...(challenge.phases ?? []).map((phase) => ({
      ...phase,
      name: t('timeline.phaseDeadline', { phase: phase.name }),
    })),
  ];
  const phase = challenge.currentPhase ?? 0;
  const steps: Step[] = [
    { key: 'published', label: t('timeline.published'), at: challenge.publishedAt, state: state(0) },
    ...deadlines.map((deadline, index): Step => ({
      key: `deadline-${index}`,
      label: deadline.name,
      at: deadline.submissionDeadline,
      state: deadlineState(progress, index, phase),
    })),
    { key: 'evaluation', label: t('timeline.evaluationEnd'), at: challenge.evaluationEnd, state: state(2) },
    {
      key: 'awarded',
      label: t('timeline.awarded'),
      at: challenge.awardedAt,
      state: progress === 4 ? 'done' : 'upcoming',
    },
  ];
  if (challenge.status === 'CANCELLED')
    steps.push({ key: 'cancelled', label: t('timeline.cancelled'), state: 'current', note: challenge.cancelReason });
  return (
    <ol className="maru-timeline" aria-label={t('timeline.label')}>
      {steps.map((step) => (
        <li
          key={step.key}
          className={`maru-timeline__step maru-timeline__step--${step.state}`}
          aria-current={step.state === 'current' ? 'step' : undefined}
        >
          <span className="maru-timeline__marker" aria-hidden="true" />
          <span className="maru-timeline__label">{step.label}</span>
          {step.at ? (
            <span className="maru-timeline__date">
              <KoreanTime value={step.at} />
            </span>
          ) : null}
          <span className="maru-visually-hidden">{t(`timeline.state.${step.state}`)}</span>
          {step.note ? <span className="maru-timeline__note">{step.note}</span> : null}
        </li>
      ))}
    </ol>
  );
}
