import { describe, expect, it } from 'vitest';
import type { PluginManifest } from './manifest.js';
import { validateManifest } from './validate-manifest.js';

const valid: PluginManifest = {
  name: '@acme/maru-notify',
  version: '1.0.0',
  publisher: 'Acme',
  compatibility: '^1.0.0',
  capabilities: ['fetch', 'events:emit'],
  hosts: ['hooks.acme.example', 'localhost:8080'],
  services: [{ key: 'notifications', name: 'Notifications', operations: [{ name: 'send', kind: 'mutation' }] }],
  events: { emits: ['notification.sent'], receives: [] },
};

describe('validateManifest', () => {
  it('accepts a valid manifest', () => {
    expect(validateManifest(valid)).toEqual([]);
  });

  it('accepts a plugin that contributes data connectors only, built for plugin API 1.1', () => {
    expect(
      validateManifest({
        ...valid,
        compatibility: '^1.1.0',
        services: [],
        connectors: [{ key: 'erp-invoices', name: 'ERP invoices' }],
      }),
    ).toEqual([]);
  });

  it('accepts assets inside the package for plugin API 2, and refuses paths that leave it or an API-1 range', () => {
    expect(
      validateManifest({ ...valid, compatibility: '^2.0.0', assets: ['data/addresses.json', 'README.md'] }),
    ).toEqual([]);
    const problems = validateManifest({
      ...valid,
      compatibility: '^2.0.0',
      assets: ['../secret', '/etc/passwd', 'data//x', 'a\\b', 'data/addresses.json', 'data/addresses.json'],
    });
    expect(problems.map((p) => p.path)).toEqual(['assets.0', 'assets.1', 'assets.2', 'assets.3', 'assets']);
    expect(validateManifest({ ...valid, assets: ['data/a.json'] })).toEqual([
      { path: 'compatibility', message: 'assets need plugin API 2: use a range such as "^2.0.0"' },
    ]);
  });

  it.each([
    ['name', { name: 'Not A Package' }],
    ['version', { version: '^1.0.0' }],
    ['publisher', { publisher: ' ' }],
    ['compatibility', { compatibility: 'whenever' }],
    ['capabilities.2', { capabilities: ['fetch', 'events:emit', 'root'] as never }],
    ['hosts.0', { hosts: ['https://hooks.acme.example/path'] }],
    ['hosts', { hosts: [] }],
    ['services', { services: [] }],
    [
      'services.0.key',
      { services: [{ key: 'Notifications', name: 'N', operations: [{ name: 'send', kind: 'mutation' as const }] }] },
    ],
    ['services.1.key', { services: [valid.services![0]!, valid.services![0]!] }],
    [
      'services.0.operations.1.name',
      {
        services: [
          {
            key: 'n',
            name: 'N',
            operations: [
              { name: 'send', kind: 'mutation' as const },
              { name: 'send', kind: 'query' as const },
            ],
          },
        ],
      },
    ],
    [
      'services.0.operations.0.name',
      { services: [{ key: 'n', name: 'N', operations: [{ name: 'Send-It', kind: 'mutation' as const }] }] },
    ],
    ['events.emits.0', { events: { emits: ['sent'] } }],
    ['capabilities', { capabilities: ['fetch'] as never }],
    ['services', { services: [], connectors: [] }],
    ['connectors.0.key', { compatibility: '^1.1.0', connectors: [{ key: 'ERP_Invoices', name: 'ERP invoices' }] }],
    [
      'connectors.1.key',
      {
        compatibility: '^1.1.0',
        connectors: [
          { key: 'erp', name: 'ERP' },
          { key: 'erp', name: 'ERP again' },
        ],
      },
    ],
    ['connectors.0.name', { compatibility: '^1.1.0', connectors: [{ key: 'erp', name: ' ' }] }],
    ['compatibility', { connectors: [{ key: 'erp', name: 'ERP' }] }],
  ])('names %s when it is wrong', (path, change) => {
    const problems = validateManifest({ ...valid, ...change } as PluginManifest);
    expect(problems.map((p) => p.path)).toContain(path);
    expect(problems.find((p) => p.path === path)!.message.length).toBeGreaterThan(10);
  });
});
