// The peers' in-memory data and schema: challenges with an agency and tags,
// the same shape as the hub's `challenges(first:) { nodes { … } }`, built with
// graphql-js by hand so that every peer runs the same resolvers.
import { GraphQLEnumType, GraphQLID, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { agencyTree, challenge } from '../challenge-fixtures.mjs';

const COUNT = Number(process.env.BENCH_PEER_CHALLENGES ?? 10_000);
const agencies = agencyTree();
const agencyById = new Map(agencies.map((a) => [a._id, a]));
const challenges = Array.from({ length: COUNT }, (_, i) => challenge(i, agencies)).filter((c) => c.status !== 'DRAFT');

const nonNull = (type) => new GraphQLNonNull(type);
const Organization = new GraphQLObjectType({ name: 'Organization', fields: { id: { type: nonNull(GraphQLID), resolve: (o) => o._id }, name: { type: nonNull(GraphQLString) } } });
const ChallengeStatus = new GraphQLEnumType({ name: 'ChallengeStatus', values: Object.fromEntries(['DRAFT', 'OPEN', 'CLOSED', 'EVALUATING', 'AWARDED', 'CANCELLED'].map((s) => [s, { value: s }])) });
const Challenge = new GraphQLObjectType({
  name: 'Challenge',
  fields: {
    id: { type: nonNull(GraphQLID), resolve: (c) => c._id },
    title: { type: nonNull(GraphQLString) },
    status: { type: nonNull(ChallengeStatus) },
    // A lookup per challenge, as a relation is.
    agency: { type: nonNull(Organization), resolve: (c) => agencyById.get(c.agencyId) },
    tags: { type: nonNull(new GraphQLList(nonNull(GraphQLString))) },
  },
});
const ChallengeConnection = new GraphQLObjectType({ name: 'ChallengeConnection', fields: { nodes: { type: nonNull(new GraphQLList(nonNull(Challenge))) } } });
const Query = new GraphQLObjectType({
  name: 'Query',
  fields: {
    challenges: {
      type: nonNull(ChallengeConnection),
      args: { first: { type: GraphQLInt }, after: { type: GraphQLString } },
      resolve: (_, { first = 20, after }) => {
        const start = after ? challenges.findIndex((c) => c._id === after) + 1 : 0;
        return { nodes: challenges.slice(start, start + Math.min(first, 100)) };
      },
    },
  },
});

export const schema = new GraphQLSchema({ query: Query });
