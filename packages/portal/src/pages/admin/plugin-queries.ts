import { graphql } from '../../gql';

/** What the plugin pages show of every plugin. */
export const PluginFactsFragment = graphql(`
  fragment PluginFacts on Plugin {
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
`);

export const PluginsDocument = graphql(`
  query Plugins {
    plugins {
      ...PluginFacts
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

export const PluginDetailDocument = graphql(`
  query PluginDetail {
    plugins {
      ...PluginFacts
      configSchema
      configured
    }
    services(first: 100) {
      nodes {
        key
        name
        status
        plugin {
          name
        }
      }
    }
    serviceGrants(first: 100, status: ACTIVE) {
      nodes {
        id
        service {
          key
        }
      }
    }
  }
`);

export const SetPluginConfigDocument = graphql(`
  mutation SetPluginConfig($name: String!, $config: JSON!) {
    setPluginConfig(name: $name, config: $config) {
      name
      status
    }
  }
`);

export const UninstallPluginDocument = graphql(`
  mutation UninstallPlugin($name: String!) {
    uninstallPlugin(name: $name) {
      name
      status
    }
  }
`);
