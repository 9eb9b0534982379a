import { badInput, forbidden, isMaruError } from '../errors.js';
import { readPage, type Page, type PageRequest } from '../store/page.js';
import type { Collection } from '../store/port.js';
import type { AccessLog } from './access-log.js';
import type { AccessRequestService } from './access-request-service.js';
import { decideRead, requesterOf, type DataPrincipal, type ReadDecision } from './access-rules.js';
import { samePurpose, type ConsentService } from './consent-service.js';
import type { AccessLogEntry, DataConnection, DataRecord } from './model.js';
import { recordFilter, type RecordCondition } from './record-filter.js';

export interface ReadRequest {
  /** Fields to return; all the principal may read when absent. */
  fields?: string[] | null;
  where?: RecordCondition[] | null;
  channel: 'records' | 'preview' | 'plugin';
  /** When given, it must be the purpose of the approval read under. */
  purpose?: string | null;
  requestId: string | null;
}

/** What a reader receives: the records as the principal may see them. */
export interface ReadGrant {
  connection: DataConnection;
  decision: ReadDecision;
  fields: string[];
  /** A page of the records the grant opens, in key order. */
  page(request: PageRequest): Promise<Page<DataRecord>>;
  /** The first `limit` records the grant opens, in key order. */
  first(limit: number): Promise<DataRecord[]>;
  /** Shapes a page of stored records for the principal and writes the access-log entry for it. */
  deliver(records: DataRecord[]): Promise<ShownRecord[]>;
  /** Logs a read that failed after it was allowed (a bad cursor, a store error), then rethrows. */
  fail(error: unknown): Promise<never>;
}

export interface ShownRecord {
  key: string;
  data: Record<string, unknown>;
  /** Personal fields withheld because the data subject has not consented. */
  masked: string[];
}

/**
 * Reads of records under the classification rules. Every read, refused ones
 * included, writes one access-log entry; a page is logged with exactly the
 * fields, subjects and consents it returned. The records are read only
 * through the grant.
 */
export class ReadService {
  constructor(
    private readonly records: Collection<DataRecord>,
    private readonly requests: AccessRequestService,
    private readonly consents: ConsentService,
    private readonly log: AccessLog,
  ) {}

  /**
   * Decides whether the principal may read `connection` (as the caller already
   * holds it) and what; a refusal is logged and thrown. The caller fetches the
   * page with `filter` and hands it to `deliver`.
   */
  async open(principal: DataPrincipal, connection: DataConnection, request: ReadRequest): Promise<ReadGrant> {
    return (await this.openOrDecline(principal, connection, request, false))!;
  }

  /**
   * As {@link open}, but a principal the classification rules do not admit gets `null`, unlogged: no read happened
   * (optional views such as previews).
   */
  tryOpen(principal: DataPrincipal, connection: DataConnection, request: ReadRequest): Promise<ReadGrant | null> {
    return this.openOrDecline(principal, connection, request, true);
  }

  private async openOrDecline(
    principal: DataPrincipal,
    connection: DataConnection,
    request: ReadRequest,
    quietly: boolean,
  ): Promise<ReadGrant | null> {
    const requester = requesterOf(principal);
    let decision: ReadDecision;
    try {
      const approval =
        requester && connection.classification !== 'PUBLIC'
          ? await this.requests.activeApproval(connection._id, requester)
          : null;
      decision = decideRead(principal, connection, approval);
    } catch (error) {
      if (quietly && isMaruError(error) && (error.code === 'FORBIDDEN' || error.code === 'UNAUTHENTICATED'))
        return null;
      await this.log.append({
        ...this.base(principal, connection, request),
        fields: request.fields ?? [],
        outcome: isMaruError(error) ? error.code : 'INTERNAL',
      });
      throw error;
    }
    try {
      if (request.purpose && decision.approval && !samePurpose(request.purpose, decision.approval.purpose)) {
        throw forbidden(
          `The approval for "${connection.name}" is for "${decision.approval.purpose}", not ` +
            `"${request.purpose.slice(0, 200)}"; ask for an access request with that purpose.`,
        );
      }
      const fields = request.fields?.length ? [...new Set(request.fields)] : decision.fields;
      const unknown = fields.filter((f) => !connection.fields.some((d) => d.name === f));
      if (unknown.length > 0)
        throw badInput(
          'fields',
          `"${connection.name}" has no field ${unknown.map((f) => `"${f.slice(0, 64)}"`).join(', ')}.`,
        );
      const outside = fields.filter((f) => !decision.fields.includes(f));
      if (outside.length > 0)
        throw forbidden(
          `Your approval for "${connection.name}" does not cover ${outside.join(', ')}; ` +
            `ask the owner for a new access request with them.`,
        );
      const personal = new Set(connection.fields.filter((f) => f.personal).map((f) => f.name));
      for (const condition of request.where ?? []) {
        if (!decision.fields.includes(condition.field))
          throw forbidden(
            `You may not filter on ${condition.field}: your access to "${connection.name}" does not cover it.`,
          );
        // Matching on a masked field would tell which people have a given name or number.
        if (decision.personal === 'CONSENTED' && personal.has(condition.field))
          throw forbidden(
            `Filtering on the personal field ${condition.field} is reserved ` +
              `to the owner: it would reveal people who did not consent.`,
          );
      }
      const filter = { connectionId: connection._id, ...recordFilter(connection, request.where ?? []) };
      const fail = async (error: unknown): Promise<never> => {
        await this.log.append({
          ...this.base(principal, connection, request),
          fields,
          purpose: decision.approval?.purpose ?? null,
          basis: decision.basis,
          accessRequestId: decision.approval?._id ?? null,
          outcome: isMaruError(error) ? error.code : 'INTERNAL',
        });
        throw error;
      };
      return {
        connection,
        decision,
        fields,
        page: (pageRequest) => readPage(this.records, filter, [['key', 1]], pageRequest),
        first: (limit) => this.records.find(filter, { sort: [['key', 1]], limit }),
        deliver: (records) => this.deliver(principal, connection, decision, fields, request, records),
        fail,
      };
    } catch (error) {
      await this.log.append({
        ...this.base(principal, connection, request),
        fields: request.fields ?? [],
        outcome: isMaruError(error) ? error.code : 'INTERNAL',
      });
      throw error;
    }
  }

