import { builder } from '../graphql/builder.js';
import { connectionOf, pageArgs, toConnection } from '../graphql/connection.js';
import { audited } from '../graphql/audited.js';
import { parseId, peekId } from '../graphql/global-id.js';
import { fromGraphQL, zodArgs } from '../graphql/zod-input.js';
import { announcementInput } from './challenge-input.js';
import { ChallengeRef } from './challenge-schema.js';
import type { Announcement, Challenge } from './model.js';

// The GraphQL type keeps the name it was published with; clients' fragments name it.
const AnnouncementRef = builder.objectRef<Announcement>('ChallengeAnnouncement').implement({
  description: 'An announcement the agency posted to a published challenge, for everyone following it.',
  fields: (t) => ({
    title: t.exposeString('title'),
    body: t.exposeString('body', { description: 'Markdown.' }),
    createdAt: t.field({ type: 'DateTime', resolve: (a) => a.createdAt }),
  }),
});
const AnnouncementConnection = connectionOf(AnnouncementRef, 'ChallengeAnnouncement');

builder.objectField(ChallengeRef, 'announcements', (t) =>
  t.field({
    type: AnnouncementConnection,
    description: 'What the agency announced to everyone following the challenge, newest first.',
    args: pageArgs,
    resolve: (c, args, ctx) => toConnection(args, (page) => ctx.services.challenges.announcementsOf(c, page)),
  }),
);

const AnnouncementArgs = zodArgs(announcementInput);
const PostAnnouncementPayload = builder
  .objectRef<{ announcement: Announcement; challenge: Challenge }>('PostAnnouncementPayload')
  .implement({
    fields: (t) => ({
      announcement: t.field({ type: AnnouncementRef, resolve: (p) => p.announcement }),
      challenge: t.field({ type: ChallengeRef, resolve: (p) => p.challenge }),
    }),
  });

builder.mutationField('postAnnouncement', (t) =>
  t.field({
    type: PostAnnouncementPayload,
    description:
      'Post an announcement to a published challenge (its challenge managers and agency admins); ' +
      'followers of `challengeEvents` hear an ANNOUNCEMENT.',
    args: { challengeId: t.arg.id({ required: true }), ...AnnouncementArgs.args },
    resolve: (_r, args, ctx) =>
      audited(
        ctx,
        'challenge.announce',
        { targetId: peekId(args.challengeId) },
        async () => {
          const id = parseId(args.challengeId, 'Challenge', 'challengeId');
          const announcement = await ctx.services.challenges.postAnnouncement(
            ctx.viewer,
            id,
            fromGraphQL(AnnouncementArgs, args, ''),
          );
          return { announcement, challenge: (await ctx.services.challenges.get(id))! };
        },
        ({ challenge }) => ({ targetId: challenge._id, organizationId: challenge.agencyId }),
      ),
  }),
);
