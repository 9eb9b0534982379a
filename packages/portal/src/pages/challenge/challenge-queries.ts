import { graphql } from '../../gql';

export const ChallengeDetailDocument = graphql(`
  query ChallengeDetail($id: ID!) {
    challenge(id: $id) {
      id
      version
      title
      summary
      status
      type
      tags
      problemStatement
      terms
      submissionDeadline
      publishedAt
      closedAt
      evaluationEnd
      awardedAt
      currentPhase
      cancelReason
      awardNote
      serviceIds
      agency {
        id
        name
        ancestors {
          id
        }
      }
      prize {
        amount
        currency
        kind
        description
      }
      criteria {
        key
        name
        description
        weight
      }
      eligibility {
        minTeamSize
        maxTeamSize
        organizationKinds
      }
      phases {
        name
        submissionDeadline
      }
      dataConnections {
        id
        name
        classification
        agency {
          name
        }
      }
      pilotServices {
        id
        key
        name
        status
        description
      }
    }
  }
`);

export const ChallengeQuestionsDocument = graphql(`
  query ChallengeQuestions($id: ID!) {
    challenge(id: $id) {
      id
      questions(first: 100) {
        nodes {
          id
          question
          answer
          askedAt
          answeredAt
          askedBy {
            name
          }
        }
      }
    }
  }
`);

export const LinkedServicesDocument = graphql(`
  query LinkedServices($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Service {
        id
        key
        name
        status
        description
      }
    }
  }
`);

/** The ranking: public once AWARDED, before that for the agency and the panel. */
export const ChallengeResultsDocument = graphql(`
  query ChallengeResults($id: ID!) {
    challenge(id: $id) {
      id
      results {
        rank
        weightedScore
        winner
        reviewCount
        publicComments
        criterionAverages {
          criterionKey
          average
        }
        submission {
          id
          title
          status
          organization {
            name
          }
        }
      }
    }
  }
`);

/** The submissions the viewer may see (their organization's, or all submitted ones for the agency and panel), with the panel when visible. */
export const ChallengeSubmissionsDocument = graphql(`
  query ChallengeSubmissions($id: ID!) {
    challenge(id: $id) {
      id
      panel {
        memberId
        name
        organization {
          name
        }
        conflictOfInterest
        declaredNoConflictAt
      }
      submissions(first: 100) {
        totalCount
        nodes {
          id
          title
          summary
          status
          submittedAt
          updatedAt
          organization {
            id
            name
          }
        }
      }
    }
  }
`);

export const AskQuestionDocument = graphql(`
  mutation AskQuestion($challengeId: ID!, $question: String!) {
    askQuestion(challengeId: $challengeId, question: $question) {
      question {
        id
      }
    }
  }
`);

export const AnswerQuestionDocument = graphql(`
  mutation AnswerQuestion($id: ID!, $answer: String!) {
    answerQuestion(id: $id, answer: $answer) {
      question {
        id
      }
    }
  }
`);