  private async deliver(
    principal: DataPrincipal,
    connection: DataConnection,
    decision: ReadDecision,
    fields: string[],
    request: ReadRequest,
    records: DataRecord[],
  ): Promise<ShownRecord[]> {
    const personal = new Set(connection.fields.filter((f) => f.personal).map((f) => f.name));
    const asked = fields.filter((f) => personal.has(f));
    let consents = new Map<string, { _id: string; fields: string[] }[]>();
    if (decision.personal === 'CONSENTED' && asked.length > 0) {
      const subjects = records.map((r) => r.subjectId).filter((s): s is string => s !== null);
      consents = await this.consents.inForce(
        connection._id,
        requesterOf(principal)!,
        decision.approval!.purpose,
        subjects,
      );
    }
    const usedConsents = new Set<string>();
    const subjects = new Set<string>();
    const shown = records.map((record) => {
      const data: Record<string, unknown> = {};
      const masked: string[] = [];
      const granted = new Set<string>();
      for (const consent of (record.subjectId && consents.get(record.subjectId)) || []) {
        for (const f of consent.fields) granted.add(f);
        if (consent.fields.some((f) => asked.includes(f))) usedConsents.add(consent._id);
      }
      let revealed = false;
      for (const field of fields) {
        const visible = !personal.has(field) || decision.personal === 'ALL' || granted.has(field);
        data[field] = visible ? (record.data[field] ?? null) : null;
        if (!visible) masked.push(field);
        if (visible && personal.has(field)) revealed = true;
      }
      // Every subject a PERSONAL read touched is logged, masked or not: their record was read.
      if ((revealed || decision.personal === 'CONSENTED') && record.subjectId) subjects.add(record.subjectId);
      return { key: record.key, data, masked };
    });
    await this.log.append({
      ...this.base(principal, connection, request),
      fields,
      purpose: decision.approval?.purpose ?? null,
      basis: decision.basis,
      accessRequestId: decision.approval?._id ?? null,
      consentIds: [...usedConsents],
      recordCount: shown.length,
      subjectIds: [...subjects],
      outcome: 'SUCCESS',
    });
    return shown;
  }

  private base(
    principal: DataPrincipal,
    connection: DataConnection,
    request: ReadRequest,
  ): Omit<AccessLogEntry, '_id' | 'seq' | 'at' | 'prevHash' | 'hash' | 'fields' | 'outcome'> {
    return {
      connectionId: connection._id,
      ownerAgencyId: connection.agencyId,
      actorKind: principal.kind,
      actorMemberId:
        principal.kind === 'MEMBER'
          ? principal.viewer.member._id
          : principal.kind === 'PLUGIN'
            ? principal.callerMemberId
            : null,
      actorApiKeyId: principal.kind === 'MEMBER' ? principal.viewer.apiKey._id : null,
      actorOrganizationId:
        principal.kind === 'MEMBER'
          ? principal.viewer.organization._id
          : principal.kind === 'PLUGIN'
            ? principal.callerOrganizationId
            : null,
      actorPluginName: principal.kind === 'PLUGIN' ? principal.pluginName : null,
      channel: request.channel,
      purpose: null,
      basis: null,
      accessRequestId: null,
      consentIds: [],
      recordCount: 0,
      subjectIds: [],
      requestId: request.requestId,
    };
  }
}
