// i18n
export { uiResources, UI_NAMESPACE, type UiLanguage } from './i18n/resources';
export type { UiMessages } from './i18n/en';
export { createUiI18n } from './i18n/create-ui-i18n';
export { useUiFormat, createUiFormat, type UiFormat } from './i18n/use-ui-format';

// shared pieces
export { AsyncState, type AsyncStateProps, type AsyncStateViewProps } from './common/async-state';
export { Field, type FieldProps, type FieldControlProps } from './common/field';
export { FormErrorSummary, fieldError, type FormError, type FormStateProps } from './common/form-error';
export type { LinkProps, LinkRenderProps, LinkRenderer } from './common/link';
export type { ListProps } from './common/item-list';
export { MarkdownText } from './common/markdown-text';
export { Markdown, safeUrl, type MarkdownProps } from './content/markdown';
export { Deadline, DdayBadge, KoreanTime, type DeadlineProps, type KoreanTimeProps } from './content/deadline';
export { LicenceMark, type LicenceMarkProps } from './content/licence-mark';
export { readLicence, type LicenceInfo, type LicenceCondition } from './content/licence';
export { KOREA_TIME_ZONE, formatKoreanTime, deadlineState, type DeadlineState } from './content/korean-time';
export { DateTime } from './common/date-time';
export {
  StatusBadge,
  statusTone,
  type StatusBadgeProps,
  type StatusKind,
  type StatusTone,
  type ChallengeStatus,
  type SubmissionStatus,
  type ServiceStatus,
  type ServiceGrantStatus,
  type PluginStatus,
  type DataClassification,
  type DataConnectionStatus,
  type DataAccessRequestStatus,
  type ConsentStatus,
  type DataSyncStatus,
} from './common/status-badge';

// identity (KRDS): official banner, operator identifier, footer, phase banner
export { OfficialBanner, type OfficialBannerTexts } from './identity/official-banner';
export { OperatorIdentifier, type OperatorIdentifierProps } from './identity/operator-identifier';
export { SiteFooter, type SiteFooterProps, type FooterLink } from './identity/site-footer';
export { PhaseBanner, type PhaseBannerProps } from './identity/phase-banner';

// challenges
export {
  ChallengeCard,
  type ChallengeCardProps,
  type ChallengeSummary,
  type ChallengeType,
  type Prize,
} from './challenges/challenge-card';
export { ChallengeList, type ChallengeListProps } from './challenges/challenge-list';
export { Timeline, type TimelineProps, type ChallengeTimelineData, type Phase } from './challenges/timeline';
export { CriteriaTable, type CriteriaTableProps, type Criterion } from './challenges/criteria-table';
export { ResultsTable, type ResultsTableProps, type RankedSubmission } from './challenges/results-table';
export { QaThread, type QaThreadProps, type Question } from './challenges/qa-thread';
export {
  SubmissionForm,
  type SubmissionFormProps,
  type SubmissionFormValues,
  type SubmissionLink,
  type PluginPackageReference,
} from './challenges/submission-form';
export {
  ReviewScoringForm,
  type ReviewScoringFormProps,
  type ReviewScoringValues,
  type CriterionScore,
} from './challenges/review-scoring-form';
export {
  ChallengePage,
  type ChallengePageProps,
  type ChallengeDetail,
  type Eligibility,
  type LinkedDataConnection,
  type LinkedService,
  type OrganizationKind,
} from './challenges/challenge-page';

// services and plugins
export {
  ServiceCard,
  type ServiceCardProps,
  type ServiceSummary,
  type ServiceOperation,
  type ServiceDailyUsage,
} from './services/service-card';
export { ServiceList, type ServiceListProps } from './services/service-list';
export {
  PluginCard,
  type PluginCardProps,
  type PluginSummary,
  type PluginConnector,
  type PluginIsolation,
} from './plugins/plugin-card';
export { PluginList, type PluginListProps } from './plugins/plugin-list';

// data
export {
  DataSchemaTable,
  DataPreviewTable,
  type DataField,
  type DataFieldType,
  type DataRecord,
} from './data/data-tables';
export {
  DataConnectionCard,
  type DataConnectionCardProps,
  type DataConnectionSummary,
  type ConnectorKind,
} from './data/data-connection-card';
export { DataConnectionList, type DataConnectionListProps } from './data/data-connection-list';
export {
  AccessRequestDialog,
  type AccessRequestDialogProps,
  type AccessRequestValues,
} from './data/access-request-dialog';
export { ConsentList, type ConsentListProps, type Consent } from './data/consent-list';
export { AccessLogList, type AccessLogListProps, type AccessLogEntry } from './data/access-log-list';

// audit
export { AuditList, type AuditListProps, type AuditEvent } from './audit/audit-list';
