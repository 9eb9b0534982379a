// The peers' in-memory data and schema: challenges with an agency and tags,
// the same shape as the hub's `challenges(first:) { nodes { … } }`, built with
// graphql-js by hand so that every peer runs the same resolvers.
import { readFileSync } from 'node:fs';
import {
  GraphQLBoolean,
  GraphQLEnumType,
  GraphQLFloat,
  GraphQLID,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
} from 'graphql';
import { agencyTree, challenge } from '../challenge-fixtures.mjs';

const COUNT = Number(process.env.BENCH_PEER_CHALLENGES ?? 10_000);
const agencies = agencyTree();
const agencyById = new Map(agencies.map((a) => [a._id, a]));
const challenges = Array.from({ length: COUNT }, (_, i) => challenge(i, agencies)).filter((c) => c.status !== 'DRAFT');

// The challenge page: the hub's own demo challenge (questions, results), held here
// as records with ids, so that each relation is a lookup as in the hub.
const page = process.env.BENCH_PEER_PAGE ? JSON.parse(readFileSync(process.env.BENCH_PEER_PAGE, 'utf8')) : null;
const organizationsByName = new Map();
const orgRef = (o) => {
  if (!organizationsByName.has(o.name))
    organizationsByName.set(o.name, { _id: `org-${organizationsByName.size}`, name: o.name });
  return organizationsByName.get(o.name)._id;
};
const orgById = () => new Map([...organizationsByName.values()].map((o) => [o._id, o]));
const pageChallenge = page && {
  ...page,
  _id: page.id,
  agencyId: orgRef(page.agency),
  questions: page.questions.nodes.map((q) => ({
    question: q.question,
    answer: q.answer,
    askedById: orgRef(q.askedBy),
  })),
  results: page.results.map((r) => ({
    ...r,
    submission: { title: r.submission.title, organizationId: orgRef(r.submission.organization) },
  })),
};
const pageOrgs = orgById();

const nonNull = (type) => new GraphQLNonNull(type);
const Organization = new GraphQLObjectType({
  name: 'Organization',
  fields: { id: { type: nonNull(GraphQLID), resolve: (o) => o._id }, name: { type: nonNull(GraphQLString) } },
});
const ChallengeStatus = new GraphQLEnumType({
  name: 'ChallengeStatus',
  values: Object.fromEntries(
    ['DRAFT', 'OPEN', 'CLOSED', 'EVALUATING', 'AWARDED', 'CANCELLED'].map((s) => [s, { value: s }]),
  ),
});
const Criterion = new GraphQLObjectType({
  name: 'Criterion',
  fields: {
    key: { type: nonNull(GraphQLString) },
    name: { type: nonNull(GraphQLString) },
    weight: { type: nonNull(GraphQLInt) },
  },
});
const Question = new GraphQLObjectType({
  name: 'Question',
  fields: {
    question: { type: nonNull(GraphQLString) },
    answer: { type: GraphQLString },
    askedBy: { type: nonNull(Organization), resolve: (q) => pageOrgs.get(q.askedById) },
  },
});
const QuestionConnection = new GraphQLObjectType({
  name: 'QuestionConnection',
  fields: { nodes: { type: nonNull(new GraphQLList(nonNull(Question))) } },
});
const Submission = new GraphQLObjectType({
  name: 'Submission',
  fields: {
    title: { type: nonNull(GraphQLString) },
    organization: { type: nonNull(Organization), resolve: (s) => pageOrgs.get(s.organizationId) },
  },
});
const RankedSubmission = new GraphQLObjectType({
  name: 'RankedSubmission',
  fields: {
    rank: { type: nonNull(GraphQLInt) },
    weightedScore: { type: GraphQLFloat },
    winner: { type: nonNull(GraphQLBoolean) },
    submission: { type: nonNull(Submission) },
  },
});
const Challenge = new GraphQLObjectType({
  name: 'Challenge',
  fields: () => ({
    id: { type: nonNull(GraphQLID), resolve: (c) => c._id },
    title: { type: nonNull(GraphQLString) },
    status: { type: nonNull(ChallengeStatus) },
    // A lookup per challenge, as a relation is.
    agency: { type: nonNull(Organization), resolve: (c) => agencyById.get(c.agencyId) ?? pageOrgs.get(c.agencyId) },
    tags: { type: nonNull(new GraphQLList(nonNull(GraphQLString))) },
    summary: { type: nonNull(GraphQLString) },
    criteria: { type: nonNull(new GraphQLList(nonNull(Criterion))) },
    questions: {
      type: nonNull(QuestionConnection),
      args: { first: { type: GraphQLInt } },
      resolve: (c, { first = 20 }) => ({ nodes: (c.questions ?? []).slice(0, first) }),
    },
    results: { type: new GraphQLList(nonNull(RankedSubmission)) },
  }),
});
const ChallengeConnection = new GraphQLObjectType({
  name: 'ChallengeConnection',
  fields: { nodes: { type: nonNull(new GraphQLList(nonNull(Challenge))) } },
});
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
    challenge: {
      type: Challenge,
      args: { id: { type: nonNull(GraphQLID) } },
      resolve: (_, { id }) =>
        pageChallenge && id === pageChallenge._id ? pageChallenge : (challenges.find((c) => c._id === id) ?? null),
    },
  },
});

export const schema = new GraphQLSchema({ query: Query });
