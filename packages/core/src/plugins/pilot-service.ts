import type { ServiceCatalogue, ServiceRecord } from '../catalogue/index.js';
import type { ChallengeService, SubmissionService } from '../challenges/index.js';
import { badInput, conflict, forbidden, notFound } from '../errors.js';
import { isPlatformAdmin, requireLiveKey, requireScope, type Viewer } from '../identity/index.js';
import { manifestOf, type InstalledPlugin } from './model.js';
import type { PluginHost } from './plugin-host.js';

/** Finds the built module of an npm package at an exact version, or throws a message saying what to install. */
export type PluginPackageResolver = (name: string, version: string) => Promise<string>;

/**
 * The loop the platform exists for: a challenge is awarded to a submission
 * that offers a plugin, and a platform admin launches that plugin as a PILOT
 * shared service linked to the challenge, in one step.
 */
export class PilotService {
  constructor(
    private readonly host: PluginHost,
    private readonly catalogue: ServiceCatalogue,
    private readonly challenges: ChallengeService,
    private readonly submissions: SubmissionService,
    readonly resolve: PluginPackageResolver,
  ) {}

  async launch(
    viewer: Viewer | null,
    challengeId: string,
    submissionId: string | null,
  ): Promise<{ plugin: InstalledPlugin; services: ServiceRecord[] }> {
    requireScope(viewer, 'ADMIN');
    if (!isPlatformAdmin(viewer)) throw forbidden('Only platform admins install plugins as pilot services.');
    requireLiveKey(viewer, 'launch pilot services');
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
    const { name, version } = submission.pluginPackage;
    let entry: string;
    try {
      entry = await this.resolve(name, version);
    } catch (error) {
      throw badInput(
        'submissionId',
        `The plugin ${name}@${version} cannot be found on this hub: ${(error as Error).message}`,
      );
    }
    const plugin = await this.host.load({ entry, expect: { name, version } });
    if (plugin.status !== 'ENABLED')
      throw badInput('submissionId', `The plugin ${name}@${version} was refused: ${plugin.problems.join('; ')}`);
    if (plugin._id !== name || plugin.version !== version)
      throw badInput(
        'submissionId',
        `The package found is ${plugin._id}@${plugin.version}, not the ${name}@${version} the submission names.`,
      );
    const services: ServiceRecord[] = [];
    for (const service of manifestOf(plugin)?.services ?? []) {
      const linked = await this.catalogue.launchAsPilot(service.key, challengeId);
      if (linked) services.push(linked);
    }
    return { plugin, services };
  }
}
