import { graphql } from '../../gql';

export const ScoringContextDocument = graphql(`
  query ScoringContext($id: ID!) {
    challenge(id: $id) {
      id
      title
      status
      myPanelSeat {
        conflictOfInterest
        declaredNoConflictAt
      }
      criteria {
        key
        name
        description
        weight
      }
      submissions(first: 50) {
        nodes {
          id
          title
          summary
          proposal
          teamSize
          status
          organization {
            name
          }
          links {
            title
            url
          }
        }
      }
    }
  }
`);

/** The reviews of one submission the viewer may see (a reviewer sees their own). */
export const SubmissionReviewsDocument = graphql(`
  query SubmissionReviews($id: ID!) {
    node(id: $id) {
      ... on Submission {
        id
        reviews {
          reviewerId
          publicComment
          scores {
            criterionKey
            score
            comment
          }
        }
      }
    }
  }
`);

export const ScoreSubmissionDocument = graphql(`
  mutation ScoreSubmission($submissionId: ID!, $scores: [CriterionScoreInput!]!, $publicComment: String) {
    scoreSubmission(submissionId: $submissionId, scores: $scores, publicComment: $publicComment) {
      review {
        updatedAt
      }
    }
  }
`);

/** The reviewer's declaration that they have no conflict of interest on the challenge: required before scoring. */
export const DeclareNoConflictDocument = graphql(`
  mutation DeclareNoConflict($challengeId: ID!, $statement: String) {
    declareNoConflict(challengeId: $challengeId, statement: $statement) {
      declaration {
        declaredAt
      }
    }
  }
`);

/** The challenges on the go, with the viewer's own panel seat (null where they do not sit). */
export const ReviewAssignmentsDocument = graphql(`
  query ReviewAssignments {
    challenges(first: 100, filter: { statuses: [OPEN, CLOSED, EVALUATING] }, sort: DEADLINE) {
      nodes {
        id
        title
        status
        currentPhase
        submissionDeadline
        evaluationEnd
        agency {
          name
        }
        myPanelSeat {
          conflictOfInterest
          declaredNoConflictAt
        }
      }
    }
  }
`);

/** One assignment's entries with the viewer's own reviews, to count what is scored. */
export const AssignmentProgressDocument = graphql(`
  query AssignmentProgress($id: ID!) {
    challenge(id: $id) {
      id
      submissions(first: 100) {
        nodes {
          id
          status
          phase
          reviews {
            reviewerId
          }
        }
      }
    }
  }
`);
