/**
 * The notices module: what organizations want to hear about (interests), where each member hears it (channels), the
 * inbox, and the triggers other modules call when something happens. Its tables stay inside; everything goes through
 * the api `createNoticesModule` returns. Importing this index registers its GraphQL part.
 */
import type { ChallengeMatch, ChallengeService, SubmissionService, Challenge } from '../challenges/index.js';
import type { HubModule } from '../hub-module.js';
import { requireScope, type MemberService, type OrganizationService, type Viewer } from '../identity/index.js';
import type { HubLogger } from '../logger.js';
import type { Page, PageRequest } from '../store/page.js';
import type { Store } from '../store/port.js';
import { ChannelService } from './channel-service.js';
import { DeliveryService, type NoticeDeliveryOptions, type NoticeSender } from './delivery-service.js';
import { InboxService } from './inbox-service.js';
import { InterestService } from './interest-service.js';
import { noticeCollections } from './model.js';
import { NoticeTriggers } from './notice-triggers.js';
import './notice-schema.js';

export interface NoticesApi {
  interests: InterestService;
  channels: ChannelService;
  inbox: InboxService;
  deliveries: DeliveryService;
  triggers: NoticeTriggers;
  /** OPEN challenges matching the viewer's organization's interests and kind, soonest deadline first. */
  challengesForYou(viewer: Viewer | null, page: PageRequest): Promise<Page<Challenge>>;
}

export interface NoticesDeps {
  organizations: OrganizationService;
  members: MemberService;
  challenges: Pick<ChallengeService, 'listMatching'>;
  submissions: Pick<SubmissionService, 'submittedEntries'>;
  /** Sends to a member's webhook or e-mail (the notify plugin's `send`, wired by the composition root). */
  send: NoticeSender;
  clock: () => number;
  logger: HubLogger;
  options?: NoticeDeliveryOptions;
}

export function createNoticesModule(store: Store, deps: NoticesDeps): HubModule<NoticesApi> {
  const interests = new InterestService(store, deps.clock);
  const channels = new ChannelService(store, deps.clock);
  const deliveries = new DeliveryService(store, deps.send, deps.clock, deps.logger, deps.options);
  const inbox = new InboxService(store, deps.members, channels, deliveries, deps.clock);
  const triggers = new NoticeTriggers({
    interests,
    inbox,
    organizations: deps.organizations,
    submissions: deps.submissions,
  });
  const challengesForYou = async (viewer: Viewer | null, page: PageRequest) => {
    requireScope(viewer, 'READ');
    const declared = await interests.get(viewer.organization._id);
    const match: ChallengeMatch = {
      organizationId: viewer.organization._id,
      organizationKind: viewer.organization.kind,
      tags: declared.tags,
      types: declared.challengeTypes,
      agencyIds: declared.agencyIds,
    };
    return deps.challenges.listMatching(match, page);
  };
  return {
    name: 'notices',
    collections: noticeCollections,
    api: { interests, channels, inbox, deliveries, triggers, challengesForYou },
  };
}

export { noticeCollections, NOTICE_KINDS, type Notice, type NoticeKind } from './model.js';
export type { NoticeSender, OutgoingNotice, NoticeDeliveryOptions } from './delivery-service.js';
export { createNoticeSender, type HubServiceCaller } from './notice-sender.js';
