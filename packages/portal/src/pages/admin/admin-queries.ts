import { graphql } from '../../gql';

export const AdminDashboardDocument = graphql(`
  query AdminDashboard {
    plugins {
      name
      version
      status
      isolation
      problems
    }
    services(first: 100) {
      totalCount
      nodes {
        key
        status
      }
    }
    serviceGrants(first: 10, status: REQUESTED) {
      totalCount
      nodes {
        id
        createdAt
        consumer {
          id
          name
        }
        service {
          key
          name
        }
      }
    }
    pluginEventDeliveries(first: 5, status: FAILED) {
      totalCount
      nodes {
        plugin
        event
        attempts
        lastError
        createdAt
      }
    }
    auditEvents(first: 8) {
      nodes {
        id
        seq
        at
        action
        outcome
        targetId
      }
    }
    organizations(first: 1) {
      totalCount
    }
  }
`);

export const AdminServicesDocument = graphql(`
  query AdminServices {
    services(first: 100) {
      nodes {
        id
        key
        name
        status
        source
        plugin {
          name
        }
      }
    }
  }
`);

export const SetServiceStatusDocument = graphql(`
  mutation SetServiceStatus($service: String!, $status: String!) {
    setServiceStatus(service: $service, status: $status) {
      key
      status
    }
  }
`);

export const PluginDeliveriesDocument = graphql(`
  query PluginDeliveries($plugin: String, $status: PluginEventDeliveryStatus, $first: Int, $after: String) {
    pluginEventDeliveries(plugin: $plugin, status: $status, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        plugin
        event
        status
        attempts
        lastError
        createdAt
        deliveredAt
        nextAttemptAt
      }
    }
  }
`);

export const RegisterPublisherKeyDocument = graphql(`
  mutation RegisterPublisherKey($keyId: String!, $publisher: String!, $publicKey: String!, $organizationId: ID) {
    registerPublisherKey(keyId: $keyId, publisher: $publisher, publicKey: $publicKey, organizationId: $organizationId) {
      keyId
      publisher
      registeredAt
      organization {
        name
      }
    }
  }
`);

export const CompaniesDocument = graphql(`
  query Companies {
    organizations(first: 100, kind: COMPANY) {
      nodes {
        id
        name
      }
    }
  }
`);

export const PublisherKeysDocument = graphql(`
  query PublisherKeys {
    publisherKeys {
      keyId
      publisher
      registeredAt
      organization {
        id
        name
      }
    }
  }
`);
