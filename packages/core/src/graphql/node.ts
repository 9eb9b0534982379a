import type { ObjectRef } from '@pothos/core';
import type { HubContext } from '../context.js';
import { badInput } from '../errors.js';
import { builder } from './builder.js';
import { decodeGlobalId, encodeGlobalId } from './global-id.js';

type Loader = (id: string, ctx: HubContext) => Promise<object | null>;
type Visibility = (parent: never, ctx: HubContext) => AuthScopeMap | boolean | Promise<AuthScopeMap | boolean>;

/** Marks objects loaded by `node(id)` with their type, for the interface's resolveType. */
const NODE_TYPE = Symbol('nodeType');

const loaders = new Map<string, Loader>();
const visibilities = new Map<string, Visibility>();
/** Thrown by the type's scopes when the caller may not see a node: `node(id)` answers null, as for no node at all. */
const HIDDEN = new Error('hidden node');

/**
 * The Relay `Node` interface. Types join it with {@link nodeType}; `node(id)`
 * resolves through the same object types, so the same authorization rules run
 * whichever way an object is reached.
 */
export const NodeRef = builder.interfaceRef<{ _id: string }>('Node').implement({
  description: 'An object with a global id, fetchable with `node(id:)`.',
  resolveType: (value) => (value as Record<symbol, string>)[NODE_TYPE] ?? null,
  fields: (t) => ({
    id: t.id({ description: 'A global id: opaque, stable, unique across types.' }),
  }),
});

/** Declares an object type as a Node with a loader for `node(id)`. */
export function nodeType<T extends { _id: string }>(
  name: string,
  options: {
    description: string;
    load: (id: string, ctx: HubContext) => Promise<T | null>;
    /** Type-level visibility; runs for every field, whichever path reached the object. */
    authScopes?: (parent: T, ctx: HubContext) => AuthScopeMap | boolean | Promise<AuthScopeMap | boolean>;
  },
): ObjectRef<SchemaTypesOf, T> {
  loaders.set(name, options.load as Loader);
  if (options.authScopes) visibilities.set(name, options.authScopes as Visibility);
  const ref = builder.objectRef<T>(name);
  ref.implement({
    description: options.description,
    interfaces: [NodeRef] as never,
    ...(options.authScopes ? { authScopes: options.authScopes } : {}),
    fields: (t) => ({
      id: t.id({ resolve: (parent) => encodeGlobalId(name, parent._id) }),
    }),
  });
  return ref;
}

type SchemaTypesOf = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
type AuthScopeMap = Parameters<typeof builder.runAuthScopes>[1];

async function loadNode(globalId: string, ctx: HubContext, field: string): Promise<object | null> {
  const { typename, id } = decodeGlobalId(globalId, field);
  const load = loaders.get(typename);
  if (!load) return null;
  const node = await load(id, ctx);
  if (!node) return null;
  // The type's own rule, run here rather than on its fields: another organization's member or key must answer as a
  // made-up id does, or `node(id)` would tell which ids exist.
  const visibility = visibilities.get(typename);
  if (visibility) {
    const scopes = await visibility(node as never, ctx);
    if (scopes === false) return null;
    if (scopes !== true) {
      try {
        await builder.runAuthScopes(ctx, scopes, () => HIDDEN);
      } catch (error) {
        if (error === HIDDEN) return null;
        throw error;
      }
    }
  }
  return { ...node, [NODE_TYPE]: typename };
}

builder.queryFields((t) => ({
  node: t.field({
    type: NodeRef,
    nullable: true,
    description:
      'Any object by its global id; null when none exists or the caller may not see it (the same answer for both).',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => loadNode(args.id, ctx, 'id') as Promise<{ _id: string } | null>,
  }),
  nodes: t.field({
    type: [NodeRef],
    nullable: { list: false, items: true },
    description:
      'Several objects by global id, in the same order; null for each that does not exist or the caller may not see.',
    args: { ids: t.arg.idList({ required: true }) },
    resolve: (_root, args, ctx) => {
      if (args.ids.length > 100) throw badInput('ids', `\`ids\` may hold at most 100 ids; it held ${args.ids.length}.`);
      return Promise.all(args.ids.map((id, i) => loadNode(id, ctx, `ids.${i}`))) as Promise<
        Array<{ _id: string } | null>
      >;
    },
  }),
}));
