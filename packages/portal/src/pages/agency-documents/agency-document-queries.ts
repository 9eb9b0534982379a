import { graphql } from '../../gql';

export const AgencyDocumentTypesDocument = graphql(`
  query AgencyDocumentTypes {
    documentTypes {
      type
      name
    }
  }
`);

export const IssuedDocumentsDocument = graphql(`
  query IssuedDocuments($after: String) {
    issuedDocuments(first: 20, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        type
        typeName
        status
        test
        issuedAt
        validUntil
        revokedAt
        revocationReason
        holderSubjectId
        holderOrganization {
          id
          name
        }
      }
    }
  }
`);

export const IssueCompaniesDocument = graphql(`
  query IssueCompanies {
    organizations(first: 100, kind: COMPANY) {
      nodes {
        id
        name
      }
    }
  }
`);

export const IssueDocumentDocument = graphql(`
  mutation IssueDocument($input: IssueDocumentInput!) {
    issueDocument(input: $input) {
      document {
        id
        typeName
        holderOrganization {
          name
        }
      }
    }
  }
`);

export const RevokeHeldDocumentDocument = graphql(`
  mutation RevokeHeldDocument($id: ID!, $reason: String!) {
    revokeHeldDocument(id: $id, reason: $reason) {
      document {
        id
        status
        revokedAt
        revocationReason
      }
    }
  }
`);

// The agency's challenges: its own published ones receive documents; it sets requirements on drafts and open ones,
// its own and those of agencies below it (whose challenges its admins manage too).
export const AgencyDocumentChallengesDocument = graphql(`
  query AgencyDocumentChallenges($agencyId: ID!, $includeSubAgencies: Boolean!, $statuses: [ChallengeStatus!]!) {
    challenges(
      first: 50
      sort: NEWEST
      filter: { agencyId: $agencyId, includeSubAgencies: $includeSubAgencies, statuses: $statuses }
    ) {
      nodes {
        id
        title
        status
        requiredDocuments {
          type
          maxAgeDays
        }
      }
    }
  }
`);

export const ReceivedPresentationsDocument = graphql(`
  query ReceivedPresentations($targetId: ID!) {
    receivedDocumentPresentations(targetId: $targetId, first: 50) {
      totalCount
      nodes {
        id
        documentType
        purpose
        presentedAt
        holderOrganization {
          name
        }
        latestVerification {
          at
          valid
          reason
        }
      }
    }
  }
`);

export const VerifyPresentationDocument = graphql(`
  mutation VerifyPresentation($id: ID!) {
    verifyDocumentPresentation(id: $id) {
      valid
      reason
      issuedAt
      validUntil
      content
      issuerOrganization {
        name
      }
      presentation {
        id
        latestVerification {
          at
          valid
          reason
        }
      }
    }
  }
`);

export const SetRequiredDocumentsDocument = graphql(`
  mutation SetRequiredDocuments($challengeId: ID!, $requiredDocuments: [DocumentRequirementInput!]!) {
    setChallengeRequiredDocuments(challengeId: $challengeId, requiredDocuments: $requiredDocuments) {
      id
      requiredDocuments {
        type
        maxAgeDays
      }
    }
  }
`);

export const ChallengeRequiredDocumentsDocument = graphql(`
  query ChallengeRequiredDocuments($id: ID!) {
    challenge(id: $id) {
      id
      requiredDocuments {
        type
        maxAgeDays
      }
    }
  }
`);
