import { graphql } from '../../gql';

export const AgencyTreeDocument = graphql(`
  query AgencyTree($parentId: ID, $includeDescendants: Boolean) {
    organizations(kind: AGENCY, parentId: $parentId, includeDescendants: $includeDescendants, first: 100) {
      nodes {
        id
        name
        slug
        version
        parent {
          id
        }
      }
    }
  }
`);

export const CreateSubAgencyDocument = graphql(`
  mutation CreateSubAgency($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      organization {
        id
        name
      }
    }
  }
`);

export const RenameOrganizationDocument = graphql(`
  mutation RenameOrganization($id: ID!, $input: UpdateOrganizationInput!) {
    updateOrganization(id: $id, input: $input) {
      organization {
        id
        name
        version
      }
    }
  }
`);

export const CompanyListDocument = graphql(`
  query CompanyList {
    organizations(kind: COMPANY, first: 100) {
      nodes {
        id
        name
        slug
        version
        parent {
          id
        }
      }
    }
  }
`);
