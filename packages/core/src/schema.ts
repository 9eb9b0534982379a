import type { GraphQLSchema } from 'graphql';
import { builder } from './graphql/builder.js';
// Each import adds a domain module's types to the builder; order only matters
// where one module extends another's types (members extend organizations).
import './graphql/node.js';
import './identity/organization-schema.js';
import './identity/member-schema.js';
import './identity/api-key-schema.js';
import './identity/viewer-schema.js';
import './audit/audit-schema.js';
import './challenges/index.js';
import './catalogue/index.js';
import './plugins/index.js';
import './data/index.js';

let schema: GraphQLSchema | undefined;

/** The hub's GraphQL schema, built once. */
export function getSchema(): GraphQLSchema {
  schema ??= builder.toSchema({ sortSchema: true });
  return schema;
}
