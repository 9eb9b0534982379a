import type { HubContext } from '../context.js';
import { builder } from '../graphql/builder.js';
import { connectionOf, pageArgs, toConnection } from '../graphql/connection.js';
import type { DataPrincipal } from './access-rules.js';
import { DataConnectionRef } from './connection-schema.js';
import type { ShownRecord } from './read-service.js';

const DataRecordRef = builder.objectRef<ShownRecord & { _id: string }>('DataRecord').implement({
  description: "One record, with the fields the caller may see. Its shape is the connection's `fields`.",
  fields: (t) => ({
    key: t.exposeString('key', { description: "The value of the connection's key field." }),
    data: t.field({
      type: 'JSON',
      description: 'Field name → value (null when empty or masked).',
      resolve: (r) => r.data,
    }),
    masked: t.exposeStringList('masked', {
      description: 'Personal fields withheld: the data subject has not consented to your purpose.',
    }),
  }),
});
const DataRecordConnection = connectionOf(DataRecordRef, 'DataRecord');

const RecordConditionInput = builder.inputType('DataRecordCondition', {
  description: "A condition on one field; values are converted to the field's type. Several conditions must all hold.",
  fields: (t) => ({
    field: t.string({ required: true }),
    eq: t.field({ type: 'JSON', required: false }),
    in: t.field({ type: ['JSON'], required: false }),
    gt: t.field({ type: 'JSON', required: false }),
    gte: t.field({ type: 'JSON', required: false }),
    lt: t.field({ type: 'JSON', required: false }),
    lte: t.field({ type: 'JSON', required: false }),
    contains: t.string({ required: false, description: 'Case-insensitive substring (STRING fields).' }),
  }),
});

export function principalOf(ctx: HubContext): DataPrincipal {
  return ctx.viewer ? { kind: 'MEMBER', viewer: ctx.viewer } : { kind: 'ANONYMOUS' };
}

builder.objectFields(DataConnectionRef, (t) => ({
  records: t.field({
    type: DataRecordConnection,
    description:
      'Records in key order, under the classification rules. ' +
      'Every call is written to the access log, refused ones too.',
    args: {
      ...pageArgs,
      fields: t.arg.stringList({ required: false, description: 'Fields to return; all you may read when left out.' }),
      where: t.arg({ type: [RecordConditionInput], required: false }),
    },
    resolve: async (connection, args, ctx) => {
      ctx.caching.sideEffects = true; // every read is logged, so none is answered from the cache
      const grant = await ctx.services.data.reads.open(principalOf(ctx), connection, {
        fields: args.fields,
        where: args.where as never,
        channel: 'records',
        requestId: ctx.requestId,
      });
      const page = await toConnection(args, grant.page).catch(grant.fail);
      const shown = await grant.deliver(page.edges.map((e) => e.node));
      return {
        ...page,
        edges: page.edges.map((edge, i) => ({ cursor: edge.cursor, node: { ...shown[i]!, _id: edge.node._id } })),
      };
    },
  }),
  preview: t.field({
    type: [DataRecordRef],
    nullable: true,
    description: 'The first 5 records, when you may read them (logged as a read); null otherwise.',
    resolve: async (connection, _args, ctx) => {
      ctx.caching.sideEffects = true; // logged as a read
      const grant = await ctx.services.data.reads.tryOpen(principalOf(ctx), connection, {
        channel: 'preview',
        requestId: ctx.requestId,
      });
      if (!grant) return null;
      const records = await grant.first(5).catch(grant.fail);
      return (await grant.deliver(records)).map((r, i) => ({ ...r, _id: records[i]!._id }));
    },
  }),
}));
