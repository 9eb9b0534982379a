import { graphql } from './gql/index.js';

// Every operation the client sends. `npm run codegen` checks them against
// docs/reference/schema.graphql and generates their result and variable types.

export const OpenChallengesQuery = graphql(`
  query OpenChallenges($first: Int!, $after: String) {
    challenges(first: $first, after: $after, sort: DEADLINE, filter: { statuses: [OPEN] }) {
      totalCount
      nodes {
        id
        title
        submissionDeadline
        tags
        agency {
          id
          name
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const ChallengeEventsSubscription = graphql(`
  subscription ChallengeEvents($challengeId: ID) {
    challengeEvents(challengeId: $challengeId) {
      kind
      at
      challengeId
      challenge {
        title
      }
    }
  }
`);
