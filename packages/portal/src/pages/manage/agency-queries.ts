import { graphql } from '../../gql';

/** The agency's challenges with what its task table needs: counts of entries and of questions waiting. */
export const AgencyTaskTableDocument = graphql(`
  query AgencyTaskTable($agencyId: ID!, $statuses: [ChallengeStatus!], $after: String) {
    challenges(first: 20, after: $after, sort: NEWEST, filter: { agencyId: $agencyId, statuses: $statuses }) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        title
        status
        submissionDeadline
        currentPhase
        unansweredQuestionCount
        phases {
          name
        }
        panel {
          memberId
        }
        submissions(first: 1) {
          totalCount
        }
        pilotServices {
          id
        }
      }
    }
  }
`);

/** Review progress of the challenges in evaluation only (one request for those few, not one per row). */
export const AgencyReviewTallyDocument = graphql(`
  query AgencyReviewTally($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Challenge {
        id
        reviewProgress {
          reviewerId
          scored
          of
        }
      }
    }
  }
`);
