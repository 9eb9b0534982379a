import { graphql } from '../../gql';

export const HeldDocumentsDocument = graphql(`
  query HeldDocuments {
    heldDocuments(first: 20) {
      nodes {
        id
        type
        typeName
        status
        issuedAt
        validUntil
        issuerOrganization {
          name
        }
      }
    }
  }
`);

export const ChallengesRequiringDocumentsDocument = graphql(`
  query ChallengesRequiringDocuments {
    challenges(first: 50, filter: { statuses: [OPEN] }) {
      nodes {
        id
        title
        requiredDocuments {
          type
          maxAgeDays
        }
      }
    }
  }
`);

export const PresentDocumentDocument = graphql(`
  mutation PresentDocument($input: PresentDocumentInput!) {
    presentDocument(input: $input) {
      presentation {
        id
        presentedAt
      }
    }
  }
`);

// Per document: a page of presentations inside a page of documents costs more than the hub answers at once.
export const DocumentUsesDocument = graphql(`
  query DocumentUses($id: ID!) {
    node(id: $id) {
      ... on HeldDocument {
        id
        presentations(first: 20) {
          nodes {
            id
            purpose
            presentedAt
            recipientOrganization {
              name
            }
            latestVerification {
              at
              valid
              reason
              verifierOrganization {
                name
              }
            }
          }
        }
      }
    }
  }
`);
