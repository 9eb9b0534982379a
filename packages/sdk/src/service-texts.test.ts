import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineOperation, definePlugin, defineService } from './define-plugin.js';
import type { PluginManifest, ServiceManifest } from './manifest.js';
import { validateManifest } from './validate-manifest.js';

const lookup = defineOperation({
  kind: 'query',
  input: z.object({ q: z.string() }),
  output: z.object({ found: z.boolean() }),
  handler: () => ({ found: true }),
});

const withTexts = (i18n: unknown): PluginManifest => ({
  name: '@acme/maru-address',
  version: '1.0.0',
  publisher: 'Acme',
  compatibility: '^2.0.0',
  services: [
    {
      key: 'address-lookup',
      name: 'Address lookup',
      i18n: i18n as ServiceManifest['i18n'],
      operations: [{ name: 'lookup', kind: 'query' }],
    },
  ],
});

describe('a service in several languages', () => {
  it('carries its Korean and English texts into the manifest', () => {
    const plugin = definePlugin({
      name: '@acme/maru-address',
      version: '1.0.0',
      publisher: 'Acme',
      compatibility: '^2.0.0',
      services: [
        defineService({
          key: 'address-lookup',
          name: 'Address lookup',
          description: 'Find addresses.',
          i18n: {
            ko: { name: '주소 검색', description: '주소를 찾습니다.', operations: { lookup: '한 주소를 찾습니다.' } },
            en: { name: 'Address lookup' },
          },
          operations: { lookup },
        }),
      ],
    });
    const service = plugin.manifest.services?.[0];
    expect(service?.i18n).toEqual({
      ko: { name: '주소 검색', description: '주소를 찾습니다.', operations: { lookup: '한 주소를 찾습니다.' } },
      en: { name: 'Address lookup' },
    });
    expect(JSON.parse(JSON.stringify(plugin.manifest))).toEqual(plugin.manifest);
    expect(validateManifest(plugin.manifest)).toEqual([]);
  });

  it('leaves i18n out of the manifest when a service has only plain texts (the manifest is what it was)', () => {
    const plugin = definePlugin({
      name: '@acme/maru-plain',
      version: '1.0.0',
      publisher: 'Acme',
      compatibility: '^2.0.0',
      services: [defineService({ key: 'plain', name: 'Plain', operations: { lookup } })],
    });
    expect(plugin.manifest.services?.[0]).not.toHaveProperty('i18n');
  });

  it('names a wrong language tag or an empty text', () => {
    const problems = validateManifest(withTexts({ Korean: { name: '주소' }, ko: { name: ' ' }, en: 'Address' }));
    expect(problems.map((problem) => problem.path)).toEqual([
      'services.0.i18n.Korean',
      'services.0.i18n.ko.name',
      'services.0.i18n.en',
    ]);
  });
});
