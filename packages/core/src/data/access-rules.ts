import { forbidden, unauthenticated } from '../errors.js';
import { hasRole, hasScope, isPlatformAdmin, requireScope, type Viewer } from '../identity/index.js';
import type { AccessRequest, DataConnection, ReadBasis, Requester } from './model.js';

/**
 * Who reads: a member through an API key, a plugin (acting for its caller but
 * judged as itself, as X-Road judges each client), or nobody signed in.
 */
export type DataPrincipal =
  | { kind: 'ANONYMOUS' }
  | { kind: 'MEMBER'; viewer: Viewer }
  | { kind: 'PLUGIN'; pluginName: string; callerOrganizationId: string | null; callerMemberId: string | null };

/** A member of the owning agency or of an agency above it. */
export const isDataOwner = (viewer: Viewer | null, connection: Pick<DataConnection, 'agencyPath'>): boolean =>
  !!viewer && connection.agencyPath.includes(viewer.organization._id);

/**
 * Creates and changes connections, syncs them, decides access requests and records consents: agency admins of the owner
 * (or above), and platform admins for the catalogue.
 */
export const canManageData = (viewer: Viewer | null, connection: Pick<DataConnection, 'agencyPath'>): boolean =>
  isPlatformAdmin(viewer) || (hasRole(viewer, 'AGENCY_ADMIN') && isDataOwner(viewer, connection));

/**
 * Sees how a connection is run (connector settings, errors, syncs, requests, consents, its access log): its agency (and
 * above) and platform admins.
 */
export const canSeeOperations = (viewer: Viewer | null, connection: Pick<DataConnection, 'agencyPath'>): boolean =>
  isPlatformAdmin(viewer) || isDataOwner(viewer, connection);

/** Asserts {@link canSeeOperations} with a READ key; `what` names what was asked for in the refusal. */
export function requireOperationsView(
  viewer: Viewer | null,
  connection: Pick<DataConnection, 'agencyPath' | 'name'>,
  what: string,
): asserts viewer is Viewer {
  requireScope(viewer, 'READ');
  if (!canSeeOperations(viewer, connection))
    throw forbidden(`The ${what} of "${connection.name}" are visible to its agency only.`);
}

/**
 * Decides access requests and records or revokes consents: agency admins of
 * the owner (or above) only — platform admins run the catalogue, they do not
 * hand out an agency's data.
 */
export const canDecideData = (viewer: Viewer | null, connection: Pick<DataConnection, 'agencyPath'>): boolean =>
  hasRole(viewer, 'AGENCY_ADMIN') && isDataOwner(viewer, connection);

/** The requester an approval or consent must name for this principal, or null for anonymous callers. */
export function requesterOf(principal: DataPrincipal): Requester | null {
  if (principal.kind === 'MEMBER') return { organizationId: principal.viewer.organization._id, pluginName: null };
  if (principal.kind === 'PLUGIN') return { organizationId: null, pluginName: principal.pluginName };
  return null;
}

export interface ReadDecision {
  basis: ReadBasis;
  /** Fields the principal may read. */
  fields: string[];
  /**
   * `ALL` for the owner, `CONSENTED` under an approval of a PERSONAL connection, `NONE` where there are no personal
   * fields.
   */
  personal: 'ALL' | 'CONSENTED' | 'NONE';
  approval: AccessRequest | null;
}

/**
 * The classification rules, in one place for GraphQL and plugin reads alike.
 * `approval` is the principal's approved, unexpired access request for the
 * connection, if any. Throws FORBIDDEN saying what would allow the read.
 */
export function decideRead(
  principal: DataPrincipal,
  connection: DataConnection,
  approval: AccessRequest | null,
): ReadDecision {
  const all = connection.fields.map((f) => f.name);
  const hasPersonal = connection.fields.some((f) => f.personal);
  if (connection.classification === 'PUBLIC') return { basis: 'PUBLIC', fields: all, personal: 'NONE', approval: null };
  if (principal.kind === 'ANONYMOUS')
    throw unauthenticated(
      `"${connection.name}" is ${connection.classification}: sign in with an API key` +
        (connection.classification === 'INTERNAL'
          ? ' of an agency member'
          : ' of an organization with an approved access request') +
        '.',
    );
  if (principal.kind === 'MEMBER') {
    if (!hasScope(principal.viewer, 'READ'))
      throw forbidden('This API key lacks the READ scope; create a key with it.');
    if (isDataOwner(principal.viewer, connection))
      return { basis: 'OWNER', fields: all, personal: hasPersonal ? 'ALL' : 'NONE', approval: null };
    if (connection.classification === 'INTERNAL' && principal.viewer.organization.kind === 'AGENCY')
      return { basis: 'INTERNAL', fields: all, personal: 'NONE', approval: null };
  }
  if (!approval) {
    throw forbidden(
      `"${connection.name}" is ${connection.classification}: ` +
        (connection.classification === 'INTERNAL' ? 'it is open to agency members; others need' : 'reading it needs') +
        ' an approved access request from the owning agency (requestDataAccess).',
    );
  }
  const fields = approval.fields.filter((f) => all.includes(f));
  return { basis: 'APPROVAL', fields, personal: hasPersonal ? 'CONSENTED' : 'NONE', approval };
}
