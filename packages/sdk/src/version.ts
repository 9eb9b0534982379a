/**
 * The version of the plugin API this SDK implements. A manifest's
 * `compatibility` range is checked against it when a plugin is installed.
 * Additions bump the minor version (1.1.0 added data connectors), so a plugin
 * built for `^1.0.0` keeps loading; a plugin that contributes connectors asks
 * for `^1.1.0`.
 */
export const PLUGIN_API_VERSION = '1.1.0';
