import type { ArgumentRef, InputFieldRef, InputObjectRef, InputType } from '@pothos/core';
import { z } from 'zod';
import { builder, type SchemaTypes } from './builder.js';
import { parseId } from './global-id.js';
import { graphqlInput, type GraphQLInputMeta } from './input-hints.js';

export { globalId, graphqlInput, type GraphQLInputMeta } from './input-hints.js';

/** The existing Pothos enum type that GraphQL declares for each zod enum of an input. */
export type EnumRefs = ReadonlyArray<readonly [z.core.$ZodType, InputType<Types>]>;
type EnumMap = ReadonlyMap<z.core.$ZodType, InputType<Types>>;

/**
 * The value GraphQL hands a resolver for a zod input: what the schema accepts, except that a field
 * GraphQL declares optional may also arrive as null.
 */
export type GraphQLValue<T> = T extends readonly (infer E)[]
  ? GraphQLValue<E>[]
  : T extends Record<string, unknown>
    ? { [K in keyof T]: undefined extends T[K] ? GraphQLValue<T[K]> | null : GraphQLValue<T[K]> }
    : T;

/** A Pothos input type derived from a zod object, with the schema it came from. */
export interface ZodInput<S extends z.ZodObject> {
  ref: InputObjectRef<Types, GraphQLValue<z.input<S>>>;
  schema: S;
}

type Types = PothosSchemaTypes.ExtendDefaultTypes<SchemaTypes>;
type Any = z.core.$ZodType;
const def = (schema: Any) => schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;

/** The wrappers GraphQL nullability is read through, innermost schema last. */
function layers(schema: Any): Any[] {
  const out: Any[] = [schema];
  for (let s = schema; ;) {
    const d = def(s);
    const next =
      d.type === 'optional' || d.type === 'nullable' || d.type === 'default' || d.type === 'prefault'
        ? (d.innerType as Any)
        : d.type === 'pipe'
          ? (d.in as Any)
          : undefined;
    if (!next) return out;
    out.push((s = next));
  }
}

/** Hints found on `schema` and its wrappers; a nested object's own hints (name, description) are its type's. */
const meta = (schema: Any, field = false): GraphQLInputMeta => {
  const found: GraphQLInputMeta = {};
  const all = layers(schema);
  const own = field && def(all.at(-1)!).type === 'object' ? all.slice(0, -1) : all;
  for (const layer of own.reverse()) {
    const description = z.globalRegistry.get(layer)?.description;
    Object.assign(found, description ? { description } : {}, graphqlInput.get(layer) ?? {});
  }
  return found;
};
const base = (schema: Any) => layers(schema).at(-1)!;
const acceptsUndefined = (schema: Any) => schema._zod.optin !== undefined; // 'optional' or 'defaulted'
const acceptsNull = (schema: Any) => layers(schema).some((s) => def(s).type === 'nullable');

const objects = new Map<Any, InputObjectRef<Types, object>>();

function graphqlType(schema: Any, enums: EnumMap, where: string): InputType<Types> | [InputType<Types>] {
  const inner = base(schema);
  const hint = meta(schema);
  const kind = def(inner).type;
  if (kind === 'array') return [graphqlType(def(inner).element as Any, enums, `${where}[]`) as InputType<Types>];
  if (hint.globalId) return 'ID';
  if (hint.type) return hint.type;
  if (kind === 'string') return 'String';
  if (kind === 'boolean') return 'Boolean';
  if (kind === 'number') return (inner as z.ZodNumber).isInt ? 'Int' : 'Float';
  if (kind === 'unknown') return 'JSON';
  if (kind === 'enum') {
    const ref = enums.get(inner);
    if (!ref) throw new Error(`${where}: pass the GraphQL enum of this z.enum in \`enums\``);
    return ref;
  }
  if (kind === 'object') {
    const type = meta(inner);
    if (!type.name) throw new Error(`${where}: a nested input object needs a name (register graphqlInput { name })`);
    return inputObject(type.name, inner as z.ZodObject, enums, type.description);
  }
  throw new Error(`${where}: no GraphQL input type for a zod ${kind}`);
}

