import type { Organization, Region, SizeBand } from '../identity/index.js';

/** Whose figures an insights query reads: one organization (and the agencies below it), or the whole platform. */
export interface InsightsScope {
  /** Null for the whole platform (platform admins only). */
  organization: Organization | null;
  /** The organization and every agency below it; empty for the whole platform. */
  organizationIds: string[];
  /** Over-time figures start on this UTC day (`YYYY-MM-DD`). */
  sinceDay: string;
}

export interface StatusCount {
  status: string;
  count: number;
}

export interface ChallengeParticipation {
  challengeId: string;
  title: string;
  /** Entries that were submitted (drafts excluded), whatever became of them since. */
  entries: number;
  byStatus: StatusCount[];
}

export interface PhaseParticipation {
  /** 0 is the challenge's own timeline; later phases count up. */
  phase: number;
  entries: number;
  drafts: number;
}

export interface WeekParticipation {
  /** The Monday (UTC) starting the week, `YYYY-MM-DD`. */
  week: string;
  /** Entries submitted that week. */
  submitted: number;
  /** Those entries by where they stand now. */
  byStatus: StatusCount[];
}

export interface BandParticipation {
  /** Null: companies that have not set a size band. */
  sizeBand: SizeBand | null;
  entries: number;
  organizations: number;
}

export interface RegionParticipation {
  region: Region | null;
  entries: number;
  organizations: number;
}

export interface Participation {
  challenges: ChallengeParticipation[];
  phases: PhaseParticipation[];
  weeks: WeekParticipation[];
  sizeBands: BandParticipation[];
  regions: RegionParticipation[];
}

export interface AgencyTimeToAward {
  agencyId: string;
  awarded: number;
  /** Whole days from publication to award; null when no awarded challenge has a publication date. */
  medianDays: number | null;
  minDays: number | null;
  maxDays: number | null;
}

export interface ServiceDayUsage {
  serviceKey: string;
  day: string;
  calls: number;
  failures: number;
}

export interface ServiceConsumerUsage {
  serviceKey: string;
  consumerOrganizationId: string | null;
  calls: number;
  failures: number;
}

export interface ServiceUsageInsights {
  perDay: ServiceDayUsage[];
  perConsumer: ServiceConsumerUsage[];
}

export interface ConnectionAccess {
  connectionId: string;
  name: string;
  reads: number;
  refusedReads: number;
  approvals: number;
  refusals: number;
  pending: number;
  consentsInForce: number;
}
