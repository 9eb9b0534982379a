/**
 * The hub's event bus: challenge events, submissions received and plugin
 * events, published by the domain modules and read by subscriptions and by
 * plugins that receive events. A module of its own — every module may
 * publish, none owns it.
 */
import { createPubSub } from 'graphql-yoga';

export const CHALLENGE_EVENT_KINDS = [
  'PUBLISHED',
  'UPDATED',
  'CLOSED',
  'AWARDED',
  'CANCELLED',
  'QUESTION_ANSWERED',
  'ANNOUNCEMENT',
] as const;
export type ChallengeEventKind = (typeof CHALLENGE_EVENT_KINDS)[number];

export interface ChallengeEvent {
  kind: ChallengeEventKind;
  challengeId: string;
  at: string;
  /**
   * The challenge as the event left it, as plain JSON (events may cross hubs): subscribers decide visibility and
   * answer `challenge` from it without reading the store once per subscriber.
   */
  challenge?: ChallengeSnapshot;
}

/** What visibility needs of a challenge, and the rest of its document. */
export type ChallengeSnapshot = {
  _id: string;
  status: string;
  agencyPath: string[];
  publishedAt: string | null;
} & Record<string, unknown>;

export interface SubmissionReceivedEvent {
  challengeId: string;
  submissionId: string;
  /** The owning agency and those above it: who may receive the event. */
  agencyPath: string[];
  at: string;
}

export interface PluginEvent {
  plugin: string;
  name: string;
  payload: Record<string, unknown>;
  at: string;
}

/**
 * The hub's event bus. In-process for one instance; several instances share
 * events through `eventTarget`, the coordination module's Redis event target.
 */
export function createHubEvents(eventTarget?: EventTarget) {
  return createPubSub<{
    challenge: [ChallengeEvent];
    submissionReceived: [SubmissionReceivedEvent];
    pluginEvent: [PluginEvent];
  }>(eventTarget ? { eventTarget } : undefined);
}

export type HubEvents = ReturnType<typeof createHubEvents>;
