import { graphql } from '../../gql';

export const MyDataDocument = graphql(`
  query MyData {
    dataSubject {
      subjectId
      issuedBy {
        id
        name
      }
      consents(first: 100) {
        totalCount
        nodes {
          id
          fields
          purpose
          status
          validFrom
          validUntil
          revokedAt
          revokedBy
          requesterPlugin
          requesterOrganization {
            id
            name
          }
          dataConnection {
            id
            name
          }
        }
      }
      accessLog(first: 100) {
        totalCount
        nodes {
          seq
          at
          actorKind
          actorPlugin
          actorOrganization {
            name
          }
          channel
          fields
          outcome
          purpose
          recordCount
          dataConnection {
            id
            name
            agency {
              name
            }
          }
        }
      }
    }
  }
`);

export const RevokeMyConsentDocument = graphql(`
  mutation RevokeMyConsent($id: ID!) {
    revokeConsent(id: $id) {
      consent {
        id
        status
        revokedAt
      }
    }
  }
`);
