import { useTranslation } from 'react-i18next';

/** DRAFT → OPEN → CLOSED → EVALUATING → AWARDED; any but AWARDED may become CANCELLED. */
export type ChallengeStatus = 'DRAFT' | 'OPEN' | 'CLOSED' | 'EVALUATING' | 'AWARDED' | 'CANCELLED';
/** DRAFT → SUBMITTED → (WITHDRAWN | SHORTLISTED | REJECTED | WINNER). */
export type SubmissionStatus = 'DRAFT' | 'SUBMITTED' | 'WITHDRAWN' | 'SHORTLISTED' | 'REJECTED' | 'WINNER';
/** A shared service's status (`Service.status`). */
export type ServiceStatus = 'PILOT' | 'ACTIVE' | 'DEPRECATED' | 'SUSPENDED';
export type ServiceGrantStatus = 'REQUESTED' | 'ACTIVE' | 'REJECTED' | 'REVOKED';
/** A plugin's status (`Plugin.status`). */
export type PluginStatus = 'ENABLED' | 'DISABLED' | 'FAILED' | 'UNINSTALLED';
export type DataClassification = 'PUBLIC' | 'INTERNAL' | 'RESTRICTED' | 'PERSONAL';
export type DataConnectionStatus = 'NEW' | 'ACTIVE' | 'SYNCING' | 'FAILING' | 'PAUSED';
export type DataAccessRequestStatus = 'PENDING' | 'APPROVED' | 'REJECTED' | 'REVOKED' | 'WITHDRAWN';
/** `DataConsent.status`; EXPIRED is shown for an ACTIVE consent past `validUntil`. */
export type ConsentStatus = 'ACTIVE' | 'REVOKED' | 'EXPIRED';
export type DataSyncStatus = 'RUNNING' | 'SUCCEEDED' | 'PARTIAL' | 'FAILED';

export type StatusTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

const TONES = {
  challenge: {
    DRAFT: 'neutral',
    OPEN: 'success',
    CLOSED: 'warning',
    EVALUATING: 'info',
    AWARDED: 'success',
    CANCELLED: 'danger',
  },
  submission: {
    DRAFT: 'neutral',
    SUBMITTED: 'info',
    WITHDRAWN: 'neutral',
    SHORTLISTED: 'success',
    REJECTED: 'danger',
    WINNER: 'success',
  },
  service: { PILOT: 'info', ACTIVE: 'success', DEPRECATED: 'warning', SUSPENDED: 'danger' },
  serviceGrant: { REQUESTED: 'info', ACTIVE: 'success', REJECTED: 'danger', REVOKED: 'neutral' },
  plugin: { ENABLED: 'success', DISABLED: 'neutral', FAILED: 'danger', UNINSTALLED: 'neutral' },
  classification: { PUBLIC: 'success', INTERNAL: 'info', RESTRICTED: 'warning', PERSONAL: 'danger' },
  dataConnection: { NEW: 'neutral', ACTIVE: 'success', SYNCING: 'info', FAILING: 'danger', PAUSED: 'warning' },
  accessRequest: { PENDING: 'info', APPROVED: 'success', REJECTED: 'danger', REVOKED: 'neutral', WITHDRAWN: 'neutral' },
  consent: { ACTIVE: 'success', REVOKED: 'neutral', EXPIRED: 'warning' },
  sync: { RUNNING: 'info', SUCCEEDED: 'success', PARTIAL: 'warning', FAILED: 'danger' },
  /** An audit or access-log outcome: SUCCESS, or the error code of a refusal. */
  outcome: { SUCCESS: 'success' },
} as const satisfies Record<string, Record<string, StatusTone>>;

export type StatusKind = keyof typeof TONES;

export type StatusBadgeProps =
  | { kind: 'challenge'; status: ChallengeStatus }
  | { kind: 'submission'; status: SubmissionStatus }
  | { kind: 'service'; status: ServiceStatus | (string & {}) }
  | { kind: 'serviceGrant'; status: ServiceGrantStatus }
  | { kind: 'plugin'; status: PluginStatus | (string & {}) }
  | { kind: 'classification'; status: DataClassification }
  | { kind: 'dataConnection'; status: DataConnectionStatus }
  | { kind: 'accessRequest'; status: DataAccessRequestStatus }
  | { kind: 'consent'; status: ConsentStatus | (string & {}) }
  | { kind: 'sync'; status: DataSyncStatus }
  | { kind: 'outcome'; status: string };

/** The tone a status is shown in; refusals (any outcome but SUCCESS) and unknown values are neutral or danger. */
export function statusTone(kind: StatusKind, status: string): StatusTone {
  const tones: Record<string, StatusTone> = TONES[kind];
  return tones[status] ?? (kind === 'outcome' ? 'danger' : 'neutral');
}

/**
 * A status as a coloured, translated label. The label is text, never colour
 * alone; an unknown status (e.g. a new error code) is shown as it is.
 */
export function StatusBadge({ kind, status }: StatusBadgeProps) {
  const { t } = useTranslation('maru-ui');
  const tones: Record<string, StatusTone> = TONES[kind];
  const label = status in tones ? t(`status.${kind}.${status}`) : status;
  return <span className={`maru-badge maru-badge--${statusTone(kind, status)}`}>{label}</span>;
}
