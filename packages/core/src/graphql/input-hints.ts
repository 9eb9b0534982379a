import { z } from 'zod';

/**
 * What a zod schema says about its GraphQL side, where zod alone cannot tell: the name of a nested
 * input object, a scalar other than the one its zod type maps to, a description, or that a string
 * is the global id of an object of some type.
 */
export interface GraphQLInputMeta {
  /** The input object's GraphQL name (nested objects need one). */
  name?: string;
  /** A GraphQL type other than the derived one, e.g. `Float` for an integer amount, `DateTime`. */
  type?: 'String' | 'Int' | 'Float' | 'Boolean' | 'ID' | 'DateTime' | 'JSON';
  description?: string;
  /** The string is the global id of an object of this type; the resolver receives the raw id. */
  globalId?: string;
}

/** Registry of GraphQL hints; `register` returns the same schema, so hints never fork a schema. */
export const graphqlInput = z.registry<GraphQLInputMeta>();

/** A string that GraphQL declares as `ID` and the resolver receives as the raw id inside a `typename` global id. */
export const globalId = (typename: string) => z.string().register(graphqlInput, { globalId: typename });
