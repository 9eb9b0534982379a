import type { ChallengeService, SubmissionService } from '../challenges/index.js';
import type { ServiceCatalogue } from '../catalogue/index.js';
import type { DataServices } from '../data/index.js';
import type { PluginHost } from '../plugins/index.js';

/** What the wallet asks of the plugins module: the declared document types and calls to their issuers. */
export type WalletPlugins = Pick<PluginHost, 'enabledManifests' | 'call' | 'callIssuer'>;

/**
 * Where documents are presented to: the modules that own submissions, challenges, data and service access requests,
 * and the data module's consents, which tie a person to a data access request.
 */
export interface PresentationTargets {
  challenges: Pick<ChallengeService, 'get'>;
  submissions: Pick<SubmissionService, 'visibleTo'>;
  accessRequests: Pick<DataServices['accessRequests'], 'get'>;
  catalogue: Pick<ServiceCatalogue, 'grant'>;
  /** Persons present to data access requests their consents in force tie them to. */
  consents: Pick<DataServices['consents'], 'inForce' | 'subjectScope'>;
}
