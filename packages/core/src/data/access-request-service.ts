import { badInput, conflict, forbidden, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { isPlatformAdmin, requireLiveKey, requireScope, type Viewer } from '../identity/index.js';
import { readPage, type Page, type PageRequest } from '../store/page.js';
import type { Collection, Filter, Sort, Store } from '../store/port.js';
import { validate } from '../validation.js';
import { canDecideData, isDataOwner, requireOperationsView } from './access-rules.js';
import { accessRequestInput, type AccessRequestInput } from './access-request-input.js';
import type { ConnectionService } from './connection-service.js';
import type { AccessRequest, AccessRequestStatus, DataConnection, Requester } from './model.js';

const MAX_APPROVAL_DAYS = 366;
const NEWEST_FIRST: Sort = [['createdAt', -1]];

/**
 * Access requests: an organization (or a plugin, filed by a platform admin)
 * asks the owning agency to read some fields of a connection, for a purpose,
 * until a date; the owner approves (possibly fewer fields, an earlier end),
 * rejects or later revokes. Deny by default: nothing but an APPROVED,
 * unexpired request opens a RESTRICTED or PERSONAL connection.
 */
export class AccessRequestService {
  readonly #collection: Collection<AccessRequest>;

  constructor(
    store: Store,
    private readonly connections: ConnectionService,
    private readonly clock: () => number,
    /** Tells the notices module the owner decided (the requester hears), from the hub whose write won. */
    private readonly onDecided?: (request: AccessRequest, connection: DataConnection) => Promise<void>,
  ) {
    this.#collection = store.collection<AccessRequest>('data_access_requests');
  }

  /** The organizations with a request for the connection waiting for the owner (they asked about it). */
  async pendingRequesters(connectionId: string): Promise<string[]> {
    const pending = await this.#collection.find({ connectionId, status: 'PENDING' }, { limit: 1000 });
    return pending.flatMap((r) => (r.requester.organizationId ? [r.requester.organizationId] : []));
  }

  get(id: string): Promise<AccessRequest | null> {
    return this.#collection.findOne({ _id: id });
  }

  /**
   * A page of the requests for the viewer's agency's data (INCOMING: its connections and those of agencies below it)
   * or made by the viewer's organization (OUTGOING), newest first.
   */
  async ofViewer(
    viewer: Viewer | null,
    direction: 'INCOMING' | 'OUTGOING',
    status: AccessRequestStatus | null,
    page: PageRequest,
  ): Promise<Page<AccessRequest>> {
    requireScope(viewer, 'READ');
    const own = viewer.organization._id;
    const filter: Filter = direction === 'INCOMING' ? { ownerAgencyPath: own } : { 'requester.organizationId': own };
    if (status) filter.status = status;
    return readPage(this.#collection, filter, NEWEST_FIRST, page);
  }

  /** A page of every request for a connection, newest first (the owning agency and platform admins). */
  async ofConnection(
    viewer: Viewer | null,
    connection: DataConnection,
    page: PageRequest,
  ): Promise<Page<AccessRequest>> {
    requireOperationsView(viewer, connection, 'access requests');
    return readPage(this.#collection, { connectionId: connection._id }, NEWEST_FIRST, page);
  }

  /** The requester's request for the connection that waits for the owner's decision, if any. */
  pendingFor(connectionId: string, requester: Requester): Promise<AccessRequest | null> {
    return this.#collection.findOne({
      connectionId,
      'requester.organizationId': requester.organizationId,
      'requester.pluginName': requester.pluginName,
      status: 'PENDING',
    });
  }

  /** A request, when the viewer may see it: the owner, the requester organization or a platform admin. */
  async visibleTo(viewer: Viewer | null, id: string): Promise<AccessRequest | null> {
    const request = await this.get(id);
    const connection = request && (await this.connections.get(request.connectionId));
    return request && connection && this.canSee(viewer, request, connection) ? request : null;
  }

  /** Owner, requester organization or platform admin. */
  private canSee(
    viewer: Viewer | null,
    request: AccessRequest,
    connection: Pick<DataConnection, 'agencyPath'>,
  ): boolean {
    return (
      !!viewer &&
      (isPlatformAdmin(viewer) ||
        isDataOwner(viewer, connection) ||
        request.requester.organizationId === viewer.organization._id)
    );
  }

  /** The approval the requester reads under now, if any: the newest approved, unexpired one. */
  activeApproval(connectionId: string, requester: Requester): Promise<AccessRequest | null> {
    return this.#collection.findOne(
      {
        connectionId,
        'requester.organizationId': requester.organizationId,
        'requester.pluginName': requester.pluginName,
        status: 'APPROVED',
        expiresAt: { $gt: new Date(this.clock()).toISOString() },
      },
      { sort: [['createdAt', -1]] },
    );
  }

  async request(viewer: Viewer | null, connectionId: string, raw: AccessRequestInput): Promise<AccessRequest> {
    requireScope(viewer, 'WRITE');
    requireLiveKey(viewer, 'request access to data');
    const connection = await this.connections.require(connectionId);
    const input = validate(accessRequestInput, raw);
    const pluginName = raw.pluginName ?? null;
    if (pluginName && !isPlatformAdmin(viewer))
      throw forbidden('Only platform admins file access requests for plugins.');
    if (!pluginName && isDataOwner(viewer, connection))
      throw badInput('input.connectionId', `Your agency owns "${connection.name}" and reads it without a request.`);
    if (connection.classification === 'PUBLIC')
      throw badInput('input.connectionId', `"${connection.name}" is PUBLIC: anyone may read it without a request.`);
    const expiresAt = this.checkExpiry(input.expiresAt, 'input.expiresAt');
    const fields = checkRequestedFields(connection, input.fields, 'input.fields');
    const requester: Requester = pluginName
      ? { organizationId: null, pluginName }
      : { organizationId: viewer.organization._id, pluginName: null };
    if (await this.pendingFor(connectionId, requester))
      throw conflict(
        `A request for "${connection.name}" is already waiting ` +
          `for the owner's decision; withdraw it before asking again.`,
      );
    const request: AccessRequest = {
      _id: newId(),
      connectionId,
      ownerAgencyId: connection.agencyId,
      ownerAgencyPath: connection.agencyPath,
      requester,
      requestedById: viewer.member._id,
      purpose: input.purpose,
      fields,
      expiresAt,
      status: 'PENDING',
      decidedById: null,
      decidedAt: null,
      decisionNote: null,
      createdAt: new Date(this.clock()).toISOString(),
      version: 1,
    };
    await this.#collection.insertOne(request);
    return request;
  }

  /** The owner approves (optionally fewer fields, an earlier expiry) or rejects a pending request. */
  async decide(
    viewer: Viewer | null,
    id: string,
    approve: boolean,
    options: { note?: string | null; fields?: string[] | null; expiresAt?: string | null } = {},
  ): Promise<AccessRequest> {
    const { request, connection } = await this.requireOwned(viewer, id);
    if (request.status !== 'PENDING')
      throw conflict(`This request is ${request.status}; only PENDING requests are decided.`);
    const set: Partial<AccessRequest> = {
      status: approve ? 'APPROVED' : 'REJECTED',
      decidedById: viewer!.member._id,
      decidedAt: new Date(this.clock()).toISOString(),
      decisionNote: options.note?.slice(0, 1000) ?? null,
    };
    if (approve && options.fields) {
      const narrowed = checkRequestedFields(connection, options.fields, 'fields');
      const extra = narrowed.filter((f) => !request.fields.includes(f));
      if (extra.length > 0)
        throw badInput('fields', `Approve at most the fields asked for; ${extra.join(', ')} were not.`);
      set.fields = narrowed;
    }
    if (approve && options.expiresAt) {
      const expiresAt = this.checkExpiry(options.expiresAt, 'expiresAt');
      if (expiresAt > request.expiresAt)
        throw badInput('expiresAt', 'An approval may end earlier than asked, not later.');
      set.expiresAt = expiresAt;
    }
    const decided = await this.transition(request, set);
    await this.onDecided?.(decided, connection);
    return decided;
  }

  /** The owner ends an approval; the next read is refused. */
  async revoke(viewer: Viewer | null, id: string): Promise<AccessRequest> {
    const { request } = await this.requireOwned(viewer, id);
    if (request.status !== 'APPROVED')
      throw conflict(`This request is ${request.status}; only APPROVED requests are revoked.`);
    return this.transition(request, {
      status: 'REVOKED',
      decidedById: viewer!.member._id,
      decidedAt: new Date(this.clock()).toISOString(),
    });
  }

  /** The requester takes back a pending request or gives up an approval. */
  async withdraw(viewer: Viewer | null, id: string): Promise<AccessRequest> {
    requireScope(viewer, 'WRITE');
    const request = await this.get(id);
    const connection = request && (await this.connections.get(request.connectionId));
    if (!request || !connection || !this.canSee(viewer, request, connection)) throw notFound('access request', id);
    const own =
      request.requester.organizationId === viewer.organization._id ||
      (request.requester.pluginName && isPlatformAdmin(viewer));
    if (!own) throw forbidden('Only the requesting organization withdraws its request; the owner revokes it instead.');
    if (!(['PENDING', 'APPROVED'] as AccessRequestStatus[]).includes(request.status))
      throw conflict(`This request is ${request.status} already.`);
    return this.transition(request, { status: 'WITHDRAWN' });
  }

  private async requireOwned(
    viewer: Viewer | null,
    id: string,
  ): Promise<{ request: AccessRequest; connection: DataConnection }> {
    requireScope(viewer, 'WRITE');
    requireLiveKey(viewer, 'decide on access to data');
    const request = await this.get(id);
    const connection = request && (await this.connections.get(request.connectionId));
    if (!request || !connection || !this.canSee(viewer, request, connection)) throw notFound('access request', id);
    if (!canDecideData(viewer, connection))
      throw forbidden(`Only agency admins of the agency owning "${connection.name}" decide its access requests.`);
    return { request, connection };
  }

  private async transition(request: AccessRequest, set: Partial<AccessRequest>): Promise<AccessRequest> {
    const updated = await this.#collection.findOneAndUpdate(
      { _id: request._id, version: request.version },
      { $set: set, $inc: { version: 1 } },
    );
    if (!updated) throw conflict('The request changed meanwhile; reload it and retry.');
    return updated;
  }

  private checkExpiry(value: string, field: string): string {
    const at = Date.parse(value);
    if (Number.isNaN(at)) throw badInput(field, `\`${field}\` must be an ISO-8601 date-time.`);
    if (at <= this.clock()) throw badInput(field, `\`${field}\` must be in the future.`);
    if (at > this.clock() + MAX_APPROVAL_DAYS * 86_400_000)
      throw badInput(field, `\`${field}\` may be at most ${MAX_APPROVAL_DAYS} days ahead; ask again to extend.`);
    return new Date(at).toISOString();
  }
}

export function checkRequestedFields(connection: DataConnection, fields: string[], path: string): string[] {
  const known = new Set(connection.fields.map((f) => f.name));
  const unknown = fields.filter((f) => !known.has(f));
  if (unknown.length > 0)
    throw badInput(
      path,
      `"${connection.name}" has no field ${unknown.map((f) => `"${f.slice(0, 64)}"`).join(', ')}; ` +
        `its fields are ${[...known].join(', ') || 'not known until its first sync'}.`,
    );
  return [...new Set(fields)];
}
