import { graphql } from '../../gql';

export const MyDataDocument = graphql(`
  query MyData {
    dataSubject {
      subjectId
      issuedBy {
        id
        name
      }
      consents(first: 50) {
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
    }
  }
`);

// Apart from the consents: both pages at once would cost more than the hub answers in one operation.
export const MyDataReadsDocument = graphql(`
  query MyDataReads {
    dataSubject {
      accessLog(first: 50) {
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
          consentIds
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
