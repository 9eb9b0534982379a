import type { HubModule } from '../hub-module.js';
import type { OrganizationService } from '../identity/index.js';
import type { Store } from '../store/port.js';
import type { ChallengeService } from '../challenges/index.js';
import { HeldDocuments } from './held-documents.js';
import { walletCollections } from './model.js';
import { Presentations } from './presentations.js';
import { Requirements } from './requirements.js';
import type { PresentationTargets, WalletPlugins } from './wallet-ports.js';
// The module's GraphQL part: importing this index registers it on the builder.
import './wallet-schema.js';

/** Once-only documents: held for their holders, presented by reference with consent, verified with the issuer. */
export interface WalletApi {
  documents: HeldDocuments;
  presentations: Presentations;
  requirements: Requirements;
}

export interface WalletDeps {
  /** The declared document types, and calls to their issuers' operations. */
  plugins: WalletPlugins;
  organizations: OrganizationService;
  /** Who manages a challenge (its required documents). */
  challenges: Pick<ChallengeService, 'requireManaged' | 'get'>;
  targets: Omit<PresentationTargets, 'challenges'>;
  clock: () => number;
}

/** The wallet module: its four tables stay inside; everything else goes through `api`. */
export function createWalletModule(store: Store, deps: WalletDeps): HubModule<WalletApi> {
  const documents = new HeldDocuments(store, deps.plugins, deps.organizations, deps.clock);
  const requirements = new Requirements(store, deps.challenges, (type) => documents.typeOf(type) !== null, deps.clock);
  const presentations = new Presentations(
    store,
    documents,
    requirements,
    { ...deps.targets, challenges: deps.challenges },
    deps.plugins,
    deps.clock,
  );
  return { name: 'wallet', collections: walletCollections, api: { documents, presentations, requirements } };
}

export { walletCollections } from './model.js';
export type { HeldDocuments } from './held-documents.js';
export type { Presentations } from './presentations.js';
export type { Requirements } from './requirements.js';
export type { DocumentPresentation, DocumentRequirement, HeldDocument } from './model.js';
