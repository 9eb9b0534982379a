import { badInput, conflict, forbidden, isMaruError, MaruError, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { escapeRegex, requireScope, type OrganizationService, type Viewer } from '../identity/index.js';
import { readByIds } from '../store/by-ids.js';
import { readPage, type Page, type PageRequest } from '../store/page.js';
import type { Collection, Filter, Sort, Store } from '../store/port.js';
import { validate } from '../validation.js';
import { canManageData } from './access-rules.js';
import {
  createConnectionInput,
  updateConnectionInput,
  type CreateConnectionInput,
  type UpdateConnectionInput,
} from './connection-input.js';
import type { ConnectorOwner, ConnectorRegistry } from './connectors/connector-registry.js';
import { checkFields } from './field-schema.js';
import type { Classification, DataConnection, DataField } from './model.js';

export interface ConnectionQuery {
  search?: string;
  agencyId?: string;
  classifications?: Classification[];
  tags?: string[];
  serviceId?: string;
}

export const CONNECTION_SORT: Sort = [['createdAt', -1]];

/**
 * The catalogue: data connections and their metadata. Metadata is public for
 * every classification, as in data portals, so that others can find a dataset
 * and ask for access; the records are not (see ReadService).
 */
export class ConnectionService {
  readonly #collection: Collection<DataConnection>;

  constructor(
    store: Store,
    private readonly organizations: OrganizationService,
    private readonly connectors: ConnectorRegistry,
    private readonly clock: () => number,
  ) {
    this.#collection = store.collection<DataConnection>('data_connections');
  }

  get(id: string): Promise<DataConnection | null> {
    return this.#collection.findOne({ _id: id });
  }

  /** Connections by id, for a request's batch loader (catalogue metadata is public). */
  byIds(ids: readonly string[]): Promise<DataConnection[]> {
    return readByIds(this.#collection)(ids);
  }

  /** A page of the catalogue matching `query`, newest first. */
  catalogue(query: ConnectionQuery, page: PageRequest): Promise<Page<DataConnection>> {
    return readPage(this.#collection, this.filterFor(query), CONNECTION_SORT, page);
  }

  /** The newest 50 connections a shared service uses, as their owners declared. */
  usedByService(serviceId: string): Promise<DataConnection[]> {
    return this.#collection.find({ serviceIds: serviceId }, { sort: CONNECTION_SORT, limit: 50 });
  }

  /** The whole catalogue in bounded steps (by `_id`), for harvesters. */
  async *everyConnection(batch = 200): AsyncGenerator<DataConnection[]> {
    let after: string | null = null;
    for (;;) {
      const page: DataConnection[] = await this.#collection.find(after ? { _id: { $gt: after } } : {}, {
        sort: [['_id', 1]],
        limit: batch,
      });
      yield page;
      if (page.length < batch) return;
      after = page.at(-1)!._id;
    }
  }

  /** A connection named so (names are not unique: any one of them); the demo seeder finds its own by name. */
  byName(name: string): Promise<DataConnection | null> {
    return this.#collection.findOne({ name });
  }

  /** The ids of the PERSONAL connections of an agency and the agencies below it. */
  async personalIdsOf(agencyId: string): Promise<string[]> {
    const own = await this.#collection.find({ agencyPath: agencyId, classification: 'PERSONAL' });
    return own.map((c) => c._id);
  }

  /** Connections whose next sync is due by `now`, soonest first. */
  dueForSync(now: string, limit: number): Promise<DataConnection[]> {
    return this.#collection.find({ nextSyncAt: { $lte: now } }, { sort: [['nextSyncAt', 1]], limit });
  }

  /**
   * Takes the connection for sync `syncId` until `leaseUntil` when no other sync holds it (or its lease lapsed); the
   * next run is set to when the lease lapses, so that another hub picks it up if this one dies mid-sync. Null when
   * another sync holds it.
   */
  claimForSync(
    connection: DataConnection,
    syncId: string,
    now: string,
    leaseUntil: string,
  ): Promise<DataConnection | null> {
    return this.#collection.findOneAndUpdate(
      { _id: connection._id, $or: [{ currentSyncId: null }, { syncLeaseUntil: { $lt: now } }] },
      {
        $set: {
          currentSyncId: syncId,
          syncLeaseUntil: leaseUntil,
          nextSyncAt: connection.status === 'PAUSED' ? null : leaseUntil,
          status: connection.status === 'PAUSED' ? 'PAUSED' : 'SYNCING',
        },
      },
    );
  }

  /** Extends sync `syncId`'s hold on the connection; false when another sync has taken it over. */
  async holdForSync(id: string, syncId: string, leaseUntil: string): Promise<boolean> {
    const held = await this.#collection.findOneAndUpdate(
      { _id: id, currentSyncId: syncId },
      { $set: { syncLeaseUntil: leaseUntil } },
    );
    return held !== null;
  }

  /** The fields sync `syncId` inferred, while it still holds the connection. */
  async setSyncedFields(id: string, syncId: string, fields: DataField[]): Promise<void> {
    await this.#collection.findOneAndUpdate({ _id: id, currentSyncId: syncId }, { $set: { fields } });
  }

  /** Records the end of sync `syncId` and releases the connection, if the sync still holds it. */
  async finishSync(id: string, syncId: string, set: Partial<DataConnection>): Promise<void> {
    await this.#collection.findOneAndUpdate(
      { _id: id, currentSyncId: syncId },
      { $set: { ...set, currentSyncId: null, syncLeaseUntil: null } },
    );
  }

  async require(id: string): Promise<DataConnection> {
    const connection = await this.get(id);
    if (!connection) throw notFound('data connection', id);
    return connection;
  }

  async requireManaged(viewer: Viewer | null, id: string): Promise<DataConnection> {
    requireScope(viewer, 'WRITE');
    const connection = await this.require(id);
    if (!canManageData(viewer, connection))
      throw forbidden(`Only agency admins of the agency owning "${connection.name}" (or above it) may do this.`);
    return connection;
  }

  /** The owning agency as connectors see it: its import folder and the agencies whose secrets it may use. */
  async ownerOf(connection: Pick<DataConnection, 'agencyPath'>): Promise<ConnectorOwner> {
    const path = await Promise.all(connection.agencyPath.map((id) => this.organizations.require(id)));
    return { slug: path.at(-1)!.slug, pathSlugs: path.map((org) => org.slug) };
  }

  private filterFor(query: ConnectionQuery): Filter {
    const and: Filter[] = [];
    if (query.agencyId) and.push({ agencyPath: query.agencyId });
    if (query.classifications?.length) and.push({ classification: { $in: query.classifications } });
    if (query.tags?.length) and.push({ tags: { $all: query.tags.map((t) => t.toLowerCase()) } });
    if (query.serviceId) and.push({ serviceIds: query.serviceId });
    for (const term of (query.search ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8)) {
      and.push({ searchText: { $regex: escapeRegex(term) } });
    }
    return and.length ? { $and: and } : {};
  }

  async create(viewer: Viewer | null, agencyId: string, raw: CreateConnectionInput): Promise<DataConnection> {
    requireScope(viewer, 'WRITE');
    const agency = await this.organizations.get(agencyId);
    if (!agency || agency.kind !== 'AGENCY')
      throw badInput('input.agencyId', '`input.agencyId` must be the id of an agency.');
    const agencyPath = [...agency.ancestorIds, agency._id];
    if (!canManageData(viewer, { agencyPath }))
      throw forbidden(`Only agency admins of "${agency.name}" (or above it) may connect its data.`);
    const input = validate(createConnectionInput, raw);
    const fields = checkFields(input.fields as DataField[], 'input.fields');
    checkShape(input.classification, fields, input.keyField, input.subjectField);
    const config = await asInputField(
      this.connectors.checkConfig(input.connector.kind, input.connector.config, await this.ownerOf({ agencyPath })),
    );
    const now = new Date(this.clock()).toISOString();
    const connection: DataConnection = {
      _id: newId(),
      agencyId: agency._id,
      agencyPath,
      name: input.name,
      description: input.description,
      tags: input.tags,
      licence: input.licence,
      classification: input.classification,
      fields,
      keyField: input.keyField,
      subjectField: input.subjectField,
      connector: { kind: input.connector.kind, configJson: JSON.stringify(config) },
      refreshMinutes: input.refreshMinutes,
      status: 'NEW',
      lastSyncAt: null,
      lastSuccessAt: null,
      lastError: null,
      recordCount: 0,
      // A new connection syncs at the scheduler's next tick.
      nextSyncAt: now,
      failures: 0,
      syncLeaseUntil: null,
      currentSyncId: null,
      serviceIds: input.serviceIds,
      searchText: searchText(input.name, input.description, input.tags),
      createdById: viewer.member._id,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await this.#collection.insertOne(connection);
    return connection;
  }

  async update(
    viewer: Viewer | null,
    id: string,
    raw: UpdateConnectionInput,
    expectedVersion?: number,
  ): Promise<DataConnection> {
    const current = await this.requireManaged(viewer, id);
    if (expectedVersion !== undefined && expectedVersion !== current.version)
      throw conflict(
        `"${current.name}" changed meanwhile (version ${current.version}); reload it and retry.`,
        'expectedVersion',
      );
    const input = validate(updateConnectionInput, raw);
    const fields = input.fields ? checkFields(input.fields as DataField[], 'input.fields') : current.fields;
    const classification = input.classification ?? current.classification;
    checkShape(classification, fields, current.keyField, current.subjectField);
    const set: Partial<DataConnection> = { fields, classification, updatedAt: new Date(this.clock()).toISOString() };
    for (const key of ['name', 'description', 'tags', 'licence', 'refreshMinutes', 'serviceIds'] as const) {
      if (input[key] !== undefined) (set as Record<string, unknown>)[key] = input[key];
    }
    if (input.connector) {
      const config = await asInputField(
        this.connectors.checkConfig(input.connector.kind, input.connector.config, await this.ownerOf(current)),
      );
      set.connector = { kind: input.connector.kind, configJson: JSON.stringify(config) };
    }
    if (input.paused !== undefined) {
      set.status = input.paused ? 'PAUSED' : current.lastSuccessAt ? 'ACTIVE' : 'NEW';
      set.nextSyncAt = input.paused ? null : new Date(this.clock()).toISOString();
    }
    set.searchText = searchText(
      set.name ?? current.name,
      set.description ?? current.description,
      set.tags ?? current.tags,
    );
    const updated = await this.#collection.findOneAndUpdate(
      { _id: id, version: current.version },
      { $set: set, $inc: { version: 1 } },
    );
    if (!updated) throw conflict(`"${current.name}" changed meanwhile; reload it and retry.`);
    return updated;
  }
}

