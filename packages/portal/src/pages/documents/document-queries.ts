import { graphql } from '../../gql';

export const HeldDocumentsDocument = graphql(`
  query HeldDocuments {
    heldDocuments(first: 50) {
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
        presentations(first: 50) {
          nodes {
            id
            purpose
            presentedAt
            recipientOrganization {
              name
            }
            verifications {
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
