export const plugins = {
  title: 'Plugins',
  intro:
    'Plugins add shared services and data connectors. Grant only the capabilities a plugin needs; disabling stops new calls at once.',
  empty: 'No plugins are installed.',
  usage: 'Usage, last 30 days',
  usageRow: '{{calls}} calls, {{failures}} failed',
  enable: 'Enable {{name}}',
  disable: 'Disable {{name}}',
  installTitle: 'Install a plugin',
  installHint:
    'The npm package must already be installed on the hub, at this exact version; its signature and manifest are checked.',
  package: 'Package name',
  version: 'Version',
  install: 'Install',
};
