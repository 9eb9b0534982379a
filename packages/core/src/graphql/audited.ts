import type { HubContext } from '../context.js';
import { isMaruError } from '../errors.js';

export interface AuditTarget {
  targetId: string | null;
  organizationId: string | null;
}

/**
 * Runs a mutation with its audit event — SUCCESS or the refusal's code — whatever happens, and across crashes: the
 * intent is written before `run` changes anything and replaced by the event after, so a hub killed in between finds
 * the intent at its next start and records the action as INTERRUPTED (`AuditTrail.reconcileIntents`). A refused
 * mutation leaves the domain collections untouched and only the trail records that it was tried — except when nobody
 * could be identified: an anonymous refusal is counted per address and window, and one event summarises the window
 * (`AuditTrail.summariseAnonymousRefusals`), so anonymous callers cannot grow the trail one event per request.
 */
export async function audited<T>(
  ctx: HubContext,
  action: string,
  known: Partial<AuditTarget>,
  run: () => Promise<T>,
  describe: (result: T) => Partial<AuditTarget> = () => ({}),
): Promise<T> {
  const { audit } = ctx.services;
  const base = {
    action,
    actorMemberId: ctx.viewer?.member._id ?? null,
    actorOrganizationId: ctx.viewer?.organization._id ?? null,
    requestId: ctx.requestId,
  };
  const target = { targetId: known.targetId ?? null, organizationId: known.organizationId ?? null };
  const intentId = await audit.begin({ ...base, ...target });
  let result: T;
  try {
    result = await run();
  } catch (error) {
    if (!ctx.viewer && !ctx.subject && isMaruError(error)) {
      audit.refusedAnonymously(ctx.address ?? 'in-process', error.code);
      await audit.abandon(intentId);
    } else {
      // A refusal whose target's organization is not known yet (refused before it was read) is filed under the
      // caller's organization, as a refused request is: its admins see what their members tried.
      await audit.complete(intentId, {
        ...base,
        ...target,
        organizationId: target.organizationId ?? base.actorOrganizationId,
        outcome: isMaruError(error) ? error.code : 'INTERNAL',
      });
    }
    throw error;
  }
  const described = describe(result);
  await audit.complete(intentId, {
    ...base,
    targetId: described.targetId ?? target.targetId,
    organizationId: described.organizationId ?? target.organizationId,
    outcome: 'SUCCESS',
  });
  return result;
}
