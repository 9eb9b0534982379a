import { canSeeChallenge, ChallengeRef } from '../challenges/index.js';
import { audited } from '../graphql/audited.js';
import { builder } from '../graphql/builder.js';
import { parseId, peekId } from '../graphql/global-id.js';
import { ServiceRef, type ServiceRecord } from '../catalogue/index.js';
import type { InstalledPlugin } from './model.js';
import { PluginRef } from './plugin-schema.js';

builder.objectField(ChallengeRef, 'pilotServices', (t) =>
  t.field({
    type: [ServiceRef],
    description: "Shared services launched as pilots from this challenge's winning solutions.",
    resolve: (c, _a, ctx) => ctx.services.catalogue.pilotsOf(c._id),
  }),
);

builder.objectField(ServiceRef, 'challenge', (t) =>
  t.field({
    type: ChallengeRef,
    nullable: true,
    description: 'The challenge whose award launched this service, if any.',
    resolve: async (s, _a, ctx) => {
      const challenge = s.challengeId ? await ctx.loaders.byId(ctx.services.challenges, s.challengeId) : null;
      return challenge && canSeeChallenge(ctx.viewer, challenge) ? challenge : null;
    },
  }),
);

const PilotPayload = builder
  .objectRef<{ plugin: InstalledPlugin; services: ServiceRecord[] }>('PilotLaunchPayload')
  .implement({
    fields: (t) => ({
      plugin: t.field({ type: PluginRef, resolve: (p) => p.plugin }),
      services: t.field({ type: [ServiceRef], resolve: (p) => p.services }),
    }),
  });

builder.mutationField('launchPilotService', (t) =>
  t.field({
    type: PilotPayload,
    description:
      'Install the plugin a winning submission references (exact name and version, ' +
      'signed) and list its services as PILOT, linked to the challenge (platform admins).',
    args: {
      challengeId: t.arg.id({ required: true }),
      submissionId: t.arg.id({
        required: false,
        description: 'Which winner, when there are several; the first by default.',
      }),
    },
    resolve: (_r, args, ctx) =>
      audited(
        ctx,
        'challenge.launchPilot',
        { targetId: peekId(args.challengeId) },
        () =>
          ctx.services.pilots.launch(
            ctx.viewer,
            parseId(args.challengeId, 'Challenge', 'challengeId'),
            args.submissionId ? parseId(args.submissionId, 'Submission', 'submissionId') : null,
          ),
        ({ plugin }) => ({ targetId: plugin._id, organizationId: null }),
      ),
  }),
);
