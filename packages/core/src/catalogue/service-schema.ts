import type { OperationManifest } from '@maru/sdk';
import { builder } from '../graphql/builder.js';
import { connectionOf, pageArgs, toConnection } from '../graphql/connection.js';
import { nodeType } from '../graphql/node.js';
import { operationText, serviceLanguages, serviceText } from './service-texts.js';
import { operationsOf, type DailyUsage, type ServiceRecord } from './model.js';

builder.scalarType('JSON', {
  description:
    'Any JSON value. Plugin operations take and return JSON ' +
    'validated by their own schemas (`inputSchema`, `outputSchema`).',
  serialize: (value) => value,
  parseValue: (value) => value,
});

/** An operation with the service it belongs to, for its texts in other languages. */
type ServiceOperation = OperationManifest & { service: ServiceRecord };

const OperationRef = builder.objectRef<ServiceOperation>('ServiceOperation').implement({
  fields: (t) => ({
    name: t.exposeString('name'),
    kind: t.exposeString('kind', {
      description: '`query` (call with Query.serviceQuery) or `mutation` (Mutation.serviceMutation).',
    }),
    description: t.string({
      nullable: true,
      description: 'What it does, in `lang` when the provider gave a text in that language; its own otherwise.',
      args: { lang: t.arg.string({ description: 'A language tag such as "ko" or "en".' }) },
      resolve: (o, args) => operationText(o.service, o.name, args.lang) ?? o.description ?? null,
    }),
    inputSchema: t.field({
      type: 'JSON',
      nullable: true,
      description: 'JSON Schema of `input`.',
      resolve: (o) => o.input ?? null,
    }),
    outputSchema: t.field({
      type: 'JSON',
      nullable: true,
      description: 'JSON Schema of the result.',
      resolve: (o) => o.output ?? null,
    }),
  }),
});

const UsageRef = builder.objectRef<DailyUsage>('ServiceDailyUsage').implement({
  fields: (t) => ({
    day: t.exposeString('day', { description: 'YYYY-MM-DD, UTC.' }),
    calls: t.exposeInt('calls'),
    failures: t.exposeInt('failures'),
  }),
});

export const ServiceRef = nodeType<ServiceRecord>('Service', {
  description: 'A shared service in the catalogue. Public: anyone may browse it; calling it needs an API key.',
  load: (id, ctx) => ctx.services.catalogue.get(id),
});
const ServiceConnection = connectionOf(ServiceRef, 'Service');

builder.objectFields(ServiceRef, (t) => ({
  key: t.string({ resolve: (s) => s._id }),
  name: t.string({
    description:
      'The name, in `lang` when the provider gave one in that language (e.g. "ko", "en"); its own otherwise.',
    args: { lang: t.arg.string({ description: 'A language tag such as "ko" or "en".' }) },
    resolve: (s, args) => serviceText(s, 'name', args.lang),
  }),
  description: t.string({
    description: 'What it does, in `lang` when the provider gave a text in that language; its own otherwise.',
    args: { lang: t.arg.string({ description: 'A language tag such as "ko" or "en".' }) },
    resolve: (s, args) => serviceText(s, 'description', args.lang),
  }),
  languages: t.stringList({
    description: 'The languages the provider translated the name or description into, e.g. ["en", "ko"].',
    resolve: (s) => serviceLanguages(s),
  }),
  category: t.exposeString('category'),
  status: t.exposeString('status', { description: 'PILOT, ACTIVE, DEPRECATED or SUSPENDED.' }),
  source: t.exposeString('source', { description: 'PLUGIN or CORE.' }),
  operations: t.field({
    type: [OperationRef],
    resolve: (s) => operationsOf(s).map((operation) => ({ ...operation, service: s })),
  }),
  dailyUsage: t.field({
    type: [UsageRef],
    description:
      "Metered calls per day over the last 30 days, newest first. Platform admins and the service's owner (the " +
      "agency whose challenge launched it as a pilot) count every consumer's calls; any other organization counts " +
      'its own calls only.',
    authScopes: { keyScope: 'READ' },
    resolve: (s, _a, ctx) => ctx.services.insights.serviceDailyUsage(ctx.viewer, s),
  }),
  createdAt: t.field({ type: 'DateTime', resolve: (s) => s.createdAt }),
}));

builder.queryFields((t) => ({
  services: t.field({
    type: ServiceConnection,
    description: 'The shared services catalogue, by name.',
    args: pageArgs,
    resolve: (_r, args, ctx) => toConnection(args, (page) => ctx.services.catalogue.list(page)),
  }),
  service: t.field({
    type: ServiceRef,
    nullable: true,
    args: { key: t.arg.string({ required: true }) },
    resolve: (_r, args, ctx) => ctx.services.catalogue.get(args.key.slice(0, 64)),
  }),
}));
