import { claimCollection } from '../store/claims.js';
import type { CollectionSpec } from '../store/port.js';

/** What an organization wants to hear about. Any match of any list is interest; empty lists match nothing. */
export interface Interests {
  /** The organization's id: one document per organization. */
  _id: string;
  /** Lower-cased challenge tags. */
  tags: string[];
  challengeTypes: string[];
  /** Agencies whose challenges (theirs and those of agencies below them) interest the organization. */
  agencyIds: string[];
  /** Data connections the organization wants to hear of when they become available. */
  datasetIds: string[];
  updatedById: string | null;
  updatedAt: string;
  version: number;
}

export const NOTICE_KINDS = [
  'CHALLENGE_PUBLISHED',
  'QUESTION_ANSWERED',
  'DATA_ACCESS_DECIDED',
  'SERVICE_ACCESS_DECIDED',
  'DATASET_AVAILABLE',
  'CHALLENGE_AWARDED',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** Why an organization received a notice: it was party to what happened, or it had declared interest. */
export type NoticeReason = 'CONCERNED' | 'INTERESTED';

/**
 * One notice in one member's inbox. Its `_id` is a digest of event key and member id: recording the same event twice (a second
 * hub, a hub taking over a dead one's transition) is refused by the primary key, so a member never sees it twice.
 */
export interface Notice {
  _id: string;
  /** Names what happened once across hubs, e.g. `challenge-published:<id>`. */
  eventKey: string;
  memberId: string;
  organizationId: string;
  kind: NoticeKind;
  reason: NoticeReason;
  /** What the notice is about (raw ids); the portal words it in the reader's language from `kind` and `subject`. */
  subjectType: 'Challenge' | 'Question' | 'DataAccessRequest' | 'ServiceGrant' | 'DataConnection';
  subjectId: string;
  /** The challenge or connection named, so an inbox needs no further read to show a title. */
  title: string;
  /** A short outcome: APPROVED, REJECTED, ACTIVE, WINNER… or null. */
  outcome: string | null;
  createdAt: string;
  readAt: string | null;
}

export const CHANNELS = ['WEBHOOK', 'EMAIL'] as const;
export type Channel = (typeof CHANNELS)[number];

/** A member's external channels; the portal inbox is always on and needs no entry. */
export interface ChannelSettings {
  /** The member's id. */
  _id: string;
  organizationId: string;
  webhookUrl: string | null;
  /** Where e-mail notices go; null turns e-mail off. */
  email: string | null;
  updatedAt: string;
  version: number;
}

export const DELIVERY_STATUSES = ['PENDING', 'DELIVERED', 'FAILED'] as const;
export type NoticeDeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One notice sent to one external channel through the notify plugin: retried until delivered or out of attempts. */
export interface NoticeDelivery {
  /** `<notice id>-webhook` or `<notice id>-email`. */
  _id: string;
  noticeId: string;
  memberId: string;
  organizationId: string;
  channel: Channel;
  /** The webhook URL or e-mail address when the notice was recorded. */
  target: string;
  message: string;
  status: NoticeDeliveryStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  deliveredAt: string | null;
}

export const noticeCollections: CollectionSpec[] = [
  claimCollection('notice_delivery_claims'),
  {
    name: 'notice_interests',
    indexes: [
      { name: 'byTag', keys: [['tags', 1]] },
      { name: 'byType', keys: [['challengeTypes', 1]] },
      { name: 'byAgency', keys: [['agencyIds', 1]] },
      { name: 'byDataset', keys: [['datasetIds', 1]] },
    ],
    arrayFields: ['tags', 'challengeTypes', 'agencyIds', 'datasetIds'],
  },
  {
    name: 'notices',
    indexes: [
      {
        name: 'byMemberCreated',
        keys: [
          ['memberId', 1],
          ['createdAt', -1],
          ['_id', -1],
        ],
      },
      {
        name: 'byMemberUnread',
        keys: [
          ['memberId', 1],
          ['readAt', 1],
        ],
      },
      { name: 'byEvent', keys: [['eventKey', 1]] },
    ],
  },
  { name: 'notice_channels', indexes: [{ name: 'byOrganization', keys: [['organizationId', 1]] }] },
  {
    name: 'notice_deliveries',
    indexes: [
      {
        name: 'byStatusDue',
        keys: [
          ['status', 1],
          ['nextAttemptAt', 1],
        ],
      },
      { name: 'byNotice', keys: [['noticeId', 1]] },
    ],
  },
];
