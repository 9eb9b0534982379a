/**
 * The plugins module: the installed plugins, their key/value stores and the publishers' keys the hub trusts, and the
 * runtime that loads plugins and calls them (PluginHost). The services plugins offer belong to the catalogue, a named
 * dependency; pilots launch an awarded challenge's plugin as a service. Importing this index registers the module's
 * GraphQL part.
 */
import type { AuditTrail } from '../audit/index.js';
import type { ServiceCatalogue } from '../catalogue/index.js';
import type { ChallengeService, SubmissionService } from '../challenges/index.js';
import type { HubEvents } from '../events/index.js';
import type { HubModule } from '../hub-module.js';
import type { HubLogger } from '../logger.js';
import type { Store } from '../store/port.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pluginCollections, type PilotPackage, type PublisherKey } from './model.js';
import type { PackageChunk } from './pilot-package-bytes.js';
import { PilotPackages } from './pilot-packages.js';
import { PilotService, type PluginPackageResolver } from './pilot-service.js';
import { PluginHost, type PluginHostOptions } from './plugin-host.js';
import { resolveInstalledPackage } from './resolve-package.js';
import './plugin-schema.js';
import './pilot-schema.js';

export interface PluginsApi {
  /** The plugin runtime's front door. */
  plugins: PluginHost;
  pilots: PilotService;
}

export interface PluginsDeps {
  /** Where a plugin's services are listed, admitted and metered. */
  catalogue: ServiceCatalogue;
  /** Pilots start from an awarded challenge and its winning submission. */
  challenges: ChallengeService;
  submissions: SubmissionService;
  /** Refused capabilities are recorded here. */
  audit: AuditTrail;
  /** Public challenge events handed to the plugins that receive them; plugins' own events published. */
  events?: HubEvents;
  logger: HubLogger;
  clock: () => number;
  options?: PluginHostOptions;
  /** Finds an installed plugin package at an exact version (pilots, installs). Default: Node's resolution. */
  resolvePackage?: PluginPackageResolver;
}

export function createPluginsModule(store: Store, deps: PluginsDeps): HubModule<PluginsApi> {
  const plugins = new PluginHost(store, deps.catalogue, deps.audit, deps.logger, deps.clock, deps.options, deps.events);
  const packages = new PilotPackages({
    packages: store.collection<PilotPackage>('pilot_packages'),
    chunks: store.collection<PackageChunk>('plugin_package_chunks'),
    keys: store.collection<PublisherKey>('publisher_keys'),
    challenges: deps.challenges,
    submissions: deps.submissions,
    clock: deps.clock,
    dir: deps.options?.packagesDir ?? join(tmpdir(), 'maru-plugin-packages'),
  });
  // A launched pilot's record names its package by content; each hub unpacks it from the store when it loads it.
  plugins.setPackageSource((entry) => packages.localEntry(entry));
  const pilots = new PilotService(
    plugins,
    deps.catalogue,
    deps.challenges,
    deps.submissions,
    packages,
    deps.resolvePackage ?? resolveInstalledPackage,
  );
  return { name: 'plugins', collections: pluginCollections, api: { plugins, pilots } };
}

export { PluginHost, pluginNamespace } from './plugin-host.js';
export type { PluginConfig, PluginDataReader, PluginDataRequest, PluginHostOptions } from './plugin-host.js';
export type { PilotLaunchPreview, PilotService, PluginPackageResolver } from './pilot-service.js';
export type { PilotPackages } from './pilot-packages.js';
export { configOf, manifestOf, pluginCollections } from './model.js';
export type { InstalledPlugin, PilotPackage, PluginStatus, PublisherKey } from './model.js';
export { PluginRef } from './plugin-schema.js';
export { buildTypedSchema } from './typed-schema.js';
// The runtime's parts the package's public entry and @maru/core/testing offer.
export { PluginRunner, PluginCallError } from './plugin-runner.js';
export type { PluginCall, PluginCallErrorCode, PluginKvPort, PluginRunnerOptions } from './plugin-runner.js';
export { PluginFence, type PluginFenceOptions } from './fence/plugin-fence.js';
export { FencedRunner } from './fence/fenced-runner.js';
export { isolatedVmBinary } from './isolate/isolated-vm-binary.js';
export { packageDigest, packageDirOf, signPackage, SIGNATURE_FILE, verifyPackage } from './signature.js';
export type { PackageSignature, SignatureCheck, TrustedKey } from './signature.js';
export { nodePlatform } from './node-platform.js';
export { pluginCrypto, pluginSleep } from './worker-context.js';
