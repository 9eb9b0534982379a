import { graphql } from '../../gql';

/** Everything the dataset page shows: the public metadata and schema (records are asked for separately). */
export const DatasetDocument = graphql(`
  query Dataset($id: ID!) {
    dataConnection(id: $id) {
      id
      name
      description
      classification
      status
      licence
      tags
      keyField
      recordCount
      connectorKind
      refreshMinutes
      lastSuccessAt
      createdAt
      updatedAt
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
`);
