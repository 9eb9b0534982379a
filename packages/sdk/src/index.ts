/**
 * @packageDocumentation
 * `@maru/sdk` — the public contract Maru plugins compile against. It never
 * imports the hub; the hub imports it.
 */
export { CAPABILITIES } from './manifest.js';
export type { Capability, PluginManifest, ServiceManifest, OperationManifest } from './manifest.js';
export type { PluginCaller, PluginContext, PluginKeyValue, PluginLogger } from './context.js';
export { PluginError, isPluginError } from './plugin-error.js';
export { PLUGIN_API_VERSION } from './version.js';