function inputObject(name: string, schema: z.ZodObject, enums: EnumMap, description?: string) {
  const known = objects.get(schema);
  if (known) return known;
  const ref = builder.inputRef<object>(name);
  objects.set(schema, ref);
  ref.implement({ description, fields: (t) => fieldsOf(t, schema, enums, `${name}.`) });
  return ref;
}

/** One GraphQL field (of an input object, or one argument) per field of the zod object. */
function fieldsOf<Kind extends 'Arg' | 'InputObject'>(
  t: PothosSchemaTypes.InputFieldBuilder<Types, Kind>,
  schema: z.ZodObject,
  enums: EnumMap,
  where: string,
) {
  return Object.fromEntries(
    Object.entries(schema.shape).map(
      ([key, field]): [string, InputFieldRef<Types, unknown> | ArgumentRef<Types, unknown>] => [
        key,
        t.field({
          type: graphqlType(field, enums, `${where}${key}`),
          required: !acceptsUndefined(field) && !acceptsNull(field),
          description: meta(field, true).description,
        }),
      ],
    ),
  );
}

/**
 * Derives the GraphQL input type `name` from a zod object, the one declaration of the input:
 * strings, numbers (`Int` when `.int()`), booleans, `z.unknown()` (`JSON`), enums (the Pothos enum
 * given in `enums`), arrays (`[T!]`) and named nested objects. A field is required unless zod
 * accepts it missing or null; descriptions come from `.describe()` or `graphqlInput`.
 */
export function zodInput<S extends z.ZodObject>(
  name: string,
  schema: S,
  options: { enums?: EnumRefs; description?: string } = {},
): ZodInput<S> {
  const ref = inputObject(name, schema, new Map(options.enums), options.description);
  return { ref: ref as ZodInput<S>['ref'], schema };
}

/** A mutation's arguments derived from a zod object, with the schema they came from. */
export interface ZodArgs<S extends z.ZodObject> {
  args: { [K in keyof GraphQLValue<z.input<S>> & string]-?: ArgumentRef<Types, GraphQLValue<z.input<S>>[K]> };
  schema: S;
}

/**
 * Derives a field's GraphQL arguments from a zod object, one argument per field, the way `zodInput`
 * derives an input type's fields; spread `args` into the field's `args` and hand the service
 * `fromGraphQL(it, args, '')` (paths of bad ids then name the argument, e.g. `winners.0.submissionId`).
 */
export function zodArgs<S extends z.ZodObject>(schema: S, options: { enums?: EnumRefs } = {}): ZodArgs<S> {
  const args = builder.args((t) => fieldsOf(t, schema, new Map(options.enums), ''));
  return { args: args as ZodArgs<S>['args'], schema };
}

/**
 * The input a resolver hands its service: the GraphQL value with global ids decoded (a malformed
 * or foreign id is BAD_USER_INPUT naming the field, e.g. `input.serviceIds.0`), and nulls the
 * schema does not accept dropped, so the service's validation applies its defaults.
 */
export function fromGraphQL<S extends z.ZodObject>(
  input: ZodInput<S> | ZodArgs<S>,
  value: GraphQLValue<z.input<S>>,
  root = 'input',
) {
  return unwrap(input.schema, value, root) as z.input<S>;
}

const at = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

function unwrap(schema: Any, value: unknown, path: string): unknown {
  if (value === null || value === undefined) return value;
  const inner = base(schema);
  const kind = def(inner).type;
  if (kind === 'array' && Array.isArray(value))
    return value.map((item, i) => unwrap(def(inner).element as Any, item, at(path, i)));
  const typename = meta(schema).globalId;
  if (typename && typeof value === 'string') return parseId(value, typename, path);
  if (kind !== 'object' || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries((inner as z.ZodObject).shape)) {
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined || item === null) {
      // GraphQL's "left out" and "null" both mean: what the schema does when it is missing, or null.
      if (acceptsNull(field) && (item === null || !acceptsUndefined(field))) out[key] = null;
      else if (item === null && !acceptsUndefined(field)) out[key] = null;
      continue;
    }
    // An optional id given as "" has always meant "none" here, as the resolvers read it before this one declaration.
    if (item === '' && acceptsNull(field) && meta(field).globalId) out[key] = null;
    else out[key] = unwrap(field, item, at(path, key));
  }
  return out;
}
