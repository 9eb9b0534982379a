import type { JsonSchema, PluginManifest } from '@maru/sdk';
import {
  GraphQLBoolean,
  GraphQLEnumType,
  GraphQLFloat,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  type GraphQLFieldConfigMap,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLScalarType,
} from 'graphql';
import type { HubContext } from '../context.js';
import { audited } from '../graphql/audited.js';

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

const pascal = (text: string) =>
  text.replace(/(^|[-_ ])([a-z0-9])/g, (_m, _s, c: string) => c.toUpperCase()).replace(/[^A-Za-z0-9]/g, '');
const camel = (text: string) => {
  const p = pascal(text);
  return p.charAt(0).toLowerCase() + p.slice(1);
};

/**
 * `{ type: ['string', 'null'] }` and `anyOf: [X, { type: 'null' }]` (zod's
 * `.nullable()`) are a nullable X: the field is never non-null, even when required.
 */
function unwrapNullable(schema: Schema): { schema: Schema; nullable: boolean } {
  if (Array.isArray(schema.type) && schema.type.includes('null')) {
    const rest = schema.type.filter((t) => t !== 'null');
    return { schema: { ...schema, type: rest.length === 1 ? rest[0] : rest }, nullable: true };
  }
  const anyOf = (schema as { anyOf?: Schema[] }).anyOf;
  if (Array.isArray(anyOf) && anyOf.some((s) => s.type === 'null')) {
    const rest = anyOf.filter((s) => s.type !== 'null');
    if (rest.length === 1)
      return { schema: { ...rest[0]!, description: schema.description ?? rest[0]!.description }, nullable: true };
  }
  return { schema, nullable: false };
}

type Schema = JsonSchema & {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  description?: string;
};

/**
 * Turns one operation's JSON Schemas into GraphQL input and output types.
 * Objects become types named after their path, strings with a closed set of
 * valid names become enums, whole numbers within 32 bits Int; anything a
 * GraphQL type cannot say (unions, open maps) becomes the JSON scalar.
 */
class TypeFactory {
  constructor(private readonly json: GraphQLScalarType) {}

  input(schema: Schema, name: string): GraphQLInputType {
    const scalar = this.scalar(schema, name);
    if (scalar) return scalar;
    if (schema.type === 'array' && schema.items)
      return new GraphQLList(this.nonNull(this.input(schema.items as Schema, `${name}Item`)) as GraphQLInputType);
    if (
      schema.type === 'object' &&
      schema.properties &&
      Object.keys(schema.properties).length &&
      Object.keys(schema.properties).every((k) => NAME.test(k))
    ) {
      const required = new Set(schema.required ?? []);
      return new GraphQLInputObjectType({
        name,
        fields: () =>
          Object.fromEntries(
            Object.entries(schema.properties!).map(([key, value]) => {
              const { schema: inner, nullable } = unwrapNullable(value as Schema);
              const type = this.input(inner, `${name}${pascal(key)}`);
              return [
                key,
                {
                  type: required.has(key) && !nullable ? (new GraphQLNonNull(type) as GraphQLInputType) : type,
                  description: inner.description,
                },
              ];
            }),
          ),
      });
    }
    return this.json;
  }

  output(schema: Schema, name: string): GraphQLOutputType {
    const scalar = this.scalar(schema, name);
    if (scalar) return scalar;
    if (schema.type === 'array' && schema.items)
      return new GraphQLList(this.nonNull(this.output(schema.items as Schema, `${name}Item`)) as GraphQLOutputType);
    if (
      schema.type === 'object' &&
      schema.properties &&
      Object.keys(schema.properties).length &&
      Object.keys(schema.properties).every((k) => NAME.test(k))
    ) {
      const required = new Set(schema.required ?? []);
      return new GraphQLObjectType({
        name,
        fields: () =>
          Object.fromEntries(
            Object.entries(schema.properties!).map(([key, value]) => {
              const { schema: inner, nullable } = unwrapNullable(value as Schema);
              const type = this.output(inner, `${name}${pascal(key)}`);
              return [
                key,
                {
                  type: required.has(key) && !nullable ? (new GraphQLNonNull(type) as GraphQLOutputType) : type,
                  description: inner.description,
                },
              ];
            }),
          ),
      });
    }
    return this.json;
  }

  private nonNull<T>(type: T): T {
    return (type === this.json ? type : new GraphQLNonNull(type as never)) as T;
  }

