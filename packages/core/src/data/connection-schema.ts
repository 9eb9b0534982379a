import { z } from 'zod';
import { requireOrganization } from '../graphql/loaders.js';
import type { HubContext } from '../context.js';
import { audited } from '../graphql/audited.js';
import { builder } from '../graphql/builder.js';
import { connectionOf, pageArgs, toConnection } from '../graphql/connection.js';
import { parseId, peekId } from '../graphql/global-id.js';
import { nodeType } from '../graphql/node.js';
import { type EnumRefs, fromGraphQL, globalId, zodInput } from '../graphql/zod-input.js';
import { ServiceRef } from '../catalogue/index.js';
import { OrganizationRef } from '../identity/index.js';
import { canSeeOperations } from './access-rules.js';
import {
  classification,
  connectorKind,
  createConnectionInput,
  fieldType,
  updateConnectionInput,
} from './connection-input.js';
import { CONNECTOR_KINDS } from './connectors/connector.js';
import {
  CLASSIFICATIONS,
  CONNECTION_STATUSES,
  FIELD_TYPES,
  SYNC_STATUSES,
  type DataConnection,
  type DataField,
  type DataSync,
  type RecordProblem,
} from './model.js';

export const ClassificationEnum = builder.enumType('DataClassification', {
  description:
    'PUBLIC: anyone. INTERNAL: agency members. RESTRICTED: the owner and approved requesters. ' +
    "PERSONAL: as RESTRICTED, with personal fields only under the data subject's consent.",
  values: CLASSIFICATIONS,
});
export const FieldTypeEnum = builder.enumType('DataFieldType', { values: FIELD_TYPES });
const ConnectionStatusEnum = builder.enumType('DataConnectionStatus', {
  description:
    'NEW (never synced), ACTIVE, SYNCING, FAILING (the last sync ' +
    'failed: see `lastError`; it is retried with backoff), PAUSED.',
  values: CONNECTION_STATUSES,
});
export const ConnectorKindEnum = builder.enumType('ConnectorKind', { values: CONNECTOR_KINDS });
const SyncStatusEnum = builder.enumType('DataSyncStatus', {
  description: 'PARTIAL: some records were rejected (see `problems`); the rest landed.',
  values: SYNC_STATUSES,
});

export const DataFieldRef = builder.objectRef<DataField>('DataField').implement({
  fields: (t) => ({
    name: t.exposeString('name'),
    type: t.field({ type: FieldTypeEnum, resolve: (f) => f.type }),
    description: t.exposeString('description'),
    personal: t.exposeBoolean('personal', {
      description: "Shown only to the owner and under the data subject's consent.",
    }),
  }),
});

const ProblemRef = builder.objectRef<RecordProblem>('DataRecordProblem').implement({
  fields: (t) => ({
    position: t.exposeString('position', {
      description: '"line 12" (CSV), "index 3" (JSON), "document 7" (MongoDB), "record 9" (plugin).',
    }),
    reason: t.exposeString('reason'),
  }),
});

/** Owners (the agency and above) and platform admins see how a connection is run. */
const canOperate = (ctx: HubContext, connection: DataConnection) => canSeeOperations(ctx.viewer, connection);

export const DataSyncRef = nodeType<DataSync>('DataSync', {
  description: "One run of a connection's sync. Visible to the owning agency and platform admins.",
  load: (id, ctx) => ctx.services.data.syncs.visibleTo(ctx.viewer, id),
});
builder.objectFields(DataSyncRef, (t) => ({
  trigger: t.exposeString('trigger', { description: 'SCHEDULE, MANUAL or UPLOAD.' }),
  status: t.field({ type: SyncStatusEnum, resolve: (s) => s.status }),
  startedAt: t.field({ type: 'DateTime', resolve: (s) => s.startedAt }),
  finishedAt: t.field({ type: 'DateTime', nullable: true, resolve: (s) => s.finishedAt }),
  read: t.exposeInt('read', { description: 'Items read from the source, bad ones included.' }),
  inserted: t.exposeInt('inserted'),
  updated: t.exposeInt('updated', { description: 'Records replaced by key (a re-sync never duplicates).' }),
  removed: t.exposeInt('removed', {
    description: 'Records gone from the source; removed only when the sync rejected nothing.',
  }),
  rejected: t.exposeInt('rejected'),
  problems: t.field({
    type: [ProblemRef],
    description: 'The first 100 rejected records with their position and reason.',
    resolve: (s) => s.problems,
  }),
  error: t.exposeString('error', { nullable: true, description: 'Why the source could not be read.' }),
}));
const DataSyncConnection = connectionOf(DataSyncRef, 'DataSync');

