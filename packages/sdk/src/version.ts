/**
 * The version of the plugin API this SDK implements. A manifest's
 * `compatibility` range is checked against it when a plugin is installed.
 * Additions bump the minor version (1.1.0 added data connectors); 2.0.0 runs
 * plugins as one bundle in an isolate, whose `ctx` adds `assets`, `crypto`
 * and `sleep` and whose global scope has no Node APIs. A plugin built with
 * `maru build` asks for `^2.0.0`.
 */
export const PLUGIN_API_VERSION = '2.0.0';

/**
 * The last plugin API of worker-thread plugins (SDK 0.1). A hub loads a plugin
 * built for it only when its operator allows legacy plugins, and lists it as
 * unconfined: its code runs with the plugin host's Node APIs.
 */
export const LEGACY_PLUGIN_API_VERSION = '1.1.0';
