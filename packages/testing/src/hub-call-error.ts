/**
 * A call through the test hub that the hub refused or the plugin failed:
 * `code` is what a client sees in `extensions.code` (`CAPABILITY_DENIED`,
 * `BAD_USER_INPUT`, `PLUGIN_<PLUGIN>_<CODE>`, …).
 *
 * @example
 * ```ts
 * await expect(hub.call('notes', 'save', { text: 'hi' })).rejects.toMatchObject({ code: 'CAPABILITY_DENIED' });
 * ```
 */
export class HubCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** The rest of the error's extensions (`field`, `retryAfter`, …). */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(`${code}: ${message}`);
    this.name = 'HubCallError';
  }
}
