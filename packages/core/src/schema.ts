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
import './challenges/challenge-schema.js';
import './challenges/challenge-mutations.js';
import './challenges/question-schema.js';
import './challenges/submission-schema.js';
import './challenges/review-schema.js';
import './challenges/subscription-schema.js';
import './plugins/service-schema.js';
import './plugins/grant-schema.js';
import './plugins/pilot-schema.js';
import './data/connection-schema.js';
import './data/record-schema.js';
import './data/access-request-schema.js';
import './data/consent-schema.js';
import './data/link-schema.js';

let schema: GraphQLSchema | undefined;

/** The hub's GraphQL schema, built once. */
export function getSchema(): GraphQLSchema {
  schema ??= builder.toSchema({ sortSchema: true });
  return schema;
}
