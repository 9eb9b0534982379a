import { graphql } from '../../gql';

export const DataCatalogueDocument = graphql(`
  query DataCatalogue($filter: DataConnectionFilter, $first: Int, $after: String) {
    dataConnections(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        name
        description
        classification
        status
        licence
        tags
        keyField
        recordCount
        lastSuccessAt
        agency {
          id
          name
        }
        fields {
          name
          type
          description
          personal
        }
        services {
          key
          name
        }
      }
    }
  }
`);

export const DataPreviewDocument = graphql(`
  query DataPreview($id: ID!) {
    dataConnection(id: $id) {
      id
      preview {
        key
        data
        masked
      }
    }
  }
`);

export const RequestDataAccessDocument = graphql(`
  mutation RequestDataAccess($input: RequestDataAccessInput!) {
    requestDataAccess(input: $input) {
      accessRequest {
        id
        status
      }
    }
  }
`);
