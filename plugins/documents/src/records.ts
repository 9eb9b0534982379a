import type { PluginContext } from '@maru/sdk';

/** What the plugin keeps of an issued certificate: enough to revoke it, none of the subject's data. */
export interface CertificateRecord {
  id: string;
  kind: string;
  issuerOrganizationId: string | null;
  issuedAt: string;
  expiresAt: string;
  keyId: string;
}

export interface Revocation {
  id: string;
  revokedAt: string;
  reason: string;
}

/**
 * The plugin's kv, split in two: test certificates (issued with a test key)
 * live under `test:` so that sandbox calls never touch live records.
 */
export function records(ctx: PluginContext, test: boolean) {
  const prefix = test ? 'test:' : '';
  return {
    getCertificate: (id: string) => ctx.kv.get<CertificateRecord>(`${prefix}certificate:${id}`),
    putCertificate: (record: CertificateRecord) => ctx.kv.set(`${prefix}certificate:${record.id}`, record),
    getRevocation: (id: string) => ctx.kv.get<Revocation>(`${prefix}revocation:${id}`),
    putRevocation: (revocation: Revocation) => ctx.kv.set(`${prefix}revocation:${revocation.id}`, revocation),
  };
}