/** What makes a connection readable under its classification, checked before anything is stored. */
function checkShape(
  classification: Classification,
  fields: DataField[],
  keyField: string,
  subjectField: string | null,
): void {
  const names = new Set(fields.map((f) => f.name));
  if (fields.length > 0 && !names.has(keyField))
    throw badInput('input.keyField', `The key field "${keyField}" is not among the declared fields.`);
  const personal = fields.filter((f) => f.personal);
  if (classification !== 'PERSONAL' && personal.length > 0) {
    throw badInput(
      'input.classification',
      `Fields ${personal.map((f) => f.name).join(', ')} are ` +
        `personal: classify the connection PERSONAL, or unmark them.`,
    );
  }
  if (classification === 'PERSONAL') {
    if (fields.length === 0)
      throw badInput(
        'input.fields',
        'A PERSONAL connection declares its fields, marking the personal ones; they cannot be inferred.',
      );
    if (!subjectField || !names.has(subjectField))
      throw badInput(
        'input.subjectField',
        'A PERSONAL connection names its subject field: the declared ' +
          'field holding the id of the person a record is about.',
      );
    if (!fields.find((f) => f.name === subjectField)!.personal)
      throw badInput('input.subjectField', `The subject field "${subjectField}" must be marked personal.`);
    // Every reader sees the key and pages are ordered by it: a personal key would leak who is in the data.
    if (fields.find((f) => f.name === keyField)?.personal)
      throw badInput(
        'input.keyField',
        `The key field "${keyField}" is personal: every reader sees keys, so ` +
          `key records by a non-personal id (e.g. a record or payment number).`,
      );
  } else if (subjectField) {
    throw badInput('input.subjectField', 'Only PERSONAL connections have a subject field.');
  }
}

function searchText(name: string, description: string, tags: string[]): string {
  return [name, description.slice(0, 1000), ...tags].join(' ').toLowerCase();
}

/**
 * Connectors name their fields from their own config (`connector.url`); in a mutation that config
 * arrives as `input.connector`, so the path a client sees says so.
 */
async function asInputField<T>(checked: Promise<T>): Promise<T> {
  try {
    return await checked;
  } catch (error) {
    const field = isMaruError(error) ? error.extensions.field : undefined;
    if (isMaruError(error) && typeof field === 'string' && field.startsWith('connector.'))
      throw new MaruError(error.code, error.message, { ...error.extensions, field: `input.${field}` });
    throw error;
  }
}
