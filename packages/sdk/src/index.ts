/**
 * @packageDocumentation
 * `@maru/sdk` — the public contract Maru plugins compile against. It never
 * imports the hub; the hub imports it. A plugin depends on this package only.
 */
export { CAPABILITIES } from './manifest.js';
export type {
  Capability,
  ConnectorManifest,
  DocumentTypeManifest,
  JsonSchema,
  OperationManifest,
  PluginManifest,
  ServiceManifest,
  ServiceTexts,
} from './manifest.js';
export type {
  Ed25519Jwk,
  PluginAssets,
  PluginCaller,
  PluginContext,
  PluginCrypto,
  PluginData,
  PluginEvents,
  PluginKeyValue,
  PluginLogger,
} from './context.js';
export { PluginError, isPluginError } from './plugin-error.js';
export { LEGACY_PLUGIN_API_VERSION, PLUGIN_API_VERSION } from './version.js';
export { definePlugin, defineService, defineOperation, isPluginDefinition, PLUGIN_BRAND } from './define-plugin.js';
export type { OperationDefinition, PluginDefinition, PluginOptions, ServiceDefinition } from './define-plugin.js';
export { defineConnector } from './define-connector.js';
export type { ConnectorDefinition } from './define-connector.js';
export { validateManifest } from './validate-manifest.js';
export type { ManifestProblem } from './validate-manifest.js';
export { isCompatible, isValidRange } from './compatibility.js';
/** zod, re-exported so a plugin depends on one package; the hub reads the schemas it builds. */
export { z } from 'zod';
