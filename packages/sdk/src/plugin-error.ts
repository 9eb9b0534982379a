/**
 * An error a plugin handler throws on purpose. The GraphQL client sees
 * `extensions.code` as `PLUGIN_<PLUGIN>_<CODE>`: namespaced by the plugin so it
 * can never pose as one of the hub's own codes.
 *
 * @example
 * ```ts
 * throw new PluginError('ADDRESS_NOT_FOUND', 'No address matches "Sejong-ro 1"; check the spelling.');
 * ```
 */
export class PluginError extends Error {
  /** Upper snake case code, unique within the plugin. */
  readonly code: string;

  constructor(code: string, message: string) {
    if (!/^[A-Z][A-Z0-9_]{1,63}$/.test(code)) {
      throw new TypeError(`PluginError code "${code}" must be UPPER_SNAKE_CASE, 2-64 characters`);
    }
    super(message);
    this.name = 'PluginError';
    this.code = code;
  }
}

/** True when `value` is a {@link PluginError}, also across package copies. */
export function isPluginError(value: unknown): value is PluginError {
  return (
    value instanceof PluginError ||
    (value instanceof Error && value.name === 'PluginError' && typeof (value as { code?: unknown }).code === 'string')
  );
}
