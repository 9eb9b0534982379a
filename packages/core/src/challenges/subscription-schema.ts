import { filter, pipe } from 'graphql-yoga';
import { forbidden } from '../errors.js';
import { builder } from '../graphql/builder.js';
import { encodeGlobalId, parseId } from '../graphql/global-id.js';
import { isPlatformAdmin } from '../identity/index.js';
import { canSeeChallenge } from './access.js';
import { ChallengeRef } from './challenge-schema.js';
import type { Challenge } from './model.js';
import { CHALLENGE_EVENT_KINDS, type ChallengeEvent, type SubmissionReceivedEvent } from '../events/index.js';
import { SubmissionRef } from './submission-schema.js';

/** The challenge an event carries: the document the challenges module published it with. */
const snapshotOf = (event: ChallengeEvent) => event.challenge as unknown as Challenge | undefined;

const ChallengeEventKindEnum = builder.enumType('ChallengeEventKind', { values: CHALLENGE_EVENT_KINDS });

const ChallengeEventRef = builder.objectRef<ChallengeEvent>('ChallengeEvent').implement({
  fields: (t) => ({
    kind: t.field({ type: ChallengeEventKindEnum, resolve: (e) => e.kind }),
    at: t.field({ type: 'DateTime', resolve: (e) => e.at }),
    challengeId: t.id({ resolve: (e) => encodeGlobalId('Challenge', e.challengeId) }),
    challenge: t.field({
      type: ChallengeRef,
      nullable: true,
      // The event carries the challenge as it left it: no read per subscriber.
      resolve: (e, _a, ctx) => {
        const challenge = snapshotOf(e);
        if (!challenge) return ctx.services.challenges.visibleTo(ctx.viewer, e.challengeId);
        return canSeeChallenge(ctx.viewer, challenge) ? challenge : null;
      },
    }),
  }),
});

const SubmissionReceivedRef = builder.objectRef<SubmissionReceivedEvent>('SubmissionReceivedEvent').implement({
  fields: (t) => ({
    at: t.field({ type: 'DateTime', resolve: (e) => e.at }),
    submission: t.field({
      type: SubmissionRef,
      nullable: true,
      resolve: (e, _a, ctx) => ctx.services.submissions.visibleTo(ctx.viewer, e.submissionId),
    }),
  }),
});

builder.subscriptionType({ description: 'Live events over server-sent events (send `Accept: text/event-stream`).' });

builder.subscriptionFields((t) => ({
  challengeEvents: t.field({
    type: ChallengeEventRef,
    description:
      'Public events of published challenges: published, updated, announcement, ' +
      'question answered, closed, awarded, cancelled. All challenges, or one.',
    args: { challengeId: t.arg.id({ required: false }) },
    subscribe: (_r, args, ctx) => {
      const only = args.challengeId ? parseId(args.challengeId, 'Challenge', 'challengeId') : null;
      return pipe(
        ctx.services.events.subscribe('challenge'),
        // Decided from the event alone: one event reaches every subscriber of every hub, and a store read per
        // subscriber per event would scale with both.
        filter(async (event: ChallengeEvent) => {
          if (only && event.challengeId !== only) return false;
          const challenge = snapshotOf(event);
          if (challenge) return canSeeChallenge(ctx.viewer, challenge);
          return (await ctx.services.challenges.visibleTo(ctx.viewer, event.challengeId)) !== null;
        }),
      );
    },
    resolve: (event) => event,
  }),
  submissionReceived: t.field({
    type: SubmissionReceivedRef,
    description: "A submission arrived on one of your agency's challenges (the agency and agencies above it).",
    args: { challengeId: t.arg.id({ required: false }) },
    subscribe: (_r, args, ctx) => {
      if (!ctx.viewer) throw forbidden('Sign in as a member of the owning agency to follow its submissions.');
      const viewer = ctx.viewer;
      const only = args.challengeId ? parseId(args.challengeId, 'Challenge', 'challengeId') : null;
      return pipe(
        ctx.services.events.subscribe('submissionReceived'),
        filter(
          (event: SubmissionReceivedEvent) =>
            (!only || event.challengeId === only) &&
            (isPlatformAdmin(viewer) || event.agencyPath.includes(viewer.organization._id)),
        ),
      );
    },
    resolve: (event) => event,
  }),
}));
