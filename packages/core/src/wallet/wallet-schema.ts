import { audited } from '../graphql/audited.js';
import { builder } from '../graphql/builder.js';
import { connectionOf, pageArgs, toConnection } from '../graphql/connection.js';
import { encodeGlobalId, parseId, peekId } from '../graphql/global-id.js';
import { loadOrganization } from '../graphql/loaders.js';
import { nodeType } from '../graphql/node.js';
import { ChallengeRef } from '../challenges/index.js';
import { OrganizationRef } from '../identity/index.js';
import type { HubContext } from '../context.js';
import { isHolder, type IssuableType } from './held-documents.js';
import {
  PRESENTATION_PURPOSES,
  type DocumentPresentation,
  type DocumentRequirement,
  type DocumentVerification,
  type HeldDocument,
  type PresentationPurpose,
} from './model.js';

/** The type of the object each purpose presents to, for its global id. */
const TARGET_TYPENAME: Record<PresentationPurpose, string> = {
  SUBMISSION: 'Submission',
  CHALLENGE_ELIGIBILITY: 'Challenge',
  DATA_ACCESS_REQUEST: 'DataAccessRequest',
  SERVICE_ACCESS_REQUEST: 'ServiceGrant',
};

const actorOf = (ctx: HubContext) => ({ viewer: ctx.viewer, subject: ctx.subject });
const issuedByViewer = (ctx: HubContext, d: HeldDocument) => ctx.viewer?.organization._id === d.issuerOrganizationId;

const PurposeEnum = builder.enumType('DocumentPresentationPurpose', { values: PRESENTATION_PURPOSES });

const DocumentTypeRef = builder.objectRef<IssuableType>('DocumentType').implement({
  description: 'A kind of document an enabled plugin issues through the hub, which holders present by reference.',
  fields: (t) => ({
    type: t.exposeString('type', { description: 'e.g. `business-registration`: what challenges require.' }),
    name: t.exposeString('name'),
    plugin: t.exposeString('pluginName'),
    service: t.exposeString('service'),
  }),
});

const RequirementRef = builder.objectRef<DocumentRequirement>('DocumentRequirement').implement({
  description: 'A document a challenge requires: of this type, issued at most `maxAgeDays` before it is presented.',
  fields: (t) => ({
    type: t.exposeString('type'),
    maxAgeDays: t.exposeInt('maxAgeDays', { nullable: true }),
  }),
});

const VerificationRef = builder.objectRef<DocumentVerification>('DocumentVerification').implement({
  description: "A receiving organization's check of a presented document, as its issuer answered.",
  fields: (t) => ({
    at: t.field({ type: 'DateTime', resolve: (v) => v.at }),
    valid: t.exposeBoolean('valid'),
    reason: t.exposeString('reason', {
      nullable: true,
      description: "The issuer's reason when not valid, e.g. REVOKED, EXPIRED, SIGNATURE_INVALID.",
    }),
    message: t.exposeString('message'),
    verifierOrganization: t.field({
      type: OrganizationRef,
      nullable: true,
      resolve: (v, _a, ctx) => loadOrganization(ctx, v.verifierOrganizationId),
    }),
  }),
});

export const HeldDocumentRef = nodeType<HeldDocument>('HeldDocument', {
  description:
    'A document issued through the hub, held for its holder (an organization or a person), who presents it by ' +
    'reference. Visible to its holder and its issuer.',
  load: async (id, ctx) => {
    const document = await ctx.services.wallet.documents.get(id);
    return document && (isHolder(actorOf(ctx), document) || issuedByViewer(ctx, document)) ? document : null;
  },
});
const HeldDocumentConnection = connectionOf(HeldDocumentRef, 'HeldDocument');

export const PresentationRef = nodeType<DocumentPresentation>('DocumentPresentation', {
  description:
    "A held document presented by reference, with the holder's consent, to the organization that receives the " +
    'submission, challenge entry, data or service access request (a person: a data access request about their data). ' +
    'Visible to the holder and the receiver.',
  load: async (id, ctx) => {
    const presentation = await ctx.services.wallet.presentations.get(id);
    if (!presentation) return null;
    if (ctx.services.wallet.presentations.receives(ctx.viewer, presentation)) return presentation;
    // The holder: a member of the holder organization, or the person with their subject key.
    const document = await ctx.services.wallet.documents.get(presentation.documentId);
    return document && isHolder(actorOf(ctx), document) ? presentation : null;
  },
});
const PresentationConnection = connectionOf(PresentationRef, 'DocumentPresentation');

