import { canSeeChallenge, ChallengeRef, SubmissionRef } from '../challenges/index.js';
import { audited } from '../graphql/audited.js';
import { builder } from '../graphql/builder.js';
import { parseId, peekId } from '../graphql/global-id.js';
import { ServiceRef, type ServiceRecord } from '../catalogue/index.js';
import { isPlatformAdmin } from '../identity/index.js';
import type { InstalledPlugin, PilotPackage } from './model.js';
import type { PilotLaunchPreview } from './pilot-service.js';
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
      'Install the plugin a winning submission references (the package its company uploaded, signed by its key; or ' +
      'one installed on the hub), granted exactly the approved capabilities, without a restart, and list its ' +
      'services as PILOT, linked to the challenge (platform admins, LIVE key).',
    args: {
      challengeId: t.arg.id({ required: true }),
      submissionId: t.arg.id({
        required: false,
        description: 'Which winner, when there are several; the first by default.',
      }),
      approvedCapabilities: t.arg.stringList({
        required: true,
        description:
          'The capabilities the admin approves: exactly those `pilotLaunchPreview` lists (CAPABILITY_NOT_APPROVED ' +
          'otherwise). The plugin is granted these and nothing else.',
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
            args.approvedCapabilities.slice(0, 50),
          ),
        ({ plugin }) => ({ targetId: plugin._id, organizationId: null }),
      ),
  }),
);

const PilotPackageRef = builder.objectRef<PilotPackage>('PilotPackage').implement({
  description: 'The signed plugin package a winning company uploaded for its awarded submission.',
  fields: (t) => ({
    name: t.exposeString('name'),
    version: t.exposeString('version'),
    sha256: t.exposeString('sha256', { description: "The tarball's SHA-256 (hex): its address in the store." }),
    sizeBytes: t.exposeInt('sizeBytes'),
    signedBy: t.string({ description: 'The registered key that signed it.', resolve: (p) => p.keyId }),
    uploadedAt: t.field({ type: 'DateTime', resolve: (p) => p.uploadedAt }),
    launchedAt: t.field({ type: 'DateTime', nullable: true, resolve: (p) => p.launchedAt }),
  }),
});

builder.objectField(SubmissionRef, 'pilotPackage', (t) =>
  t.field({
    type: PilotPackageRef,
    nullable: true,
    description: 'The plugin package uploaded for this winning submission (its company and platform admins).',
    resolve: (s, _a, ctx) =>
      ctx.viewer && (ctx.viewer.organization._id === s.organizationId || isPlatformAdmin(ctx.viewer))
        ? ctx.services.pilots.packages.ofSubmission(s._id)
        : null,
  }),
);

builder.mutationField('uploadPilotPackage', (t) =>
  t.field({
    type: PilotPackageRef,
    description:
      'Upload the signed plugin package (`maru pack`’s .tgz, multipart request) that an awarded winning submission ' +
      'names, for a platform admin to launch as a pilot (members of the winning company). Checked whole — safe ' +
      'archive, signature by a key registered to the company, name and version, manifest, compatibility — before ' +
      'anything is kept; replaces an earlier upload until launched.',
    args: { submissionId: t.arg.id({ required: true }), file: t.arg({ type: 'File', required: true }) },
    resolve: (_r, args, ctx) =>
      audited(
        ctx,
        'submission.uploadPilotPackage',
        { targetId: peekId(args.submissionId) },
        () =>
          ctx.services.pilots.packages.upload(
            ctx.viewer,
            parseId(args.submissionId, 'Submission', 'submissionId'),
            args.file,
          ),
        (p) => ({ targetId: p._id, organizationId: p.organizationId }),
      ),
  }),
);

const CapabilityRequestRef = builder.objectRef<{ name: string; hosts: string[] }>('PilotCapabilityRequest').implement({
  description: 'One capability the plugin asks for, and for `fetch` the hosts it may reach.',
  fields: (t) => ({
    name: t.exposeString('name'),
    hosts: t.exposeStringList('hosts'),
  }),
});

const PreviewServiceRef = builder
  .objectRef<{ key: string; name: string; description: string }>('PilotPreviewService')
  .implement({
    fields: (t) => ({
      key: t.exposeString('key'),
      name: t.exposeString('name'),
      description: t.exposeString('description'),
    }),
  });

const PreviewRef = builder.objectRef<PilotLaunchPreview>('PilotLaunchPreview').implement({
  description: 'What a platform admin reads and approves before launching a winning plugin.',
  fields: (t) => ({
    challenge: t.field({ type: ChallengeRef, resolve: (p) => p.challenge }),
    submission: t.field({ type: SubmissionRef, resolve: (p) => p.submission }),
    package: t.field({
      type: PilotPackageRef,
      nullable: true,
      description: "The winning company's upload; null when the package is installed on the hub instead.",
      resolve: (p) => p.upload,
    }),
    name: t.string({ resolve: (p) => p.manifest.name }),
    version: t.string({ resolve: (p) => p.manifest.version }),
    publisher: t.string({ resolve: (p) => p.manifest.publisher }),
    capabilities: t.field({
      type: [CapabilityRequestRef],
      description: 'What it asks for: approve all of them to launch.',
      resolve: (p) =>
        (p.manifest.capabilities ?? []).map((name) => ({
          name,
          hosts: name === 'fetch' ? [...(p.manifest.hosts ?? [])] : [],
        })),
    }),
    hosts: t.stringList({ resolve: (p) => [...(p.manifest.hosts ?? [])] }),
    services: t.field({
      type: [PreviewServiceRef],
      resolve: (p) =>
        (p.manifest.services ?? []).map((s) => ({ key: s.key, name: s.name, description: s.description ?? '' })),
    }),
    signatureValid: t.boolean({ resolve: (p) => p.signature.ok }),
    signatureProblem: t.string({
      nullable: true,
      resolve: (p) => (p.signature.ok ? null : p.signature.reason),
    }),
    launched: t.boolean({
      description: 'Whether the plugin runs already (launched before).',
      resolve: (p) => p.installed?.status === 'ENABLED',
    }),
  }),
});

builder.queryField('pilotLaunchPreview', (t) =>
  t.field({
    type: PreviewRef,
    description:
      "What an awarded challenge's winning plugin asks for — capabilities, hosts, services — and whether its " +
      'signature holds, for the platform admin who launches it.',
    args: {
      challengeId: t.arg.id({ required: true }),
      submissionId: t.arg.id({ required: false }),
    },
    resolve: (_r, args, ctx) =>
      ctx.services.pilots.preview(
        ctx.viewer,
        parseId(args.challengeId, 'Challenge', 'challengeId'),
        args.submissionId ? parseId(args.submissionId, 'Submission', 'submissionId') : null,
      ),
  }),
);
