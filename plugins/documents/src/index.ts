/**
 * @packageDocumentation
 * `@maru/plugin-documents` — issues Ed25519-signed certificates, verifies
 * them and revokes them, keeping its signing key in the plugin's kv.
 */
import { definePlugin, defineService } from '@maru/sdk';
import { issue } from './issue.js';
import { revoke } from './revoke.js';
import { verify } from './verify.js';

export { Certificate, CertificatePayload, canonicalJson } from './certificate.js';
export { documentErrors } from './errors.js';
export { InvalidReason } from './verify.js';

export default definePlugin({
  name: '@maru/plugin-documents',
  version: '0.1.0',
  publisher: 'Maru',
  compatibility: '^2.0.0',
  capabilities: ['kv'],
  services: [
    defineService({
      key: 'document-issuance',
      name: 'Document issuance',
      description:
        'Issues signed certificates (business registration proof, residence certificate) that anyone holding one can verify, and revokes them.',
      i18n: {
        ko: {
          name: '증명서 발급',
          description:
            '사업자등록 증명, 주민등록표 등본 같은 전자서명된 증명서를 발급하고 폐기합니다. 증명서를 가진 누구나 진위를 확인할 수 있습니다.',
        },
        en: {
          name: 'Document issuance',
          description:
            'Issues signed certificates (business registration proof, residence certificate) that anyone holding one can verify, and revokes them.',
        },
      },
      category: 'documents',
      operations: { issue, verify, revoke },
    }),
  ],
  // The hub holds what it issues through `issueDocument` for the holder, who then presents it by reference.
  issues: [
    {
      type: 'business-registration',
      name: 'Business registration proof',
      service: 'document-issuance',
      issue: 'issue',
      issueInput: { kind: 'BUSINESS_REGISTRATION_PROOF' },
      verify: 'verify',
      revoke: 'revoke',
    },
    {
      type: 'residence-certificate',
      name: 'Residence certificate',
      service: 'document-issuance',
      issue: 'issue',
      issueInput: { kind: 'RESIDENCE_CERTIFICATE' },
      verify: 'verify',
      revoke: 'revoke',
    },
  ],
});
