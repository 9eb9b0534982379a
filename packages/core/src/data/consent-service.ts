import { createHash, randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { badInput, conflict, forbidden, notFound, unauthenticated } from '../errors.js';
import { newId } from '../ids.js';
import { hasRole, requireLiveKey, requireScope, type OrganizationService, type Viewer } from '../identity/index.js';
import { readPage, type Page, type PageRequest } from '../store/page.js';
import type { Collection, Store } from '../store/port.js';
import { text, validate } from '../validation.js';
import { canDecideData, canSeeOperations, requireOperationsView } from './access-rules.js';
import type { ConnectionService } from './connection-service.js';
import { consentInput } from './consent-input.js';
import type { Consent, DataConnection, DataRecord, Requester, SubjectKey } from './model.js';

export type ConsentInput = z.input<typeof consentInput> & { requester: Requester };

/** A data subject, signed in with a subject key. */
export interface DataSubject {
  subjectId: string;
  keyId: string;
  /** The agency that issued the key: the key opens its data (and that of agencies below it) only. */
  agencyId: string;
}

export const SUBJECT_KEY_PREFIX = 'msk_';

/** Purposes compare without case or surrounding space: "Youth housing support" is "youth housing support ". */
export const samePurpose = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Consent of data subjects (MyData / DEPA style): for one connection, one
 * requester and one purpose, the personal fields a person lets them see,
 * until a date. The owning agency records it (it verified the person); the
 * person or the agency revokes it, effective on the next read.
 */
export class ConsentService {
  readonly #collection: Collection<Consent>;
  readonly #subjectKeys: Collection<SubjectKey>;

  constructor(
    store: Store,
    private readonly connections: ConnectionService,
    private readonly organizations: OrganizationService,
    private readonly records: Collection<DataRecord>,
    private readonly clock: () => number,
  ) {
    this.#collection = store.collection<Consent>('data_consents');
    this.#subjectKeys = store.collection<SubjectKey>('data_subject_keys');
  }

  get(id: string): Promise<Consent | null> {
    return this.#collection.findOne({ _id: id });
  }

  /**
   * A consent, when the actor may see it: a data subject their own, in the data their key reaches; a member those of
   * connections whose operations they see (the owning agency and above, platform admins).
   */
  async visibleTo(actor: { viewer: Viewer | null; subject: DataSubject | null }, id: string): Promise<Consent | null> {
    const consent = await this.get(id);
    if (!consent) return null;
    if (actor.subject)
      return consent.subjectId === actor.subject.subjectId &&
        (await this.subjectScope(actor.subject)).includes(consent.ownerAgencyId)
        ? consent
        : null;
    const connection = await this.connections.get(consent.connectionId);
    return connection && canSeeOperations(actor.viewer, connection) ? consent : null;
  }

  /**
   * A page of the consents recorded for a connection, newest first (the owning agency only), of one subject if
   * given.
   */
  async ofConnection(
    viewer: Viewer | null,
    connection: DataConnection,
    subjectId: string | null,
    page: PageRequest,
  ): Promise<Page<Consent>> {
    requireOperationsView(viewer, connection, 'consents');
    const filter = { connectionId: connection._id, ...(subjectId ? { subjectId } : {}) };
    return readPage(this.#collection, filter, [['createdAt', -1]], page);
  }

  /** A page of a data subject's own consents, in the data their key reaches, newest first. */
  async ofSubject(subject: DataSubject, page: PageRequest): Promise<Page<Consent>> {
    const filter = { subjectId: subject.subjectId, ownerAgencyId: { $in: await this.subjectScope(subject) } };
    return readPage(this.#collection, filter, [['createdAt', -1]], page);
  }

  /** Whether a consent of the subject to the organization is recorded for the connection (the demo seeder asks). */
  async isRecorded(connectionId: string, subjectId: string, organizationId: string): Promise<boolean> {
    const found = await this.#collection.findOne({
      connectionId,
      subjectId,
      'requester.organizationId': organizationId,
    });
    return found !== null;
  }

  /** Whether any subject key was issued for the person (the demo seeder asks). */
  async hasSubjectKey(subjectId: string): Promise<boolean> {
    return (await this.#subjectKeys.findOne({ subjectId })) !== null;
  }

  async record(viewer: Viewer | null, connectionId: string, raw: ConsentInput): Promise<Consent> {
    requireScope(viewer, 'WRITE');
    const connection = await this.connections.require(connectionId);
    if (!canDecideData(viewer, connection))
      throw forbidden(`Only agency admins of the agency owning "${connection.name}" record consents for it.`);
    if (connection.classification !== 'PERSONAL')
      throw badInput(
        'connectionId',
        `"${connection.name}" is ${connection.classification}; consents apply to PERSONAL connections.`,
      );
    const input = validate(consentInput, raw);
    const requester = raw.requester;
    if (!!requester.organizationId === !!requester.pluginName)
      throw badInput(
        'input.requesterOrganizationId',
        'Name either the requesting organization or the plugin the consent is given to.',
      );
    const personal = new Set(connection.fields.filter((f) => f.personal).map((f) => f.name));
    const notPersonal = input.fields.filter((f) => !personal.has(f));
    if (notPersonal.length > 0)
      throw badInput(
        'input.fields',
        `Consent covers personal fields ` +
          `only; ${notPersonal.join(', ')} ${notPersonal.length === 1 ? 'is' : 'are'} not personal ` +
          `fields of "${connection.name}" (${[...personal].join(', ')}).`,
      );
    const now = this.clock();
    const validFrom = input.validFrom ? Date.parse(input.validFrom) : now;
    if (Number.isNaN(validFrom)) throw badInput('input.validFrom', '`input.validFrom` must be an ISO-8601 date-time.');
    const validUntil = Date.parse(input.validUntil);
    if (validUntil <= Math.max(now, validFrom))
      throw badInput('input.validUntil', '`input.validUntil` must be in the future and after `validFrom`.');
    const consent: Consent = {
      _id: newId(),
      subjectId: input.subjectId,
      connectionId,
      ownerAgencyId: connection.agencyId,
      fields: [...new Set(input.fields)],
      requester,
      purpose: input.purpose,
      validFrom: new Date(validFrom).toISOString(),
      validUntil: new Date(validUntil).toISOString(),
      status: 'ACTIVE',
      recordedById: viewer.member._id,
      createdAt: new Date(now).toISOString(),
      revokedAt: null,
      revokedBy: null,
      version: 1,
    };
    await this.#collection.insertOne(consent);
    return consent;
  }

  /** The agencies a subject key reaches: its issuer and the agencies below it. */
  async subjectScope(subject: DataSubject): Promise<string[]> {
    return this.organizations.agencyAndBelow(subject.agencyId);
  }

  /** Revoked by the owning agency (a member) or by the person (a subject key of the agency holding the data). */
  async revoke(actor: { viewer: Viewer | null; subject: DataSubject | null }, id: string): Promise<Consent> {
    const consent = await this.get(id);
    if (actor.subject) {
      if (
        !consent ||
        consent.subjectId !== actor.subject.subjectId ||
        !(await this.subjectScope(actor.subject)).includes(consent.ownerAgencyId)
      )
        throw notFound('consent', id);
    } else {
      requireScope(actor.viewer, 'WRITE');
      const connection = consent && (await this.connections.get(consent.connectionId));
      if (!consent || !connection || !canDecideData(actor.viewer, connection)) {
        if (consent && connection && actor.viewer.organization._id === consent.ownerAgencyId)
          throw forbidden('Only agency admins revoke consents.');
        throw notFound('consent', id);
      }
    }
    if (consent.status !== 'ACTIVE') throw conflict('This consent is revoked already.');
    const updated = await this.#collection.findOneAndUpdate(
      { _id: id, version: consent.version },
      {
        $set: {
          status: 'REVOKED',
          revokedAt: new Date(this.clock()).toISOString(),
          revokedBy: actor.subject ? 'SUBJECT' : 'AGENCY',
        },
        $inc: { version: 1 },
      },
    );
    if (!updated) throw conflict('The consent changed meanwhile; reload it and retry.');
    return updated;
  }

  /** The consents in force now for these subjects, requester and purpose, by subject id. */
  async inForce(
    connectionId: string,
    requester: Requester,
    purpose: string,
    subjectIds: string[],
  ): Promise<Map<string, Consent[]>> {
    const byId = new Map<string, Consent[]>();
    if (subjectIds.length === 0) return byId;
    const now = new Date(this.clock()).toISOString();
    const consents = await this.#collection.find({
      connectionId,
      'requester.organizationId': requester.organizationId,
      'requester.pluginName': requester.pluginName,
      subjectId: { $in: [...new Set(subjectIds)] },
      status: 'ACTIVE',
      validFrom: { $lte: now },
      validUntil: { $gt: now },
    });
    for (const consent of consents) {
      if (!samePurpose(consent.purpose, purpose)) continue;
      byId.set(consent.subjectId, [...(byId.get(consent.subjectId) ?? []), consent]);
    }
    return byId;
  }

  /**
   * Issues a person's key to their consents and access log in this agency's
   * data; shown once. The agency vouches that it verified who the person is,
   * and must hold personal data about them.
   */
  async issueSubjectKey(viewer: Viewer | null, subjectId: string): Promise<{ key: string; record: SubjectKey }> {
    this.requireSubjectKeyAdmin(viewer);
    const id = validate(text('the subject id', 200), subjectId, 'subjectId');
    const own = await this.connections.personalIdsOf(viewer!.organization._id);
    if (!(await this.records.findOne({ connectionId: { $in: own }, subjectId: id }))) {
      throw badInput(
        'subjectId',
        `Your agency's PERSONAL connections hold no record of "${id.slice(0, 80)}": ` +
          `a subject key is issued by an agency that holds the person's data.`,
      );
    }
    const key = `${SUBJECT_KEY_PREFIX}${randomBytes(24).toString('base64url')}`;
    const record: SubjectKey = {
      _id: newId(),
      subjectId: id,
      hash: hashKey(key),
      issuedByAgencyId: viewer!.organization._id,
      issuedById: viewer!.member._id,
      createdAt: new Date(this.clock()).toISOString(),
      revokedAt: null,
    };
    await this.#subjectKeys.insertOne(record);
    return { key, record };
  }

  /** Revokes every key this agency issued for the person (a lost key, a person who asks). Resolves how many. */
  async revokeSubjectKeys(viewer: Viewer | null, subjectId: string): Promise<number> {
    this.requireSubjectKeyAdmin(viewer);
    const keys = await this.#subjectKeys.find({
      subjectId,
      issuedByAgencyId: viewer!.organization._id,
      revokedAt: null,
    });
    const now = new Date(this.clock()).toISOString();
    for (const key of keys) await this.#subjectKeys.findOneAndUpdate({ _id: key._id }, { $set: { revokedAt: now } });
    return keys.length;
  }

  private requireSubjectKeyAdmin(viewer: Viewer | null): asserts viewer is Viewer {
    requireScope(viewer, 'ADMIN');
    requireLiveKey(viewer, 'issue or revoke subject keys');
    if (viewer.organization.kind !== 'AGENCY' || !hasRole(viewer, 'AGENCY_ADMIN'))
      throw forbidden(
        'Only agency admins (with an ADMIN key) issue and revoke subject keys, after verifying the person.',
      );
  }

  /** The subject a key belongs to; UNAUTHENTICATED for an unknown or revoked key. */
  async authenticateSubject(key: string): Promise<DataSubject> {
    const record = await this.#subjectKeys.findOne({ hash: hashKey(key) });
    if (!record || record.revokedAt)
      throw unauthenticated('This subject key is unknown or revoked; ask the agency that issued it for a new one.');
    return { subjectId: record.subjectId, keyId: record._id, agencyId: record.issuedByAgencyId };
  }
}

const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');
