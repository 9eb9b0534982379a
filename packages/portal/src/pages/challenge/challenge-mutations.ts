import { graphql } from '../../gql';

export const PublishChallengeDocument = graphql(`
  mutation PublishChallenge($id: ID!) {
    publishChallenge(id: $id) {
      challenge {
        id
        status
      }
    }
  }
`);

export const CloseChallengeDocument = graphql(`
  mutation CloseChallenge($id: ID!) {
    closeChallenge(id: $id) {
      challenge {
        id
        status
      }
    }
  }
`);

export const StartEvaluationDocument = graphql(`
  mutation StartEvaluation($id: ID!) {
    startChallengeEvaluation(id: $id) {
      challenge {
        id
        status
      }
    }
  }
`);

export const CancelChallengeDocument = graphql(`
  mutation CancelChallenge($id: ID!, $reason: String!) {
    cancelChallenge(id: $id, reason: $reason) {
      challenge {
        id
        status
      }
    }
  }
`);

export const AssignReviewersDocument = graphql(`
  mutation AssignReviewers($id: ID!, $memberIds: [ID!]!) {
    assignReviewers(id: $id, memberIds: $memberIds) {
      challenge {
        id
      }
    }
  }
`);

export const AwardChallengeDocument = graphql(`
  mutation AwardChallenge($id: ID!, $winners: [WinnerInput!]!, $note: String) {
    awardChallenge(id: $id, winners: $winners, note: $note) {
      challenge {
        id
        status
      }
    }
  }
`);

/** The agency and the agencies below it: where the panel's reviewers come from. */
export const PanelOrganizationsDocument = graphql(`
  query PanelOrganizations($agencyId: ID!) {
    organization(id: $agencyId) {
      id
      name
    }
    organizations(parentId: $agencyId, includeDescendants: true, first: 50) {
      nodes {
        id
        name
      }
    }
  }
`);

/** One organization's members (one query per organization keeps each within the hub's cost limit). */
export const OrganizationMembersDocument = graphql(`
  query OrganizationMembers($id: ID!) {
    organization(id: $id) {
      id
      members(first: 100) {
        nodes {
          id
          name
          roles
          status
        }
      }
    }
  }
`);

export const ReviewProgressDocument = graphql(`
  query ReviewProgress($id: ID!) {
    challenge(id: $id) {
      id
      reviewProgress {
        reviewerId
        reviewerName
        scored
        of
      }
    }
  }
`);

export const AdvancePhaseDocument = graphql(`
  mutation AdvanceChallengePhase($id: ID!) {
    advanceChallengePhase(id: $id) {
      challenge {
        id
        status
        currentPhase
      }
    }
  }
`);

export const ShortlistSubmissionDocument = graphql(`
  mutation ShortlistSubmission($id: ID!) {
    shortlistSubmission(id: $id) {
      submission {
        id
        status
      }
    }
  }
`);

export const RejectSubmissionDocument = graphql(`
  mutation RejectSubmission($id: ID!) {
    rejectSubmission(id: $id) {
      submission {
        id
        status
      }
    }
  }
`);
