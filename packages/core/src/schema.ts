import type { GraphQLSchema } from 'graphql';
import { builder } from './graphql/builder.js';
// Each import adds a domain module's types to the builder; order only matters
// where one module extends another's types (members extend organizations).
import './graphql/node.js';
import './identity/index.js';
import './audit/index.js';
import './challenges/index.js';
import './catalogue/index.js';
import './plugins/index.js';
import './data/index.js';
import './insights/index.js';
import './wallet/index.js';
import './site/index.js';

let schema: GraphQLSchema | undefined;

/** The hub's GraphQL schema, built once. */
export function getSchema(): GraphQLSchema {
  schema ??= builder.toSchema({ sortSchema: true });
  return schema;
}
