import { graphql } from '../../gql';

export const PluginsDocument = graphql(`
  query Plugins {
    plugins {
      name
      version
      publisher
      status
      signedBy
      isolation
      loadedAt
      hosts
      problems
      requestedCapabilities
      grantedCapabilities
      connectors {
        key
        name
      }
    }
    services(first: 100) {
      nodes {
        key
        name
        status
        plugin {
          name
        }
        dailyUsage {
          day
          calls
          failures
        }
      }
    }
  }
`);

export const EnablePluginDocument = graphql(`
  mutation EnablePlugin($name: String!) {
    enablePlugin(name: $name) {
      name
      status
    }
  }
`);

export const DisablePluginDocument = graphql(`
  mutation DisablePlugin($name: String!) {
    disablePlugin(name: $name) {
      name
      status
    }
  }
`);

export const SetPluginCapabilitiesDocument = graphql(`
  mutation SetPluginCapabilities($name: String!, $capabilities: [String!]!) {
    setPluginCapabilities(name: $name, capabilities: $capabilities) {
      name
      grantedCapabilities
    }
  }
`);

export const InstallPluginDocument = graphql(`
  mutation InstallPlugin($package: String!, $version: String!) {
    installPlugin(package: $package, version: $version) {
      name
      status
    }
  }
`);
