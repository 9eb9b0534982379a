import { graphql } from '../../gql';

export const AgencyConnectionsDocument = graphql(`
  query AgencyConnections($agencyId: ID!) {
    dataConnections(filter: { agencyId: $agencyId }, first: 100) {
      totalCount
      nodes {
        id
        name
        classification
        connectorKind
        status
        recordCount
        lastSyncAt
        lastSuccessAt
        nextSyncAt
        lastError
        refreshMinutes
        agency {
          id
          name
        }
      }
    }
  }
`);

export const CreateDataConnectionDocument = graphql(`
  mutation CreateDataConnection($input: CreateDataConnectionInput!) {
    createDataConnection(input: $input) {
      dataConnection {
        id
        name
      }
    }
  }
`);

export const UploadDataFileDocument = graphql(`
  mutation UploadDataFile($id: ID!, $file: File!) {
    uploadDataFile(id: $id, file: $file) {
      sync {
        id
        status
      }
    }
  }
`);

export const ManagedConnectionDocument = graphql(`
  query ManagedConnection($id: ID!) {
    viewer {
      id
      organization {
        id
      }
    }
    dataConnection(id: $id) {
      id
      name
      description
      classification
      connectorKind
      connectorConfig
      licence
      tags
      keyField
      subjectField
      status
      recordCount
      refreshMinutes
      lastSyncAt
      lastSuccessAt
      nextSyncAt
      lastError
      version
      agency {
        id
        name
        ancestors {
          id
        }
      }
      fields {
        name
        type
        personal
        description
      }
      syncs(first: 10) {
        totalCount
        nodes {
          id
          status
          trigger
          startedAt
          finishedAt
          read
          inserted
          updated
          removed
          rejected
          error
          problems {
            position
            reason
          }
        }
      }
    }
  }
`);

export const UpdateDataConnectionDocument = graphql(`
  mutation UpdateDataConnection($id: ID!, $input: UpdateDataConnectionInput!) {
    updateDataConnection(id: $id, input: $input) {
      dataConnection {
        id
        version
      }
    }
  }
`);

export const SyncDataConnectionDocument = graphql(`
  mutation SyncDataConnection($id: ID!) {
    syncDataConnection(id: $id, wait: true) {
      sync {
        id
        status
        inserted
        updated
        rejected
      }
    }
  }
`);

export const RevokeDataAccessDocument = graphql(`
  mutation RevokeDataAccess($id: ID!) {
    revokeDataAccess(id: $id) {
      accessRequest {
        id
        status
      }
    }
  }
`);

export const RecordConsentDocument = graphql(`
  mutation RecordConsent($input: RecordConsentInput!) {
    recordConsent(input: $input) {
      consent {
        id
        status
      }
    }
  }
`);

export const AgencyRevokeConsentDocument = graphql(`
  mutation AgencyRevokeConsent($id: ID!) {
    revokeConsent(id: $id) {
      consent {
        id
        status
      }
    }
  }
`);

export const IssueSubjectKeyDocument = graphql(`
  mutation IssueSubjectKey($subjectId: String!) {
    issueSubjectKey(subjectId: $subjectId) {
      key
      subjectId
    }
  }
`);

export const RevokeSubjectKeysDocument = graphql(`
  mutation RevokeSubjectKeys($subjectId: String!) {
    revokeSubjectKeys(subjectId: $subjectId)
  }
`);

export const VerifyDataAccessLogDocument = graphql(`
  query VerifyDataAccessLog {
    verifyDataAccessLog {
      ok
      checked
      firstBrokenSeq
      reason
    }
  }
`);

// Each list of the detail page is its own operation: together they would cost more than the hub answers at once.
export const ConnectionAccessRequestsDocument = graphql(`
  query ConnectionAccessRequests($id: ID!) {
    dataConnection(id: $id) {
      id
      accessRequests(first: 50) {
        nodes {
          id
          status
          active
          purpose
          fields
          expiresAt
          requesterPlugin
          requesterOrganization {
            id
            name
          }
        }
      }
    }
  }
`);

export const ConnectionConsentsDocument = graphql(`
  query ConnectionConsents($id: ID!) {
    dataConnection(id: $id) {
      id
      consents(first: 50) {
        totalCount
        nodes {
          id
          subjectId
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
        }
      }
    }
  }
`);

export const ConnectionAccessLogDocument = graphql(`
  query ConnectionAccessLog($id: ID!) {
    dataConnection(id: $id) {
      id
      accessLog(first: 20) {
        totalCount
        nodes {
          seq
          at
          actorKind
          actorPlugin
          actorOrganization {
            name
          }
          basis
          channel
          fields
          outcome
          purpose
          recordCount
          subjectIds
        }
      }
    }
  }
`);
