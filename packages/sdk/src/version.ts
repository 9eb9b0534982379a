/**
 * The version of the plugin API this SDK implements. A manifest's
 * `compatibility` range is checked against it when a plugin is installed.
 */
export const PLUGIN_API_VERSION = '1.0.0';
