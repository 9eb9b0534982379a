import type { Capability, PluginManifest } from '@maru/sdk';
import type { ServiceCatalogue, ServiceRecord } from '../catalogue/index.js';
import type { Challenge, ChallengeService, Submission, SubmissionService } from '../challenges/index.js';
import { badInput, conflict, forbidden, MaruError, notFound } from '../errors.js';
import { isPlatformAdmin, requireLiveKey, requireScope, type Viewer } from '../identity/index.js';
import { manifestOf, type InstalledPlugin, type PilotPackage } from './model.js';
import { packageRef, type PilotPackages } from './pilot-packages.js';
import { readPluginPackage } from './plugin-package.js';
import type { PluginHost } from './plugin-host.js';
import { packageDirOf, type SignatureCheck } from './signature.js';

/** Finds the built module of an npm package at an exact version, or throws a message saying what to install. */
export type PluginPackageResolver = (name: string, version: string) => Promise<string>;

/** What a platform admin reads before launching: what the winner's plugin asks for, and whether it may run. */
export interface PilotLaunchPreview {
  challenge: Challenge;
  submission: Submission;
  /** The company's upload; null when the package comes from the hub's installed packages. */
  upload: PilotPackage | null;
  manifest: PluginManifest;
  signature: SignatureCheck;
  /** The plugin as installed already (launched before), or null. */
  installed: InstalledPlugin | null;
}

/**
 * The loop the platform exists for: a challenge is awarded to a submission that offers a plugin, the winning company
 * uploads its signed package (pilot-packages.ts), and a platform admin launches it — approving exactly the
 * capabilities it asks for — as PILOT shared services linked to the challenge, without a restart.
 */
export class PilotService {
  constructor(
    private readonly host: PluginHost,
    private readonly catalogue: ServiceCatalogue,
    private readonly challenges: ChallengeService,
    private readonly submissions: SubmissionService,
    readonly packages: PilotPackages,
    readonly resolve: PluginPackageResolver,
  ) {}

  private async winner(viewer: Viewer | null, challengeId: string, submissionId: string | null) {
    requireScope(viewer, 'ADMIN');
    if (!isPlatformAdmin(viewer)) throw forbidden('Only platform admins launch pilot services.');
    const challenge = await this.challenges.get(challengeId);
    if (!challenge) throw notFound('challenge', challengeId);
    if (challenge.status !== 'AWARDED')
      throw conflict(`Pilots start from an AWARDED challenge; this one is ${challenge.status}.`);
    const winnerId = submissionId ?? challenge.winnerSubmissionIds[0];
    if (!winnerId || !challenge.winnerSubmissionIds.includes(winnerId))
      throw badInput('submissionId', "`submissionId` must be one of the challenge's winning submissions.");
    const submission = await this.submissions.winnerOf(challenge, winnerId);
    if (!submission?.pluginPackage)
      throw badInput(
        'submissionId',
        'The winning submission does not reference a plugin package (name and exact version).',
      );
    return { viewer, challenge, submission, wanted: submission.pluginPackage };
  }

  /** Where the package comes from: the company's upload, else (older hubs) one installed on this hub. */
  private async source(submission: Submission, wanted: { name: string; version: string }) {
    const upload = await this.packages.ofSubmission(submission._id);
    if (upload) {
      return {
        upload,
        entry: packageRef(upload),
        manifest: JSON.parse(upload.manifestJson) as PluginManifest,
        signature: await this.packages.signatureNow(upload),
      };
    }
    let entry: string;
    try {
      entry = await this.resolve(wanted.name, wanted.version);
    } catch (error) {
      throw badInput(
        'submissionId',
        `The plugin ${wanted.name}@${wanted.version} has not been uploaded by the winning company, nor is it ` +
          `installed on this hub: ${(error as Error).message}`,
      );
    }
    const pkg = readPluginPackage(packageDirOf(entry), entry);
    return {
      upload: null,
      entry,
      manifest: pkg.api === 2 ? pkg.manifest : null,
      signature: { ok: false, reason: 'not an uploaded package: the loader checks it' } as SignatureCheck,
    };
  }

  /** What the winner's plugin asks for (platform admins), read before launching it. */
  async preview(viewer: Viewer | null, challengeId: string, submissionId: string | null): Promise<PilotLaunchPreview> {
    const { challenge, submission, wanted } = await this.winner(viewer, challengeId, submissionId);
    const source = await this.source(submission, wanted);
    if (!source.manifest)
      throw badInput('submissionId', `The plugin ${wanted.name}@${wanted.version} has no readable manifest.`);
    const installed = await this.host.byName(wanted.name);
    return {
      challenge,
      submission,
      upload: source.upload,
      manifest: source.manifest,
      signature: source.signature,
      installed: installed && installed.status !== 'UNINSTALLED' ? installed : null,
    };
  }

  async launch(
    viewer: Viewer | null,
    challengeId: string,
    submissionId: string | null,
    approved: readonly string[],
  ): Promise<{ plugin: InstalledPlugin; services: ServiceRecord[] }> {
    const winner = await this.winner(viewer, challengeId, submissionId);
    requireLiveKey(winner.viewer, 'launch pilot services');
    const { submission, wanted } = winner;
    const source = await this.source(submission, wanted);
    if (source.upload && !source.signature.ok)
      throw new MaruError(
        'PACKAGE_SIGNATURE_INVALID',
        `The uploaded package's signature no longer holds on this hub: ${source.signature.reason}.`,
        { field: 'submissionId' },
      );
    const requested = source.manifest?.capabilities ?? [];
    const unknown = approved.filter((c) => !requested.includes(c as Capability));
    const missing = requested.filter((c) => !approved.includes(c));
    if (unknown.length || missing.length)
      throw new MaruError(
        'CAPABILITY_NOT_APPROVED',
        `\`approvedCapabilities\`: approve exactly what the plugin asks for (${requested.join(', ') || 'nothing'})` +
          (unknown.length ? `; it does not ask for ${unknown.join(', ')}` : '') +
          (missing.length ? `; ${missing.join(', ')} left unapproved` : '') +
          '.',
        { field: 'approvedCapabilities' },
      );
    const existing = await this.host.byName(wanted.name);
    if (existing?.status === 'ENABLED') throw conflict(`${wanted.name} is already running on this hub.`);
    const grants = [...new Set(approved)] as Capability[];
    const loaded = await this.host.load({ entry: source.entry, capabilities: grants, expect: wanted });
    if (loaded.status !== 'ENABLED')
      throw badInput(
        'submissionId',
        `The plugin ${wanted.name}@${wanted.version} was refused: ${loaded.problems.join('; ')}`,
      );
    // Records the grants as an admin's decision (they then win over any configuration) and tells the other hubs.
    const plugin = await this.host.setCapabilities(winner.viewer, wanted.name, grants);
    if (source.upload) await this.packages.markLaunched(winner.viewer, submission._id);
    const services: ServiceRecord[] = [];
    for (const service of manifestOf(plugin)?.services ?? []) {
      const linked = await this.catalogue.launchAsPilot(service.key, challengeId);
      if (linked) services.push(linked);
    }
    return { plugin, services };
  }

  /**
   * Loads the pilots launched from uploads that this hub is not running yet (at start: a restarted hub, or a new one
   * of a deployment), from the store.
   */
  async restore(): Promise<void> {
    for (const plugin of await this.host.installed())
      if (plugin.status === 'ENABLED' && plugin.entry.startsWith('maru-package:'))
        await this.host.reconcile(plugin._id);
  }
}