builder.objectFields(HeldDocumentRef, (t) => ({
  type: t.exposeString('type'),
  typeName: t.string({ resolve: (d, _a, ctx) => ctx.services.wallet.documents.typeOf(d.type)?.name ?? d.type }),
  issuerPlugin: t.exposeString('pluginName'),
  issuerOrganization: t.field({
    type: OrganizationRef,
    nullable: true,
    resolve: (d, _a, ctx) => loadOrganization(ctx, d.issuerOrganizationId),
  }),
  holderOrganization: t.field({
    type: OrganizationRef,
    nullable: true,
    resolve: (d, _a, ctx) => (d.holderOrganizationId ? loadOrganization(ctx, d.holderOrganizationId) : null),
  }),
  holderSubjectId: t.exposeString('holderSubjectId', { nullable: true, description: 'A person holder’s subject id.' }),
  issuerDocumentId: t.exposeString('issuerDocumentId', { description: "The document's id at its issuer." }),
  issuedAt: t.field({ type: 'DateTime', resolve: (d) => d.issuedAt }),
  validUntil: t.field({ type: 'DateTime', resolve: (d) => d.validUntil }),
  status: t.string({
    description: 'VALID, EXPIRED or REVOKED, as the hub knows it; `verifyDocumentPresentation` asks the issuer.',
    resolve: (d, _a, ctx) =>
      d.revokedAt ? 'REVOKED' : Date.parse(d.validUntil) <= ctx.services.clock() ? 'EXPIRED' : 'VALID',
  }),
  revokedAt: t.field({ type: 'DateTime', nullable: true, resolve: (d) => d.revokedAt }),
  revocationReason: t.exposeString('revocationReason', { nullable: true }),
  test: t.exposeBoolean('test', { description: 'Issued with a test key: valid only in test mode.' }),
  digest: t.exposeString('digest', { description: 'sha256 (hex) of the canonical JSON of the signed document.' }),
  signature: t.exposeString('signature'),
  content: t.field({
    type: 'JSON',
    description: 'The signed document, as its issuer issued it.',
    resolve: (d) => d.document,
  }),
  presentations: t.field({
    type: PresentationConnection,
    description: 'Who this document was presented to, when, and each check of it, newest first. The holder only.',
    args: pageArgs,
    resolve: (d, args, ctx) =>
      toConnection(args, async (page) =>
        // The issuer sees the document, not where its holder took it.
        isHolder(actorOf(ctx), d)
          ? ctx.services.wallet.presentations.ofDocument(d, page)
          : { items: [], hasNextPage: false, endCursor: null, totalCount: async () => 0 },
      ),
  }),
}));

builder.objectFields(PresentationRef, (t) => ({
  purpose: t.field({ type: PurposeEnum, resolve: (p) => p.purpose }),
  targetId: t.string({
    description: 'Global id of the submission, challenge, data access request or service grant.',
    resolve: (p) => encodeGlobalId(TARGET_TYPENAME[p.purpose], p.targetId),
  }),
  documentType: t.exposeString('documentType'),
  document: t.field({
    type: HeldDocumentRef,
    nullable: true,
    description: 'The held document; the receiver reads it through `verifyDocumentPresentation`.',
    resolve: async (p, _a, ctx) => {
      const document = await ctx.services.wallet.documents.get(p.documentId);
      return document && isHolder(actorOf(ctx), document) ? document : null;
    },
  }),
  holderOrganization: t.field({
    type: OrganizationRef,
    nullable: true,
    resolve: (p, _a, ctx) => (p.holderOrganizationId ? loadOrganization(ctx, p.holderOrganizationId) : null),
  }),
  recipientOrganization: t.field({
    type: OrganizationRef,
    nullable: true,
    description: 'Null when platform admins receive it (service access requests).',
    resolve: (p, _a, ctx) => (p.recipientOrganizationId ? loadOrganization(ctx, p.recipientOrganizationId) : null),
  }),
  presentedById: t.string({
    nullable: true,
    description: 'The member who presented it for their organization; null when a person presented their own.',
    resolve: (p) => (p.presentedById ? encodeGlobalId('Member', p.presentedById) : null),
  }),
  holderSubjectId: t.exposeString('holderSubjectId', { nullable: true, description: 'A person holder’s subject id.' }),
  consentedAt: t.field({ type: 'DateTime', resolve: (p) => p.consentedAt }),
  presentedAt: t.field({ type: 'DateTime', resolve: (p) => p.presentedAt }),
  latestVerification: t.field({
    type: VerificationRef,
    nullable: true,
    description: "The receiver's latest check of the document, if any (a list's cost without nesting `verifications`).",
    resolve: async (p, _a, ctx) => (await ctx.services.wallet.presentations.verificationsOf(p))[0] ?? null,
  }),
  verifications: t.field({
    type: [VerificationRef],
    description: 'Each check of the document by the receiver, newest first.',
    resolve: (p, _a, ctx) => ctx.services.wallet.presentations.verificationsOf(p),
  }),
}));