export const DataConnectionRef = nodeType<DataConnection>('DataConnection', {
  description:
    'An agency dataset connected to the hub. Its metadata is public, ' +
    'as in any data portal; its records follow its classification.',
  load: (id, ctx) => ctx.loaders.byId(ctx.services.data.connections, id),
});
export const DataConnectionConnection = connectionOf(DataConnectionRef, 'DataConnection');

builder.objectFields(DataConnectionRef, (t) => ({
  name: t.exposeString('name'),
  description: t.exposeString('description', { description: 'Markdown.' }),
  tags: t.exposeStringList('tags'),
  licence: t.exposeString('licence'),
  classification: t.field({ type: ClassificationEnum, resolve: (c) => c.classification }),
  agency: t.field({ type: OrganizationRef, resolve: (c, _a, ctx) => requireOrganization(ctx, c.agencyId) }),
  fields: t.field({
    type: [DataFieldRef],
    description: 'The schema: declared, or inferred on the first sync.',
    resolve: (c) => c.fields,
  }),
  keyField: t.exposeString('keyField'),
  subjectField: t.exposeString('subjectField', { nullable: true }),
  connectorKind: t.field({ type: ConnectorKindEnum, resolve: (c) => c.connector.kind }),
  connectorConfig: t.field({
    type: 'JSON',
    nullable: true,
    description:
      "The connector's settings (secret names, never their values). " +
      'The owning agency and platform admins only; null for others.',
    resolve: (c, _a, ctx) => (canOperate(ctx, c) ? (JSON.parse(c.connector.configJson) as unknown) : null),
  }),
  refreshMinutes: t.exposeInt('refreshMinutes', {
    nullable: true,
    description: 'Minutes between scheduled syncs; null syncs on demand only.',
  }),
  status: t.field({ type: ConnectionStatusEnum, resolve: (c) => c.status }),
  lastError: t.string({
    nullable: true,
    description:
      'Why the last sync failed. The owning agency and platform admins only ' +
      '(it may name internal addresses or files); others see `status: FAILING`.',
    resolve: (c, _a, ctx) => (canOperate(ctx, c) ? c.lastError : null),
  }),
  lastSyncAt: t.field({ type: 'DateTime', nullable: true, resolve: (c) => c.lastSyncAt }),
  lastSuccessAt: t.field({ type: 'DateTime', nullable: true, resolve: (c) => c.lastSuccessAt }),
  nextSyncAt: t.field({ type: 'DateTime', nullable: true, resolve: (c) => c.nextSyncAt }),
  recordCount: t.exposeInt('recordCount'),
  services: t.field({
    type: [ServiceRef],
    description: 'Shared services that use this data.',
    resolve: async (c, _a, ctx) =>
      (await Promise.all(c.serviceIds.map((id) => ctx.loaders.byId(ctx.services.catalogue, id)))).filter(
        (s) => s !== null,
      ),
  }),
  createdAt: t.field({ type: 'DateTime', resolve: (c) => c.createdAt }),
  updatedAt: t.field({ type: 'DateTime', resolve: (c) => c.updatedAt }),
  version: t.exposeInt('version'),
  syncs: t.field({
    type: DataSyncConnection,
    description: 'Sync history, newest first. The owning agency and platform admins only.',
    args: pageArgs,
    resolve: (c, args, ctx) => toConnection(args, (page) => ctx.services.data.syncs.historyOf(ctx.viewer, c, page)),
  }),
}));

const DataConnectionFilter = builder.inputType('DataConnectionFilter', {
  fields: (t) => ({
    search: t.string({ required: false, description: 'Words that must all appear in the name, description or tags.' }),
    agencyId: t.id({ required: false, description: 'This agency and the agencies below it.' }),
    classifications: t.field({ type: [ClassificationEnum], required: false }),
    tags: t.stringList({ required: false, description: 'Connections carrying all of these tags.' }),
    serviceId: t.id({ required: false, description: 'Connections a service uses.' }),
  }),
});

builder.queryFields((t) => ({
  dataConnection: t.field({
    type: DataConnectionRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => ctx.services.data.connections.get(parseId(args.id, 'DataConnection')),
  }),
  dataConnections: t.field({
    type: DataConnectionConnection,
    description:
      "The data catalogue: every connection's metadata, newest " +
      'first. Also at /catalogue/dcat.jsonld (DCAT-AP) for harvesters.',
    args: { ...pageArgs, filter: t.arg({ type: DataConnectionFilter, required: false }) },
    resolve: (_r, args, ctx) => {
      const f = args.filter ?? {};
      const query = {
        search: f.search?.slice(0, 200) ?? undefined,
        agencyId: f.agencyId ? parseId(f.agencyId, 'Organization', 'filter.agencyId') : undefined,
        classifications: f.classifications ?? undefined,
        tags: f.tags ?? undefined,
        serviceId: f.serviceId ? parseId(f.serviceId, 'Service', 'filter.serviceId') : undefined,
      };
      return toConnection(args, (page) => ctx.services.data.connections.catalogue(query, page));
    },
  }),
}));

