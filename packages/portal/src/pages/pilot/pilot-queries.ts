import { graphql } from '../../gql';

export const PilotLaunchPreviewDocument = graphql(`
  query PilotLaunchPreview($challengeId: ID!) {
    pilotLaunchPreview(challengeId: $challengeId) {
      name
      version
      publisher
      signatureValid
      signatureProblem
      launched
      challenge {
        id
        title
      }
      submission {
        id
        title
        organization {
          name
        }
      }
      capabilities {
        name
        hosts
      }
      services {
        key
        name
        description
      }
      package {
        sha256
        signedBy
        uploadedAt
      }
    }
  }
`);

export const LaunchPilotDocument = graphql(`
  mutation LaunchPilot($challengeId: ID!, $approvedCapabilities: [String!]!) {
    launchPilotService(challengeId: $challengeId, approvedCapabilities: $approvedCapabilities) {
      plugin {
        name
        version
        status
        grantedCapabilities
      }
      services {
        key
        name
        status
      }
    }
  }
`);

export const SubmissionPilotPackageDocument = graphql(`
  query SubmissionPilotPackage($id: ID!) {
    node(id: $id) {
      ... on Submission {
        id
        title
        pilotPackage {
          name
          version
          sha256
          signedBy
          uploadedAt
          launchedAt
        }
      }
    }
  }
`);

export const UploadPilotPackageDocument = graphql(`
  mutation UploadPilotPackage($submissionId: ID!, $file: File!) {
    uploadPilotPackage(submissionId: $submissionId, file: $file) {
      name
      version
      sha256
      signedBy
      uploadedAt
      launchedAt
    }
  }
`);
