import type { HubContext } from '../context.js';
import { isMaruError } from '../errors.js';

export interface AuditTarget {
  targetId: string | null;
  organizationId: string | null;
}

/**
 * Runs a mutation and appends its audit event — SUCCESS or the refusal's
 * code — whatever happens. The event is written after the change, so a
 * refused mutation leaves the domain collections untouched and only the trail
 * records that it was tried.
 */
export async function audited<T>(
  ctx: HubContext,
  action: string,
  known: Partial<AuditTarget>,
  run: () => Promise<T>,
  describe: (result: T) => Partial<AuditTarget> = () => ({}),
): Promise<T> {
  const base = {
    action,
    actorMemberId: ctx.viewer?.member._id ?? null,
    actorOrganizationId: ctx.viewer?.organization._id ?? null,
    requestId: ctx.requestId,
  };
  let result: T;
  try {
    result = await run();
  } catch (error) {
    await ctx.services.audit.append({
      ...base,
      targetId: known.targetId ?? null,
      organizationId: known.organizationId ?? null,
      outcome: isMaruError(error) ? error.code : 'INTERNAL',
    });
    throw error;
  }
  const described = describe(result);
  await ctx.services.audit.append({
    ...base,
    targetId: described.targetId ?? known.targetId ?? null,
    organizationId: described.organizationId ?? known.organizationId ?? null,
    outcome: 'SUCCESS',
  });
  return result;
}
