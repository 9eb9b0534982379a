import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { Doc } from '../port.js';
import { deepFreeze } from '../../deep-freeze.js';

/**
 * Parsed documents of the embedded store, kept between reads. A page of 20 challenges spent most of its time turning
 * stored JSON into strings and objects (about 1.6 KB each: 0.45 ms a page against 0.1 ms for the query that picks
 * them, issue #22); with this a query selects only the ids, and the documents come from here when they are current.
 *
 * Current means: no write to that document since it was read. Every write of this store's connection forgets the
 * documents it touches (`forget`, `forgetCollection`) before it runs; a write by another connection to the same file
 * (another process) moves SQLite's `data_version`, and the whole cache is dropped at the next read. Nothing read inside
 * a transaction is kept (it may be rolled back). Documents are frozen, deeply: every reader shares them, and a caller
 * that changed one would change it for all — it throws instead.
 *
 * Bounded by the length of the JSON text kept (a rough measure of the objects' size), least recently used first out.
 */
export class DocumentCache {
  readonly #entries = new Map<string, { doc: Doc; size: number }>();
  readonly #maxBytes: number;
  readonly #dataVersion: StatementSync;
  #version: unknown;
  #bytes = 0;

  constructor(db: DatabaseSync, maxBytes: number) {
    this.#maxBytes = maxBytes;
    this.#dataVersion = db.prepare('PRAGMA data_version');
    this.#dataVersion.setReturnArrays(true);
    this.#version = this.#readVersion();
  }

  /** Drops everything when another connection committed since the last look. */
  checkVersion(): void {
    const version = this.#readVersion();
    if (version !== this.#version) {
      this.#version = version;
      this.clear();
    }
  }

  get(collection: string, id: string): Doc | undefined {
    const key = `${collection}\u0000${id}`;
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    // Most recently used last: a Map keeps insertion order.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.doc;
  }

  /** Keeps a document read outside any transaction; returns it frozen. */
  keep(collection: string, id: string, text: string): Doc {
    const doc = deepFreeze(JSON.parse(text) as Doc);
    const size = text.length;
    if (size > this.#maxBytes / 8) return doc;
    const key = `${collection}\u0000${id}`;
    const old = this.#entries.get(key);
    if (old) this.#bytes -= old.size;
    this.#entries.set(key, { doc, size });
    this.#bytes += size;
    for (const [oldest, entry] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= entry.size;
    }
    return doc;
  }

  forget(collection: string, id: string): void {
    const key = `${collection}\u0000${id}`;
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#bytes -= entry.size;
  }

  forgetCollection(collection: string): void {
    const prefix = `${collection}\u0000`;
    for (const [key, entry] of this.#entries) {
      if (!key.startsWith(prefix)) continue;
      this.#entries.delete(key);
      this.#bytes -= entry.size;
    }
  }

  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }

  /** Documents and JSON bytes kept (tests, and the operator's curiosity). */
  get size(): { documents: number; bytes: number } {
    return { documents: this.#entries.size, bytes: this.#bytes };
  }

  #readVersion(): unknown {
    return (this.#dataVersion.get() as unknown as [unknown])[0];
  }
}