const enums: EnumRefs = [
  [fieldType, FieldTypeEnum],
  [classification, ClassificationEnum],
  [connectorKind, ConnectorKindEnum],
];
const CreateDataConnectionInput = zodInput(
  'CreateDataConnectionInput',
  z.object({ agencyId: globalId('Organization'), ...createConnectionInput.shape }),
  { enums },
);
const UpdateDataConnectionInput = zodInput(
  'UpdateDataConnectionInput',
  updateConnectionInput.extend({ expectedVersion: z.number().int().optional() }),
  { enums },
);

const DataConnectionPayload = builder.objectRef<{ dataConnection: DataConnection }>('DataConnectionPayload').implement({
  fields: (t) => ({ dataConnection: t.field({ type: DataConnectionRef, resolve: (p) => p.dataConnection }) }),
});
const DataSyncPayload = builder.objectRef<{ sync: DataSync }>('DataSyncPayload').implement({
  fields: (t) => ({ sync: t.field({ type: DataSyncRef, resolve: (p) => p.sync }) }),
});

const describe = ({ dataConnection }: { dataConnection: DataConnection }) => ({
  targetId: dataConnection._id,
  organizationId: dataConnection.agencyId,
});

builder.mutationFields((t) => ({
  createDataConnection: t.field({
    type: DataConnectionPayload,
    description: "Connect a dataset of an agency (its agency admins). It syncs at the scheduler's next tick.",
    args: { input: t.arg({ type: CreateDataConnectionInput.ref, required: true }) },
    resolve: (_r, { input }, ctx) =>
      audited(
        ctx,
        'dataConnection.create',
        { organizationId: peekId(input.agencyId) },
        async () => {
          const { agencyId, ...rest } = fromGraphQL(CreateDataConnectionInput, input);
          return { dataConnection: await ctx.services.data.connections.create(ctx.viewer, agencyId, rest) };
        },
        describe,
      ),
  }),
  updateDataConnection: t.field({
    type: DataConnectionPayload,
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateDataConnectionInput.ref, required: true }) },
    resolve: (_r, args, ctx) =>
      audited(
        ctx,
        'dataConnection.update',
        { targetId: peekId(args.id) },
        async () => {
          const { expectedVersion, ...changes } = fromGraphQL(UpdateDataConnectionInput, args.input);
          return {
            dataConnection: await ctx.services.data.connections.update(
              ctx.viewer,
              parseId(args.id, 'DataConnection'),
              changes,
              expectedVersion,
            ),
          };
        },
        describe,
      ),
  }),
  syncDataConnection: t.field({
    type: DataSyncPayload,
    description:
      'Sync now. Returns the running sync, or the finished one with `wait: true`. CONFLICT while another sync runs.',
    args: { id: t.arg.id({ required: true }), wait: t.arg.boolean({ required: false }) },
    resolve: (_r, args, ctx) =>
      audited(
        ctx,
        'dataConnection.sync',
        { targetId: peekId(args.id) },
        async () => {
          const started = await ctx.services.data.syncs.request(ctx.viewer, parseId(args.id, 'DataConnection'));
          return { sync: args.wait ? await started.done : started.sync };
        },
        ({ sync }) => ({ targetId: sync.connectionId }),
      ),
  }),
  uploadDataFile: t.field({
    type: DataSyncPayload,
    description: 'Upload a CSV file (multipart request) as the new source of a CSV connection and sync it.',
    args: {
      id: t.arg.id({ required: true }),
      file: t.arg({ type: 'File', required: true }),
      wait: t.arg.boolean({ required: false }),
    },
    resolve: (_r, args, ctx) =>
      audited(
        ctx,
        'dataConnection.upload',
        { targetId: peekId(args.id) },
        async () => {
          const started = await ctx.services.data.uploads.receive(
            ctx.viewer,
            parseId(args.id, 'DataConnection'),
            args.file,
          );
          return { sync: args.wait ? await started.done : started.sync };
        },
        ({ sync }) => ({ targetId: sync.connectionId }),
      ),
  }),
}));

builder.scalarType('File', {
  description: 'A file sent in a GraphQL multipart request (the GraphQL multipart request spec).',
  serialize: () => {
    throw new Error('File is an input-only scalar');
  },
  parseValue: (value) => value as File,
});
