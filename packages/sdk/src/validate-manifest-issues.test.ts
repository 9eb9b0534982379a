import { describe, expect, it } from 'vitest';
import type { PluginManifest } from './manifest.js';
import { validateManifest } from './validate-manifest.js';

const issuer: PluginManifest = {
  name: '@acme/maru-certificates',
  version: '1.0.0',
  publisher: 'Acme',
  compatibility: '^2.0.0',
  services: [
    {
      key: 'certificates',
      name: 'Certificates',
      operations: [
        { name: 'issue', kind: 'mutation' },
        { name: 'verify', kind: 'query' },
        { name: 'revoke', kind: 'mutation' },
      ],
    },
  ],
  issues: [
    {
      type: 'business-registration',
      name: 'Business registration',
      service: 'certificates',
      issue: 'issue',
      verify: 'verify',
      revoke: 'revoke',
    },
  ],
};

describe('validateManifest: documents a plugin issues', () => {
  it('accepts a document type whose operations are the service’s, revoke optional', () => {
    expect(validateManifest(issuer)).toEqual([]);
    expect(validateManifest({ ...issuer, issues: [{ ...issuer.issues![0]!, revoke: undefined }] })).toEqual([]);
  });

  it('names each wrong field: type, name, unknown service, missing operation, wrong kind, a type twice', () => {
    const base = issuer.issues![0]!;
    const problems = validateManifest({
      ...issuer,
      issues: [
        { ...base, type: 'Business Registration', name: ' ' },
        { ...base, type: 'tax-payment', service: 'nope' },
        { ...base, type: 'residence', issue: 'verify', verify: 'missing' },
        base,
        base,
      ],
    });
    expect(problems.map((p) => p.path)).toEqual([
      'issues.0.type',
      'issues.0.name',
      'issues.1.service',
      'issues.2.issue',
      'issues.2.verify',
      'issues.4.type',
    ]);
  });
});
