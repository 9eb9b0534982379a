import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { PluginManifest, DocumentTypeManifest } from '@maru/sdk';
import { badInput, forbidden, MaruError, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { requireScope, type OrganizationService, type Viewer } from '../identity/index.js';
import type { DataSubject } from '../data/index.js';
import { readPage, type Page, type PageRequest } from '../store/page.js';
import type { Collection, Store } from '../store/port.js';
import { text, validate } from '../validation.js';
import type { HeldDocument } from './model.js';
import type { WalletPlugins } from './wallet-ports.js';

/** A document type an enabled plugin declares, with the plugin that issues it. */
export interface IssuableType extends DocumentTypeManifest {
  pluginName: string;
}

/** What an issuer's `issue` must answer: the signed document, whatever else it holds. */
const SignedDocument = z.looseObject({
  id: z.string().min(1).max(200),
  payload: z.looseObject({ issuedAt: z.iso.datetime({ offset: true }), expiresAt: z.iso.datetime({ offset: true }) }),
  signature: z.string().min(1).max(2000),
});

/** Keys sorted at every level: the same document always digests the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

const issueArgs = z.object({
  type: text('the document type', 100),
  holderOrganizationId: z.string().nullish(),
  holderSubjectId: text('the subject id', 200).nullish(),
  input: z.record(z.string(), z.unknown()).nullish(),
});

/** The holder an actor is: the viewer's organization, or the person signed in with a subject key. */
export type HolderActor = { viewer: Viewer | null; subject: DataSubject | null };

/**
 * Documents issued through the hub, held for their holders. Issuing and revoking go through the issuing plugin's
 * declared operations as the issuing agency's calls (its grant, quota and metering); the hub keeps the signed result.
 */
export class HeldDocuments {
  readonly #documents: Collection<HeldDocument>;

  constructor(
    store: Store,
    private readonly plugins: WalletPlugins,
    private readonly organizations: OrganizationService,
    private readonly clock: () => number,
  ) {
    this.#documents = store.collection<HeldDocument>('held_documents');
  }

  /** The document types enabled plugins declare, by type. */
  types(): IssuableType[] {
    return this.plugins
      .enabledManifests()
      .flatMap((m: PluginManifest) => (m.issues ?? []).map((d) => ({ ...d, pluginName: m.name })));
  }

  typeOf(type: string): IssuableType | null {
    return this.types().find((t) => t.type === type) ?? null;
  }

  get(id: string): Promise<HeldDocument | null> {
    return this.#documents.findOne({ _id: id });
  }

  /** A document when the actor holds it (a member of the holder organization, or the person), else null. */
  async heldBy(actor: HolderActor, id: string): Promise<HeldDocument | null> {
    const document = await this.get(id);
    return document && isHolder(actor, document) ? document : null;
  }

  /** The actor's held documents, newest first. */
  ofHolder(actor: HolderActor, page: PageRequest): Promise<Page<HeldDocument>> {
    const sort: Array<[string, 1 | -1]> = [['issuedAt', -1]];
    if (actor.subject)
      return readPage(
        this.#documents,
        { holderSubjectId: actor.subject.subjectId, holderAgencyId: actor.subject.agencyId },
        sort,
        page,
      );
    requireScope(actor.viewer, 'READ');
    return readPage(this.#documents, { holderOrganizationId: actor.viewer.organization._id }, sort, page);
  }

  /** Documents the viewer's organization issued, newest first. */
  issuedBy(viewer: Viewer | null, page: PageRequest): Promise<Page<HeldDocument>> {
    requireScope(viewer, 'READ');
    return readPage(this.#documents, { issuerOrganizationId: viewer.organization._id }, [['issuedAt', -1]], page);
  }

  /** Issues a document of a declared type through its plugin, for an organization or a person, and holds it for them. */
  async issue(viewer: Viewer | null, raw: z.input<typeof issueArgs>, requestId: string): Promise<HeldDocument> {
    requireScope(viewer, 'WRITE');
    if (viewer.organization.kind !== 'AGENCY') throw forbidden('Only agencies issue documents.');
    const args = issueArgs.parse(raw);
    const declared = this.typeOf(args.type);
    if (!declared)
      throw badInput(
        'type',
        `\`type\`: no enabled plugin issues "${args.type}"; issue one of ${
          this.types()
            .map((t) => t.type)
            .join(', ') || '(none)'
        }.`,
      );
    if (Boolean(args.holderOrganizationId) === Boolean(args.holderSubjectId))
      throw badInput('holderOrganizationId', 'Name the holder: `holderOrganizationId` or `holderSubjectId`, not both.');
    if (args.holderOrganizationId && !(await this.organizations.get(args.holderOrganizationId)))
      throw notFound('organization', args.holderOrganizationId);
    const output = await this.plugins.call(
      viewer,
      declared.service,
      declared.issue,
      'mutation',
      { ...(args.input ?? {}), ...(declared.issueInput ?? {}) },
      requestId,
    );
    const signed = SignedDocument.safeParse(output);
    if (!signed.success)
      throw new MaruError(
        'PLUGIN_FAILED',
        `The plugin ${declared.pluginName} answered its \`${declared.issue}\` without a signed document ({ id, payload: { issuedAt, expiresAt }, signature }).`,
      );
    const document = signed.data as Record<string, unknown> & z.infer<typeof SignedDocument>;
    const held: HeldDocument = {
      _id: newId(),
      type: declared.type,
      pluginName: declared.pluginName,
      serviceKey: declared.service,
      issuerDocumentId: document.id,
      issuerOrganizationId: viewer.organization._id,
      issuedById: viewer.member._id,
      holderKind: args.holderOrganizationId ? 'ORGANIZATION' : 'PERSON',
      holderOrganizationId: args.holderOrganizationId ?? null,
      holderSubjectId: args.holderSubjectId ?? null,
      holderAgencyId: args.holderSubjectId ? viewer.organization._id : null,
      issuedAt: new Date(document.payload.issuedAt).toISOString(),
      validUntil: new Date(document.payload.expiresAt).toISOString(),
      digest: createHash('sha256').update(canonicalJson(document)).digest('hex'),
      signature: document.signature,
      document,
      test: viewer.apiKey.mode === 'TEST',
      revokedAt: null,
      revocationReason: null,
    };
    await this.#documents.insertOne(held);
    return held;
  }

  /** Revokes a document the viewer's organization issued, through its plugin; later verifications fail. */
  async revoke(viewer: Viewer | null, id: string, reason: string, requestId: string): Promise<HeldDocument> {
    requireScope(viewer, 'WRITE');
    const document = await this.get(id);
    if (!document) throw notFound('held document', id);
    if (document.issuerOrganizationId !== viewer.organization._id)
      throw forbidden('Only the organization that issued a document revokes it.');
    if (document.revokedAt) return document;
    const declared = this.typeOf(document.type);
    if (!declared?.revoke)
      throw badInput(
        'id',
        `Documents of type ${document.type} cannot be revoked through the hub: its issuer declares no revoke.`,
      );
    const why = validate(text('the reason', 500), reason, 'reason');
    await this.plugins.call(
      viewer,
      declared.service,
      declared.revoke,
      'mutation',
      { id: document.issuerDocumentId, reason: why },
      requestId,
    );
    const revoked = { ...document, revokedAt: new Date(this.clock()).toISOString(), revocationReason: why };
    await this.#documents.findOneAndUpdate(
      { _id: id },
      { $set: { revokedAt: revoked.revokedAt, revocationReason: why } },
    );
    return revoked;
  }
}

export function isHolder(actor: HolderActor, document: HeldDocument): boolean {
  if (actor.subject)
    return document.holderSubjectId === actor.subject.subjectId && document.holderAgencyId === actor.subject.agencyId;
  return !!actor.viewer && document.holderOrganizationId === actor.viewer.organization._id;
}