builder.objectFields(ChallengeRef, (t) => ({
  requiredDocuments: t.field({
    type: [RequirementRef],
    description:
      'Documents an entrant presents by reference to be eligible (`presentDocument`, CHALLENGE_ELIGIBILITY).',
    resolve: (c, _a, ctx) => ctx.services.wallet.requirements.of(c._id),
  }),
  unmetDocumentRequirements: t.field({
    type: [RequirementRef],
    description: "The required documents the viewer's organization has not presented yet (valid and recent enough).",
    resolve: (c, _a, ctx) => ctx.services.wallet.presentations.unmetFor(ctx.viewer, c._id),
  }),
}));

builder.queryFields((t) => ({
  documentTypes: t.field({
    type: [DocumentTypeRef],
    description: 'The document types enabled plugins issue.',
    resolve: (_r, _a, ctx) => ctx.services.wallet.documents.types(),
  }),
  heldDocuments: t.field({
    type: HeldDocumentConnection,
    description:
      "Documents held for you, newest first: your organization's (API key or session), or yours as a person (subject key).",
    args: pageArgs,
    resolve: (_r, args, ctx) =>
      toConnection(args, (page) => ctx.services.wallet.documents.ofHolder(actorOf(ctx), page)),
  }),
  issuedDocuments: t.field({
    type: HeldDocumentConnection,
    description: 'Documents your organization issued through the hub, newest first.',
    args: pageArgs,
    resolve: (_r, args, ctx) => toConnection(args, (page) => ctx.services.wallet.documents.issuedBy(ctx.viewer, page)),
  }),
  receivedDocumentPresentations: t.field({
    type: PresentationConnection,
    description: 'Documents presented to your organization for a submission, challenge or access request.',
    args: { ...pageArgs, targetId: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) =>
      toConnection(args, (page) =>
        ctx.services.wallet.presentations.receivedFor(ctx.viewer, peekId(String(args.targetId)) ?? '', page),
      ),
  }),
}));

const IssueDocumentInput = builder.inputType('IssueDocumentInput', {
  fields: (t) => ({
    type: t.string({ required: true, description: 'A type from `documentTypes`, e.g. `business-registration`.' }),
    holderOrganizationId: t.id({ required: false, description: 'The organization it is for; or holderSubjectId.' }),
    holderSubjectId: t.string({ required: false, description: "A person: their subject id in your agency's data." }),
    input: t.field({ type: 'JSON', required: false, description: "The issuer's input, e.g. `{ subject: {…} }`." }),
  }),
});
const PresentDocumentInput = builder.inputType('PresentDocumentInput', {
  fields: (t) => ({
    documentId: t.id({ required: true }),
    purpose: t.field({ type: PurposeEnum, required: true }),
    targetId: t.id({ required: true, description: 'The submission, challenge, data access request or service grant.' }),
    consent: t.boolean({
      required: true,
      description:
        'You agree (for yourself, or for your organization) that the receiving organization reads and verifies the document.',
    }),
  }),
});
const RequirementInput = builder.inputType('DocumentRequirementInput', {
  fields: (t) => ({ type: t.string({ required: true }), maxAgeDays: t.int({ required: false }) }),
});

const DocumentPayload = builder.objectRef<{ document: HeldDocument }>('HeldDocumentPayload').implement({
  fields: (t) => ({ document: t.field({ type: HeldDocumentRef, resolve: (p) => p.document }) }),
});
const PresentationPayload = builder
  .objectRef<{ presentation: DocumentPresentation }>('DocumentPresentationPayload')
  .implement({
    fields: (t) => ({ presentation: t.field({ type: PresentationRef, resolve: (p) => p.presentation }) }),
  });
