import type { Collection } from '../store/port.js';
import { SourceError, type SourceItem } from './connectors/connector.js';
import { coerce, inferFields } from './field-schema.js';
import {
  MAX_PROBLEMS_KEPT,
  type DataConnection,
  type DataField,
  type DataRecord,
  type RecordProblem,
} from './model.js';

const INFER_SAMPLE = 100;
const MAX_KEY_LENGTH = 200;

/**
 * Turns a source's items into stored records: infers the schema on a first
 * sync (from the first records, held back until then), checks and converts
 * each record against the schema, reports the bad ones by position without
 * stopping, and writes the good ones in bulk. Holds at most one batch (or
 * the inference sample) in memory, whatever the source's size.
 */
export class RecordWriter {
  readonly problems = { count: 0, kept: [] as RecordProblem[] };
  /** Runs before each bulk write; throwing stops the sync before it writes (a lost lease). */
  beforeWrite: () => Promise<void> = async () => {};
  private fields: DataField[] | null;
  private readonly samples: Array<Extract<SourceItem, { kind: 'record' }>> = [];
  // By _id: a key repeated within one batch is written once (the last wins), as a re-sync would.
  private readonly batch = new Map<string, DataRecord>();
  private read = 0;
  private inserted = 0;
  private updated = 0;

  constructor(
    private readonly connection: DataConnection,
    private readonly syncId: string,
    private readonly records: Collection<DataRecord>,
    private readonly batchSize: number,
    private readonly clock: () => number,
    private readonly saveInferred: (fields: DataField[]) => Promise<void>,
  ) {
    this.fields = connection.fields.length > 0 ? connection.fields : null;
  }

  counts() {
    return {
      read: this.read,
      inserted: this.inserted,
      updated: this.updated,
      rejected: this.problems.count,
      problems: this.problems.kept,
    };
  }

  async add(item: SourceItem): Promise<void> {
    this.read++;
    if (item.kind === 'problem') return this.reject(item.position, item.reason);
    if (!this.fields) {
      this.samples.push(item);
      if (this.samples.length >= INFER_SAMPLE) await this.infer();
      return;
    }
    this.accept(item.values, item.position);
    if (this.batch.size >= this.batchSize) await this.flush();
  }

  async finish(): Promise<void> {
    if (!this.fields && this.samples.length > 0) await this.infer();
    await this.flush();
  }

  private async infer(): Promise<void> {
    let fields: DataField[];
    try {
      fields = inferFields(this.samples.map((s) => s.values));
    } catch (error) {
      throw new SourceError(`the schema could not be inferred: ${(error as Error).message}`);
    }
    if (!fields.some((f) => f.name === this.connection.keyField)) {
      throw new SourceError(
        `the key field "${this.connection.keyField}" is not in the ` +
          `source; its fields are ${fields.map((f) => f.name).join(', ')}`,
      );
    }
    this.fields = fields;
    await this.saveInferred(fields);
    for (const sample of this.samples.splice(0)) {
      this.accept(sample.values, sample.position);
      if (this.batch.size >= this.batchSize) await this.flush();
    }
  }

  private reject(position: string, reason: string): void {
    this.problems.count++;
    if (this.problems.kept.length < MAX_PROBLEMS_KEPT)
      this.problems.kept.push({ position, reason: reason.slice(0, 300) });
  }

  private accept(values: Record<string, unknown>, position: string): void {
    const data: Record<string, unknown> = {};
    const reasons: string[] = [];
    for (const field of this.fields!) {
      const result = coerce(field, values[field.name]);
      if (result.ok) data[field.name] = result.value;
      else reasons.push(result.reason);
    }
    const key = data[this.connection.keyField];
    if (key === null || key === undefined) reasons.push(`the key field ${this.connection.keyField} is empty`);
    else if (String(key).length > MAX_KEY_LENGTH) reasons.push(`the key is longer than ${MAX_KEY_LENGTH} characters`);
    if (reasons.length > 0) return this.reject(position, reasons.join('; '));
    const subject = this.connection.subjectField ? data[this.connection.subjectField] : null;
    const _id = `${this.connection._id}/${String(key)}`;
    this.batch.set(_id, {
      _id,
      connectionId: this.connection._id,
      key: String(key),
      subjectId: subject === null || subject === undefined ? null : String(subject),
      data,
      syncId: this.syncId,
      syncedAt: new Date(this.clock()).toISOString(),
    });
  }

  private async flush(): Promise<void> {
    if (this.batch.size === 0) return;
    await this.beforeWrite();
    const docs = [...this.batch.values()];
    this.batch.clear();
    const result = await this.records.upsertMany(docs);
    this.inserted += result.inserted;
    this.updated += result.replaced;
  }
}
