import type { CollectionSpec } from '../store/port.js';

/** Whom a held document is for: an organization, or a person known to an agency by a subject id. */
export type HolderKind = 'ORGANIZATION' | 'PERSON';

/**
 * A document issued through the hub by a plugin that declares it issues documents, held for its holder, who presents
 * it by reference instead of uploading it again. The signed document is kept whole: the hub hands it to the issuer's
 * `verify` when a receiving agency checks it.
 */
export interface HeldDocument {
  _id: string;
  /** The document type as the issuing plugin declares it, e.g. `business-registration`. */
  type: string;
  pluginName: string;
  serviceKey: string;
  /** The document's own id, as its issuer knows it (the certificate's id). */
  issuerDocumentId: string;
  issuerOrganizationId: string;
  issuedById: string;
  holderKind: HolderKind;
  holderOrganizationId: string | null;
  /** A person: their id in the issuing agency's data, reached with a subject key that agency issued. */
  holderSubjectId: string | null;
  holderAgencyId: string | null;
  issuedAt: string;
  validUntil: string;
  /** sha256 (hex) of the canonical JSON of the whole signed document. */
  digest: string;
  signature: string;
  document: Record<string, unknown>;
  /** Issued with a test key: verifies only in test mode. */
  test: boolean;
  revokedAt: string | null;
  revocationReason: string | null;
}

export const PRESENTATION_PURPOSES = [
  'SUBMISSION',
  'CHALLENGE_ELIGIBILITY',
  'DATA_ACCESS_REQUEST',
  'SERVICE_ACCESS_REQUEST',
] as const;
export type PresentationPurpose = (typeof PRESENTATION_PURPOSES)[number];

/** One presentation of a held document to a receiving organization, with the holder's consent. */
export interface DocumentPresentation {
  _id: string;
  documentId: string;
  documentType: string;
  holderOrganizationId: string | null;
  holderSubjectId: string | null;
  /** The member of the holder organization who consented and presented it; null when a person presented their own. */
  presentedById: string | null;
  /** The subject key a person presented their own document with; null for members. Absent on older presentations. */
  presentedWithSubjectKeyId?: string | null;
  consentedAt: string;
  purpose: PresentationPurpose;
  /** The submission, challenge, data access request or service grant it was presented to. */
  targetId: string;
  /** Who may read and verify it; null for service access requests, which platform admins decide. */
  recipientOrganizationId: string | null;
  presentedAt: string;
}

/** A receiving organization's check of a presented document, as the issuer answered it. */
export interface DocumentVerification {
  _id: string;
  presentationId: string;
  documentId: string;
  holderOrganizationId: string | null;
  holderSubjectId: string | null;
  verifiedById: string;
  verifierOrganizationId: string;
  at: string;
  valid: boolean;
  reason: string | null;
  message: string;
}

/** A challenge's eligibility requirement: documents of these types, issued within `maxAgeDays`. */
export interface DocumentRequirement {
  type: string;
  maxAgeDays: number | null;
}

export interface ChallengeDocumentRequirements {
  /** The challenge's id. */
  _id: string;
  agencyId: string;
  requiredDocuments: DocumentRequirement[];
  updatedAt: string;
}

export const walletCollections: CollectionSpec[] = [
  {
    name: 'held_documents',
    indexes: [
      {
        name: 'byHolderOrganization',
        keys: [
          ['holderOrganizationId', 1],
          ['issuedAt', -1],
          ['_id', -1],
        ],
      },
      {
        name: 'byHolderSubject',
        keys: [
          ['holderSubjectId', 1],
          ['issuedAt', -1],
          ['_id', -1],
        ],
      },
      { name: 'byIssuerDocument', keys: [['issuerDocumentId', 1]] },
    ],
  },
  {
    name: 'document_presentations',
    indexes: [
      {
        name: 'byDocument',
        keys: [
          ['documentId', 1],
          ['presentedAt', -1],
          ['_id', -1],
        ],
      },
      {
        name: 'byTarget',
        keys: [
          ['targetId', 1],
          ['presentedAt', -1],
          ['_id', -1],
        ],
      },
    ],
  },
  {
    name: 'document_verifications',
    indexes: [
      {
        name: 'byPresentation',
        keys: [
          ['presentationId', 1],
          ['at', -1],
          ['_id', -1],
        ],
      },
    ],
  },
  { name: 'document_requirements', indexes: [] },
];
