import { badInput, conflict, forbidden, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { escapeRegex } from '../identity/organization-service.js';
import type { OrganizationService } from '../identity/organization-service.js';
import { requireScope } from '../identity/require.js';
import type { Viewer } from '../identity/viewer.js';
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
  readonly collection: Collection<DataConnection>;

  constructor(
    store: Store,
    private readonly organizations: OrganizationService,
    private readonly connectors: ConnectorRegistry,
    private readonly clock: () => number,
  ) {
    this.collection = store.collection<DataConnection>('data_connections');
  }

  get(id: string): Promise<DataConnection | null> {
    return this.collection.findOne({ _id: id });
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

  filterFor(query: ConnectionQuery): Filter {
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
    const config = await this.connectors.checkConfig(
      input.connector.kind,
      input.connector.config,
      await this.ownerOf({ agencyPath }),
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
    await this.collection.insertOne(connection);
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
      const config = await this.connectors.checkConfig(
        input.connector.kind,
        input.connector.config,
        await this.ownerOf(current),
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
    const updated = await this.collection.findOneAndUpdate(
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
