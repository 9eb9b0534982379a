import { graphql } from '../../gql';

export const ServiceGrantsDocument = graphql(`
  query ServiceGrants {
    serviceGrants(first: 50) {
      nodes {
        id
        status
        purpose
        dailyQuota
        operations
        usedToday
        createdAt
        consumer {
          name
        }
        service {
          key
          name
        }
      }
    }
  }
`);

export const ApproveServiceAccessDocument = graphql(`
  mutation ApproveServiceAccess($id: ID!, $dailyQuota: Int) {
    approveServiceAccess(id: $id, dailyQuota: $dailyQuota) {
      grant {
        id
        status
      }
    }
  }
`);

export const RejectServiceAccessDocument = graphql(`
  mutation RejectServiceAccess($id: ID!) {
    rejectServiceAccess(id: $id) {
      grant {
        id
        status
      }
    }
  }
`);

export const RevokeServiceAccessDocument = graphql(`
  mutation RevokeServiceAccess($id: ID!) {
    revokeServiceAccess(id: $id) {
      grant {
        id
        status
      }
    }
  }
`);

export const DataAccessRequestsDocument = graphql(`
  query DataAccessRequests($direction: DataAccessDirection!) {
    dataAccessRequests(direction: $direction, first: 50) {
      nodes {
        id
        status
        active
        purpose
        fields
        expiresAt
        createdAt
        decisionNote
        requesterPlugin
        requesterOrganization {
          name
        }
        dataConnection {
          id
          name
          classification
          agency {
            name
          }
        }
      }
    }
  }
`);

export const DecideDataAccessDocument = graphql(`
  mutation DecideDataAccess($id: ID!, $approve: Boolean!, $note: String) {
    decideDataAccess(id: $id, approve: $approve, note: $note) {
      accessRequest {
        id
        status
      }
    }
  }
`);

export const WithdrawDataAccessDocument = graphql(`
  mutation WithdrawDataAccess($id: ID!) {
    withdrawDataAccess(id: $id) {
      accessRequest {
        id
        status
      }
    }
  }
`);
