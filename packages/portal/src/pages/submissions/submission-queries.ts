import { graphql } from '../../gql';

export const SubmitContextDocument = graphql(`
  query SubmitContext($id: ID!) {
    challenge(id: $id) {
      id
      title
      status
      currentPhase
      terms
      submissionDeadline
      eligibility {
        minTeamSize
        maxTeamSize
        organizationKinds
      }
      submissions(first: 20) {
        nodes {
          id
          title
          summary
          proposal
          teamSize
          status
          phase
          links {
            title
            url
          }
          pluginPackage {
            name
            version
          }
        }
      }
    }
  }
`);

export const CreateSubmissionDocument = graphql(`
  mutation CreateSubmission($input: CreateSubmissionInput!) {
    createSubmission(input: $input) {
      submission {
        id
        status
      }
    }
  }
`);

export const UpdateSubmissionDocument = graphql(`
  mutation UpdateSubmission($id: ID!, $input: UpdateSubmissionInput!) {
    updateSubmission(id: $id, input: $input) {
      submission {
        id
        status
      }
    }
  }
`);

export const SubmitSubmissionDocument = graphql(`
  mutation SubmitSubmission($id: ID!) {
    submitSubmission(id: $id, acknowledgeTerms: true) {
      submission {
        id
        status
        submittedAt
      }
    }
  }
`);

/** A page of challenges with the submissions the viewer sees: only their organization's until a challenge is awarded. */
export const MySubmissionsDocument = graphql(`
  query MySubmissions($after: String) {
    challenges(first: 20, after: $after, sort: NEWEST) {
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        title
        status
        submissionDeadline
        agency {
          name
        }
        submissions(first: 3) {
          totalCount
          nodes {
            id
            title
            status
            submittedAt
            updatedAt
            organization {
              id
            }
          }
        }
      }
    }
  }
`);

/** Every submission of an awarded challenge (public then), to find the organization's among them. */
export const AllChallengeSubmissionsDocument = graphql(`
  query AllChallengeSubmissions($id: ID!) {
    challenge(id: $id) {
      id
      submissions(first: 50) {
        nodes {
          id
          title
          status
          submittedAt
          updatedAt
          organization {
            id
          }
        }
      }
    }
  }
`);

/** One submission as its company sees it: what was sent, where it stands, and its challenge's deadline. */
export const MySubmissionDocument = graphql(`
  query MySubmission($id: ID!) {
    node(id: $id) {
      ... on Submission {
        id
        title
        summary
        proposal
        teamSize
        status
        phase
        createdAt
        updatedAt
        submittedAt
        awardNote
        links {
          title
          url
        }
        pluginPackage {
          name
          version
        }
        organization {
          id
          name
        }
        challenge {
          id
          title
          status
          submissionDeadline
          agency {
            name
          }
        }
      }
    }
  }
`);

export const WithdrawSubmissionDocument = graphql(`
  mutation WithdrawSubmission($id: ID!) {
    withdrawSubmission(id: $id) {
      submission {
        id
        status
        updatedAt
      }
    }
  }
`);
