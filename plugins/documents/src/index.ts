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
          operations: {
            issue:
              '`subject`에게 `kind` 종류의 증명서를 `validityDays`일(1–365일, 기본 90일) 동안 유효하게 발급합니다. Ed25519 서명이 붙은 JSON 문서입니다. 테스트 키로 부르면 공개된 시험용 키로 서명하고 `test: true`가 표시된 견본 증명서를 발급하며, 이 증명서는 테스트 모드에서만 유효합니다.',
            verify:
              '`issue`가 돌려준 증명서를 확인합니다. 플러그인의 키가 바로 이 내용에 서명했는지, 유효기간이 지나지 않았는지, 폐기되지 않았는지 봅니다. `{ valid, reason, message }`로 답하며 `reason`은 유효하지 않을 때만 있습니다. 견본 증명서는 테스트 모드에서만 유효합니다.',
            revoke:
              '호출한 기관이 발급한 증명서를 폐기합니다. 그 뒤로 `verify`는 REVOKED로 답합니다. 이미 폐기한 증명서를 다시 폐기해도 바뀌는 것은 없으며 처음 폐기한 내용으로 답합니다. 테스트 키로는 견본 증명서만 폐기할 수 있습니다.',
          },
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