  private scalar(schema: Schema, name: string): (GraphQLInputType & GraphQLOutputType) | null {
    if (
      schema.type === 'string' &&
      Array.isArray(schema.enum) &&
      schema.enum.length &&
      schema.enum.every((v) => typeof v === 'string' && NAME.test(v))
    ) {
      return new GraphQLEnumType({
        name,
        values: Object.fromEntries((schema.enum as string[]).map((v) => [v, { value: v }])),
      });
    }
    if (schema.type === 'string') return GraphQLString;
    if (schema.type === 'boolean') return GraphQLBoolean;
    if (schema.type === 'number') return GraphQLFloat;
    if (schema.type === 'integer')
      return (schema.minimum ?? INT32_MIN) >= INT32_MIN && (schema.maximum ?? INT32_MAX) <= INT32_MAX
        ? GraphQLInt
        : GraphQLFloat;
    return null;
  }
}

/**
 * The base schema plus typed fields for every enabled plugin's operations:
 * `Query.call.<service>.<operation>(input: …)` and the same under
 * `Mutation.call` — one namespace object per service, so plugin fields can
 * never collide with the hub's own types or with each other (type names are
 * prefixed `Svc<Service>`).
 */
export function buildTypedSchema(base: GraphQLSchema, manifests: PluginManifest[]): GraphQLSchema {
  const config = base.toConfig();
  const json = base.getType('JSON') as GraphQLScalarType;
  const factory = new TypeFactory(json);
  const namespaces = {
    query: {} as GraphQLFieldConfigMap<unknown, HubContext>,
    mutation: {} as GraphQLFieldConfigMap<unknown, HubContext>,
  };
  for (const manifest of manifests) {
    for (const service of manifest.services ?? []) {
      for (const kind of ['query', 'mutation'] as const) {
        const ops = service.operations.filter((o) => o.kind === kind);
        if (!ops.length) continue;
        const prefix = `Svc${pascal(service.key)}`;
        const fields: GraphQLFieldConfigMap<unknown, HubContext> = {};
        for (const op of ops) {
          const typeName = `${prefix}${pascal(op.name)}`;
          const input = factory.input((op.input ?? {}) as Schema, `${typeName}Input`);
          const hasRequired = ((op.input as Schema | undefined)?.required?.length ?? 0) > 0;
          fields[op.name] = {
            type: factory.output((op.output ?? {}) as Schema, `${typeName}Result`),
            description: op.description,
            args: { input: { type: hasRequired ? new GraphQLNonNull(input) : input } },
            resolve: (_parent, args: { input?: unknown }, ctx) => {
              ctx.caching.sideEffects = true; // metered per call
              const run = () =>
                ctx.services.plugins.call(ctx.viewer, service.key, op.name, kind, args.input ?? {}, ctx.requestId);
              // Mutations are on the audit trail, as every mutation of the hub is.
              return kind === 'mutation' ? audited(ctx, `service.${op.name}`, { targetId: service.key }, run) : run();
            },
          };
        }
        namespaces[kind][camel(service.key)] = {
          type: new GraphQLNonNull(
            new GraphQLObjectType({
              name: `${prefix}${kind === 'query' ? 'Queries' : 'Mutations'}`,
              description: service.description,
              fields,
            }),
          ),
          description: `${service.name}${service.description ? ` — ${service.description}` : ''}`,
          resolve: () => ({}),
        };
      }
    }
  }
  const withNamespace = (type: GraphQLObjectType | null | undefined, kind: 'query' | 'mutation') => {
    if (!type || !Object.keys(namespaces[kind]).length) return type ?? undefined;
    const root = type.toConfig();
    return new GraphQLObjectType({
      ...root,
      fields: {
        ...root.fields,
        call: {
          type: new GraphQLNonNull(
            new GraphQLObjectType({
              name: kind === 'query' ? 'ServiceQueries' : 'ServiceMutations',
              description: 'Typed operations of the enabled shared services, one field per service.',
              fields: namespaces[kind],
            }),
          ),
          description: 'Typed calls of shared services: `call { <service> { <operation>(input: …) { … } } }`.',
          resolve: () => ({}),
        },
      },
    });
  };
  const query = withNamespace(config.query, 'query')!;
  const mutation = withNamespace(config.mutation, 'mutation');
  return new GraphQLSchema({
    ...config,
    query,
    mutation,
    types: config.types.filter((t) => t.name !== query.name && t.name !== mutation?.name),
  });
}
