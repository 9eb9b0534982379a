import { graphql } from '../../gql';

/** The figures and lists of the company's landing page (its submissions come from useOrganizationSubmissions). */
export const CompanyDashboardDocument = graphql(`
  query CompanyDashboard($lang: String) {
    unreadNoticeCount
    heldDocuments(first: 1) {
      totalCount
    }
    serviceGrants(first: 100) {
      nodes {
        id
        status
        usedToday
        dailyQuota
        service {
          key
          name(lang: $lang)
        }
      }
    }
    challengesForYou(first: 5) {
      totalCount
      nodes {
        id
        title
        submissionDeadline
        agency {
          name
        }
      }
    }
  }
`);

/** The organization's service grants. */
export const MyServicesDocument = graphql(`
  query MyServices($lang: String) {
    serviceGrants(first: 100) {
      nodes {
        id
        status
        purpose
        dailyQuota
        usedToday
        operations
        createdAt
        updatedAt
        service {
          key
          name(lang: $lang)
          status
        }
      }
    }
  }
`);

/** One service's calls per day over the last 30 days: the organization's own (asked per service, within the cost limit). */
export const ServiceUsageDocument = graphql(`
  query ServiceUsage($key: String!) {
    service(key: $key) {
      key
      dailyUsage {
        day
        calls
        failures
      }
    }
  }
`);

/** A service to try: its operations with their input schemas, the organization's grants and the member's keys. */
export const TryServiceContextDocument = graphql(`
  query TryServiceContext($key: String!, $lang: String) {
    service(key: $key) {
      id
      key
      name(lang: $lang)
      description(lang: $lang)
      status
      operations {
        name
        kind
        description
        inputSchema
      }
    }
    serviceGrants(first: 100) {
      nodes {
        id
        status
        operations
        service {
          key
        }
      }
    }
    viewer {
      id
      apiKeys(first: 50) {
        nodes {
          id
          name
          prefix
          mode
          status
          scopes
        }
      }
    }
  }
`);

/** A TEST key of the member's own, for the console (the secret is shown once, kept only in the page). */
export const CreateTryKeyDocument = graphql(`
  mutation CreateTryKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      apiKey {
        id
        name
        prefix
      }
      secret
    }
  }
`);

/** A query operation of a service, sent with the member's TEST key. */
export const TryServiceQueryDocument = graphql(`
  query TryServiceQuery($service: String!, $operation: String!, $input: JSON) {
    serviceQuery(service: $service, operation: $operation, input: $input)
  }
`);

/** A mutation operation of a service, sent with the member's TEST key. */
export const TryServiceMutationDocument = graphql(`
  mutation TryServiceMutation($service: String!, $operation: String!, $input: JSON) {
    serviceMutation(service: $service, operation: $operation, input: $input)
  }
`);
