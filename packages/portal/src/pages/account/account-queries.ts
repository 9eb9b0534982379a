import { graphql } from '../../gql';

export const MyApiKeysDocument = graphql(`
  query MyApiKeys {
    viewer {
      id
      apiKeys(first: 100) {
        nodes {
          id
          name
          prefix
          scopes
          mode
          status
          createdAt
          expiresAt
          lastUsedAt
        }
      }
    }
  }
`);

export const CreateMyApiKeyDocument = graphql(`
  mutation CreateMyApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
      apiKey {
        id
        name
      }
    }
  }
`);

export const RevokeMyApiKeyDocument = graphql(`
  mutation RevokeMyApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      apiKey {
        id
        status
      }
    }
  }
`);

export const MySessionsDocument = graphql(`
  query MySessions {
    mySessions {
      id
      createdAt
      lastSeenAt
      expiresAt
      current
      userAgent
    }
  }
`);

export const RevokeSessionDocument = graphql(`
  mutation RevokeSession($id: ID!) {
    revokeSession(id: $id)
  }
`);

export const SignOutEverywhereDocument = graphql(`
  mutation SignOutEverywhere {
    signOutEverywhere
  }
`);
