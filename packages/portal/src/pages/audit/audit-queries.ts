import { graphql } from '../../gql';

export const AuditEventsDocument = graphql(`
  query AuditEvents($filter: AuditEventFilter, $first: Int, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        seq
        at
        action
        outcome
        actorMemberId
        organizationId
        targetId
        requestId
      }
    }
  }
`);

/** Who the members behind events are, and which challenge an entry belongs to: one request per page of events. */
export const AuditObjectsDocument = graphql(`
  query AuditObjects($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      id
      ... on Member {
        name
        organization {
          name
        }
      }
      ... on Submission {
        challenge {
          id
        }
      }
    }
  }
`);

export const AuditOrganizationsDocument = graphql(`
  query AuditOrganizations {
    organizations(first: 100) {
      nodes {
        id
        name
        kind
      }
    }
  }
`);
