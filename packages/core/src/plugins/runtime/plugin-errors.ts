/**
 * The one mapping from a plugin's failures to the hub's error registry, and
 * the one place a refused capability is written to the audit trail.
 */
import type { AuditTrail } from '../../audit/index.js';
import { badInput, MaruError } from '../../errors.js';
import type { HubLogger } from '../../logger.js';
import { PluginCallError } from '../plugin-runner.js';

/** `@acme/maru-address` → `ACME_MARU_ADDRESS`: the namespace of the plugin's error codes. */
export const pluginNamespace = (name: string) =>
  name
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
    .toUpperCase();

/**
 * What a client sees of a failed call into `pluginName`: its own codes namespaced, anything unexpected masked (and
 * logged).
 */
export function pluginFailure(error: unknown, pluginName: string, logger: HubLogger): MaruError {
  if (!(error instanceof PluginCallError))
    return new MaruError('PLUGIN_FAILED', 'The plugin failed; only this call was affected.');
  switch (error.code) {
    case 'PLUGIN_ERROR':
      return new MaruError(`PLUGIN_${pluginNamespace(pluginName)}_${error.pluginCode}`, error.message);
    case 'BAD_USER_INPUT':
      return badInput('input', `\`input\`: ${error.message}`);
    case 'TIMEOUT':
    case 'CAPABILITY_DENIED':
    case 'PLUGIN_UNAVAILABLE':
      return new MaruError(error.code, error.message);
    default:
      // The plugin's own words may carry paths or data: they go to the log, not to the client.
      logger.warn({ plugin: pluginName, reason: error.message }, 'plugin call failed');
      return new MaruError(
        'PLUGIN_FAILED',
        'The plugin failed unexpectedly; only this call was affected. ' +
          'Retry, or report the x-request-id to the service provider.',
      );
  }
}

/** Who asked, when a person's call led to the refusal. */
export interface DeniedActor {
  memberId: string;
  organizationId: string;
}

/** Writes a refused capability of `plugin` (or a refused event name) to the audit trail. */
export function auditDenied(
  audit: AuditTrail,
  target: string,
  requestId: string | null,
  actor?: DeniedActor,
): Promise<unknown> {
  return audit.append({
    action: 'plugin.capabilityDenied',
    actorMemberId: actor?.memberId ?? null,
    actorOrganizationId: actor?.organizationId ?? null,
    targetId: target.slice(0, 214),
    organizationId: null,
    outcome: 'CAPABILITY_DENIED',
    requestId,
  });
}
