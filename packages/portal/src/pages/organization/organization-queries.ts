import { graphql } from '../../gql';

export const OrganizationAdministrationDocument = graphql(`
  query OrganizationAdministration($id: ID!) {
    organization(id: $id) {
      id
      name
      kind
      members(first: 100) {
        nodes {
          id
          name
          email
          roles
          status
        }
      }
      invitations(first: 100) {
        nodes {
          id
          email
          expiresAt
          status
        }
      }
    }
  }
`);

export const InviteMemberDocument = graphql(`
  mutation InviteMember($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      delivery
      invitation {
        id
        email
        expiresAt
        status
      }
    }
  }
`);

export const ChangeMemberRolesDocument = graphql(`
  mutation ChangeMemberRoles($id: ID!, $input: UpdateMemberInput!) {
    updateMember(id: $id, input: $input) {
      member {
        id
        roles
      }
    }
  }
`);

export const DisableMemberDocument = graphql(`
  mutation DisableMember($id: ID!) {
    disableMember(id: $id) {
      member {
        id
        status
      }
    }
  }
`);

export const EnableMemberDocument = graphql(`
  mutation EnableMember($id: ID!) {
    enableMember(id: $id) {
      member {
        id
        status
      }
    }
  }
`);

export const RevokeInvitationDocument = graphql(`
  mutation RevokeInvitation($id: ID!) {
    revokeInvitation(id: $id) {
      invitation {
        id
        status
      }
    }
  }
`);

export const AddMemberDocument = graphql(`
  mutation AddMember($input: AddMemberInput!) {
    addMember(input: $input) {
      member {
        id
        name
        status
      }
    }
  }
`);
