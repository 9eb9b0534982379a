import { z } from 'zod';
import { badInput, forbidden, MaruError, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { isPlatformAdmin, requireScope, type Viewer } from '../identity/index.js';
import { readPage, type Page, type PageRequest } from '../store/page.js';
import type { Collection, Store } from '../store/port.js';
import type { DataSubject } from '../data/index.js';
import type { HeldDocuments, HolderActor } from './held-documents.js';
import type {
  DocumentPresentation,
  DocumentRequirement,
  DocumentVerification,
  HeldDocument,
  PresentationPurpose,
} from './model.js';
import type { Requirements } from './requirements.js';
import type { PresentationTargets, WalletPlugins } from './wallet-ports.js';

const DAY_MS = 86_400_000;

/** What the issuer's `verify` answers. */
const VerifyAnswer = z.looseObject({ valid: z.boolean(), reason: z.string().optional(), message: z.string() });

export interface PresentInput {
  documentId: string;
  purpose: PresentationPurpose;
  targetId: string;
  /** The holder's explicit consent: the person's own, or the presenting member's on the organization's behalf. */
  consent: boolean;
}

export interface VerificationResult {
  presentation: DocumentPresentation;
  document: HeldDocument;
  verification: DocumentVerification;
}

/**
 * Presentations of held documents, by reference: the holder consents and names where the document goes; only the
 * receiving organization reads it then, and checks it with its issuer through the hub. Holders see every presentation
 * and every check of their documents.
 */
export class Presentations {
  readonly #presentations: Collection<DocumentPresentation>;
  readonly #verifications: Collection<DocumentVerification>;

  constructor(
    store: Store,
    private readonly documents: HeldDocuments,
    private readonly requirements: Requirements,
    private readonly targets: PresentationTargets,
    private readonly plugins: WalletPlugins,
    private readonly clock: () => number,
  ) {
    this.#presentations = store.collection<DocumentPresentation>('document_presentations');
    this.#verifications = store.collection<DocumentVerification>('document_verifications');
  }

  get(id: string): Promise<DocumentPresentation | null> {
    return this.#presentations.findOne({ _id: id });
  }

  /**
   * Presents a held document to a submission's, challenge's, data or service access request's receiving organization:
   * a member for their organization, or a person with their subject key (`Bearer msk_…`) for themselves.
   */
  async present(actor: HolderActor, input: PresentInput): Promise<DocumentPresentation> {
    const { viewer, subject } = actor;
    if (!subject) requireScope(viewer, 'WRITE');
    const document = await this.documents.heldBy(actor, input.documentId);
    if (!document)
      throw new MaruError(
        'DOCUMENT_NOT_HELD',
        `${subject ? 'You hold' : 'Your organization holds'} no document with id "${input.documentId}"; present one listed in \`heldDocuments\`.`,
        { field: 'documentId' },
      );
    if (!input.consent)
      throw new MaruError(
        'DOCUMENT_CONSENT_REQUIRED',
        subject
          ? 'Presenting a document shares it with the receiving organization: set `consent: true` to agree.'
          : 'Presenting a document shares it with the receiving organization: set `consent: true` to agree on your organization’s behalf.',
        { field: 'consent' },
      );
    const now = this.clock();
    assertUsable(document, now);
    const { recipientOrganizationId, required } = subject
      ? await this.recipientForPerson(subject, input.purpose, input.targetId)
      : await this.recipientOf(viewer!, input.purpose, input.targetId);
    if (required) assertMeets(document, required, now);
    const at = new Date(now).toISOString();
    const presentation: DocumentPresentation = {
      _id: newId(),
      documentId: document._id,
      documentType: document.type,
      holderOrganizationId: document.holderOrganizationId,
      holderSubjectId: document.holderSubjectId,
      presentedById: subject ? null : viewer!.member._id,
      presentedWithSubjectKeyId: subject ? subject.keyId : null,
      consentedAt: at,
      purpose: input.purpose,
      targetId: input.targetId,
      recipientOrganizationId,
      presentedAt: at,
    };
    await this.#presentations.insertOne(presentation);
    return presentation;
  }

  /**
   * Who receives a person's presentation. A person submits nothing, enters no challenge and holds no service grant:
   * what they present to is a data access request about their own data — one whose reads show their personal fields
   * because they consented (a consent in force for the request's connection, requester and purpose), in the data
   * their subject key reaches. The agency deciding the request receives it. Any other request is not found to them.
   */
  private async recipientForPerson(
    subject: DataSubject,
    purpose: PresentationPurpose,
    targetId: string,
  ): Promise<{ recipientOrganizationId: string; required: null }> {
    if (purpose !== 'DATA_ACCESS_REQUEST')
      throw badInput(
        'purpose',
        'A person presents documents to a data access request about their own data: use purpose DATA_ACCESS_REQUEST.',
      );
    const request = await this.targets.accessRequests.get(targetId);
    const missing = () => notFound('data access request', targetId);
    if (!request || !(await this.targets.consents.subjectScope(subject)).includes(request.ownerAgencyId))
      throw missing();
    const consents = await this.targets.consents.inForce(request.connectionId, request.requester, request.purpose, [
      subject.subjectId,
    ]);
    if (!consents.has(subject.subjectId)) throw missing();
    return { recipientOrganizationId: request.ownerAgencyId, required: null };
  }

  /**
   * Who receives a presentation to this target, and which requirement the document must meet (challenges that
   * declare required documents). The target must be the holder's own: its submission, its access request.
   */
  private async recipientOf(
    viewer: Viewer,
    purpose: PresentationPurpose,
    targetId: string,
  ): Promise<{ recipientOrganizationId: string | null; required: DocumentRequirement[] | null }> {
    const own = viewer.organization._id;
    const missing = () => notFound(purpose.toLowerCase().replaceAll('_', ' '), targetId);
    switch (purpose) {
      case 'SUBMISSION': {
        const submission = await this.targets.submissions.visibleTo(viewer, targetId);
        if (!submission || submission.organizationId !== own) throw missing();
        const required = await this.requirements.of(submission.challengeId);
        return { recipientOrganizationId: submission.agencyId, required: required.length ? required : null };
      }
      case 'CHALLENGE_ELIGIBILITY': {
        const challenge = await this.targets.challenges.get(targetId);
        if (!challenge || challenge.status === 'DRAFT') throw missing();
        return { recipientOrganizationId: challenge.agencyId, required: await this.requirements.of(challenge._id) };
      }
      case 'DATA_ACCESS_REQUEST': {
        const request = await this.targets.accessRequests.get(targetId);
        if (!request || request.requester.organizationId !== own) throw missing();
        return { recipientOrganizationId: request.ownerAgencyId, required: null };
      }
      case 'SERVICE_ACCESS_REQUEST': {
        const grant = await this.targets.catalogue.grant(targetId);
        if (!grant || grant.consumerOrganizationId !== own) throw missing();
        return { recipientOrganizationId: null, required: null };
      }
    }
  }

  /** Whether the viewer receives the presentation: a member of the receiving organization, or a platform admin. */
  receives(viewer: Viewer | null, presentation: DocumentPresentation): boolean {
    if (!viewer) return false;
    if (isPlatformAdmin(viewer)) return true;
    return presentation.recipientOrganizationId === viewer.organization._id;
  }

  /** The presentations the viewer's organization received for a target, newest first. */
  receivedFor(viewer: Viewer | null, targetId: string, page: PageRequest): Promise<Page<DocumentPresentation>> {
    requireScope(viewer, 'READ');
    const filter = isPlatformAdmin(viewer)
      ? { targetId }
      : { targetId, recipientOrganizationId: viewer.organization._id };
    return readPage(this.#presentations, filter, [['presentedAt', -1]], page);
  }

  /**
   * Which of a challenge's required documents the viewer's organization has not yet presented (valid, recent enough).
   */
  async unmetFor(viewer: Viewer | null, challengeId: string): Promise<DocumentRequirement[]> {
    const required = await this.requirements.of(challengeId);
    if (!viewer || required.length === 0) return required;
    const presentations = await this.#presentations.find(
      { targetId: challengeId, holderOrganizationId: viewer.organization._id },
      { sort: [['presentedAt', -1]], limit: 100 },
    );
    const presented = [];
    for (const presentation of presentations) {
      const document = await this.documents.get(presentation.documentId);
      if (document) presented.push({ presentation, document });
    }
    return unmetRequirements(required, presented, this.clock());
  }

  /** A document's presentations, newest first: the holder's log of who received it. */
  ofDocument(document: HeldDocument, page: PageRequest): Promise<Page<DocumentPresentation>> {
    return readPage(this.#presentations, { documentId: document._id }, [['presentedAt', -1]], page);
  }

  /** A presentation's checks, newest first (the latest 100). */
  verificationsOf(presentation: DocumentPresentation): Promise<DocumentVerification[]> {
    return this.#verifications.find(
      { presentationId: presentation._id },
      {
        sort: [
          ['at', -1],
          ['_id', -1],
        ],
        limit: 100,
      },
    );
  }

  /**
   * The receiving organization checks a presented document with its issuer, through the hub: the issuer's `verify`
   * (signature, validity, revocation) runs in its sandbox on the document the hub holds; the holder uploads nothing.
   * Every check is logged for the holder.
   */
  async verify(viewer: Viewer | null, presentationId: string, requestId: string): Promise<VerificationResult> {
    requireScope(viewer, 'READ');
    const presentation = await this.get(presentationId);
    if (!presentation) throw notFound('document presentation', presentationId);
    if (!this.receives(viewer, presentation))
      throw forbidden('Only the organization the document was presented to reads and verifies it.');
    const document = await this.documents.get(presentation.documentId);
    if (!document) throw notFound('held document', presentation.documentId);
    const declared = this.documents.typeOf(document.type);
    let answer: z.infer<typeof VerifyAnswer>;
    if (!declared || declared.pluginName !== document.pluginName) {
      answer = {
        valid: false,
        reason: 'ISSUER_UNAVAILABLE',
        message: `No enabled plugin issues ${document.type} now.`,
      };
    } else {
      const output = await this.plugins.callIssuer(
        document.pluginName,
        declared.service,
        declared.verify,
        { certificate: document.document },
        { organizationId: viewer.organization._id },
        document.test ? 'test' : 'live',
        requestId,
      );
      const parsed = VerifyAnswer.safeParse(output);
      if (!parsed.success)
        throw new MaruError(
          'PLUGIN_FAILED',
          `The plugin ${document.pluginName} answered \`${declared.verify}\` without { valid, message }.`,
        );
      answer = parsed.data;
    }
    // The hub's own record of a revocation holds even if the issuer's answer does not say so.
    if (answer.valid && document.revokedAt)
      answer = { valid: false, reason: 'REVOKED', message: `The document was revoked at ${document.revokedAt}.` };
    const verification: DocumentVerification = {
      _id: newId(),
      presentationId: presentation._id,
      documentId: document._id,
      holderOrganizationId: document.holderOrganizationId,
      holderSubjectId: document.holderSubjectId,
      verifiedById: viewer.member._id,
      verifierOrganizationId: viewer.organization._id,
      at: new Date(this.clock()).toISOString(),
      valid: answer.valid,
      reason: answer.valid ? null : (answer.reason ?? 'INVALID'),
      message: answer.message,
    };
    await this.#verifications.insertOne(verification);
    return { presentation, document, verification };
  }
}

function assertUsable(document: HeldDocument, now: number): void {
  if (document.revokedAt)
    throw new MaruError(
      'DOCUMENT_REVOKED',
      `The document was revoked by its issuer at ${document.revokedAt}: ${document.revocationReason ?? ''}; ask the issuer for a new one.`,
      { field: 'documentId' },
    );
  if (Date.parse(document.validUntil) <= now)
    throw new MaruError(
      'DOCUMENT_EXPIRED',
      `The document expired at ${document.validUntil}; ask the issuer for a new one.`,
      { field: 'documentId' },
    );
}

function assertMeets(document: HeldDocument, required: DocumentRequirement[], now: number): void {
  const requirement = required.find((r) => r.type === document.type);
  if (!requirement)
    throw new MaruError(
      'DOCUMENT_WRONG_TYPE',
      `This is a ${document.type} document; the challenge asks for ${required.map((r) => r.type).join(', ') || 'no document'}.`,
      { field: 'documentId' },
    );
  if (requirement.maxAgeDays !== null && Date.parse(document.issuedAt) < now - requirement.maxAgeDays * DAY_MS)
    throw new MaruError(
      'DOCUMENT_TOO_OLD',
      `The document was issued at ${document.issuedAt}; the challenge asks for one issued within ${requirement.maxAgeDays} days. Ask the issuer for a new one.`,
      { field: 'documentId' },
    );
}

/** Whether an organization presented, to a challenge, documents meeting each requirement (its eligibility). */
export function unmetRequirements(
  required: DocumentRequirement[],
  presented: Array<{ presentation: DocumentPresentation; document: HeldDocument }>,
  now: number,
): DocumentRequirement[] {
  return required.filter(
    (r) =>
      !presented.some(
        ({ document }) =>
          document.type === r.type &&
          !document.revokedAt &&
          Date.parse(document.validUntil) > now &&
          (r.maxAgeDays === null || Date.parse(document.issuedAt) >= now - r.maxAgeDays * DAY_MS),
      ),
  );
}
