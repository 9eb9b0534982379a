import type { CountByGroup, Filter, Store } from '../store/port.js';
import type { AccessLogEntry, AccessRequest, Consent } from './model.js';

/** Data access counted per connection, as the store grouped it. */
export interface DataAccessCounts {
  /** Key: connectionId, outcome (SUCCESS or the refusal code) — reads from the access log. */
  reads: CountByGroup[];
  /** Key: connectionId, status — access requests by where they stand. */
  requests: CountByGroup[];
  /** Key: connectionId — consents ACTIVE and within their validity now. */
  consentsInForce: CountByGroup[];
}

/**
 * Counts for insights over the access log, access requests and consents, made by the store (`countBy`) on indexes
 * that start with the owning agency. The insights module decides who may see them.
 */
export class DataFigures {
  readonly #log;
  readonly #requests;
  readonly #consents;

  constructor(
    store: Store,
    private readonly clock: () => number,
  ) {
    this.#log = store.collection<AccessLogEntry>('data_access_log');
    this.#requests = store.collection<AccessRequest>('data_access_requests');
    this.#consents = store.collection<Consent>('data_consents');
  }

  /** Counts for the connections these agencies own, or for every connection when null (platform admins). */
  async perConnection(ownerAgencyIds: readonly string[] | null): Promise<DataAccessCounts> {
    const owner: Filter = ownerAgencyIds ? { ownerAgencyId: { $in: [...ownerAgencyIds] } } : {};
    const now = new Date(this.clock()).toISOString();
    const [reads, requests, consentsInForce] = await Promise.all([
      this.#log.countBy(owner, { by: ['connectionId', 'outcome'] }),
      this.#requests.countBy(owner, { by: ['connectionId', 'status'] }),
      this.#consents.countBy(
        { ...owner, status: 'ACTIVE', validFrom: { $lte: now }, validUntil: { $gt: now } },
        { by: ['connectionId'] },
      ),
    ]);
    return { reads, requests, consentsInForce };
  }
}
