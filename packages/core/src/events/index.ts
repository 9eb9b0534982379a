/**
 * The events module: the hub's event bus. It owns no tables; every module may publish on it, none owns it.
 */
export {
  CHALLENGE_EVENT_KINDS,
  createHubEvents,
  type ChallengeEvent,
  type ChallengeEventKind,
  type ChallengeSnapshot,
  type HubEvents,
  type PluginEvent,
  type SubmissionReceivedEvent,
} from './hub-events.js';