type Checked = Awaited<ReturnType<HubContext['services']['wallet']['presentations']['verify']>>;
const VerificationPayload = builder.objectRef<Checked>('DocumentVerificationPayload').implement({
  description: 'The issuer’s answer on a presented document, and the document as issued.',
  fields: (t) => ({
    valid: t.boolean({ resolve: (r) => r.verification.valid }),
    reason: t.string({ nullable: true, resolve: (r) => r.verification.reason }),
    message: t.string({ resolve: (r) => r.verification.message }),
    documentType: t.string({ resolve: (r) => r.document.type }),
    issuerPlugin: t.string({ resolve: (r) => r.document.pluginName }),
    issuerOrganization: t.field({
      type: OrganizationRef,
      nullable: true,
      resolve: (r, _a, ctx) => loadOrganization(ctx, r.document.issuerOrganizationId),
    }),
    issuedAt: t.field({ type: 'DateTime', resolve: (r) => r.document.issuedAt }),
    validUntil: t.field({ type: 'DateTime', resolve: (r) => r.document.validUntil }),
    digest: t.string({ resolve: (r) => r.document.digest }),
    content: t.field({ type: 'JSON', resolve: (r) => r.document.document }),
    presentation: t.field({ type: PresentationRef, resolve: (r) => r.presentation }),
  }),
});

builder.mutationFields((t) => ({
  issueDocument: t.field({
    type: DocumentPayload,
    description:
      "Issue a document through the plugin that declares its type, as your agency's call to that plugin's service " +
      '(your grant); the hub holds it for the holder, who presents it by reference.',
    args: { input: t.arg({ type: IssueDocumentInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      audited(
        ctx,
        'document.issue',
        { organizationId: ctx.viewer?.organization._id ?? null },
        async () => ({
          document: await ctx.services.wallet.documents.issue(
            ctx.viewer,
            {
              type: input.type,
              holderOrganizationId: input.holderOrganizationId
                ? parseId(String(input.holderOrganizationId), 'Organization', 'input.holderOrganizationId')
                : null,
              holderSubjectId: input.holderSubjectId ?? null,
              input: (input.input ?? null) as Record<string, unknown> | null,
            },
            ctx.requestId,
          ),
        }),
        ({ document }) => ({ targetId: document._id }),
      ),
  }),
  revokeHeldDocument: t.field({
    type: DocumentPayload,
    description: 'Revoke a document your organization issued, through its issuer: later verifications fail.',
    args: { id: t.arg.id({ required: true }), reason: t.arg.string({ required: true }) },
    resolve: (_r, args, ctx) =>
      audited(ctx, 'document.revoke', { targetId: peekId(String(args.id)) }, async () => ({
        document: await ctx.services.wallet.documents.revoke(
          ctx.viewer,
          parseId(String(args.id), 'HeldDocument'),
          args.reason,
          ctx.requestId,
        ),
      })),
  }),
  presentDocument: t.field({
    type: PresentationPayload,
    description:
      'Present a document your organization holds, by reference, to the organization receiving a submission, ' +
      'challenge entry, data or service access request, with your explicit consent. A person with their subject key ' +
      'presents their own document to a data access request about their data (one their consent in force covers). ' +
      'It is logged for the holder.',
    args: { input: t.arg({ type: PresentDocumentInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      audited(
        ctx,
        'document.present',
        { targetId: peekId(String(input.documentId)), organizationId: ctx.viewer?.organization._id ?? null },
        async () => ({
          presentation: await ctx.services.wallet.presentations.present(actorOf(ctx), {
            documentId: parseId(String(input.documentId), 'HeldDocument', 'input.documentId'),
            purpose: input.purpose,
            targetId: parseId(String(input.targetId), TARGET_TYPENAME[input.purpose], 'input.targetId'),
            consent: input.consent,
          }),
        }),
      ),
  }),
  verifyDocumentPresentation: t.field({
    type: VerificationPayload,
    description:
      'Check a document presented to your organization with its issuer (signature, validity, revocation), through the hub. The check is logged for the holder.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) =>
      audited(
        ctx,
        'document.verify',
        { targetId: peekId(String(args.id)) },
        () =>
          ctx.services.wallet.presentations.verify(
            ctx.viewer,
            parseId(String(args.id), 'DocumentPresentation'),
            ctx.requestId,
          ),
        (r) => ({ organizationId: r.document.holderOrganizationId }),
      ),
  }),
  setChallengeRequiredDocuments: t.field({
    type: ChallengeRef,
    description: 'Set the documents entrants present to be eligible (challenge managers); an empty list requires none.',
    args: {
      challengeId: t.arg.id({ required: true }),
      requiredDocuments: t.arg({ type: [RequirementInput], required: true }),
    },
    resolve: (_r, args, ctx) =>
      audited(ctx, 'challenge.requiredDocuments', { targetId: peekId(String(args.challengeId)) }, async () => {
        const id = parseId(String(args.challengeId), 'Challenge', 'challengeId');
        await ctx.services.wallet.requirements.set(ctx.viewer, id, args.requiredDocuments);
        return (await ctx.services.challenges.get(id))!;
      }),
  }),
}));
