/**
 * Uploaded package tarballs kept in the store, content-addressed by SHA-256, in chunks (`plugin_package_chunks`):
 * GridFS is not on every MongoDB-wire server (FerretDB), and the store is what every hub of a deployment shares. A hub
 * that must run a launched pilot reads the tarball from here and unpacks it into its own folder (see PilotPackages).
 */
import { createHash } from 'node:crypto';
import { StoreConflictError, type Collection } from '../store/port.js';

export interface PackageChunk {
  /** `<sha256>:<index>`. */
  _id: string;
  sha256: string;
  index: number;
  /** Base64: every store engine keeps strings alike. */
  data: string;
}

const CHUNK_BYTES = 512 * 1024;

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export class PackageBytes {
  constructor(private readonly chunks: Collection<PackageChunk>) {}

  /** Stores a tarball once (the same bytes uploaded again write nothing new). */
  async put(sha256: string, bytes: Uint8Array): Promise<void> {
    for (let index = 0; index * CHUNK_BYTES < Math.max(bytes.byteLength, 1); index++) {
      const slice = bytes.subarray(index * CHUNK_BYTES, (index + 1) * CHUNK_BYTES);
      try {
        await this.chunks.insertOne({
          _id: `${sha256}:${index}`,
          sha256,
          index,
          data: Buffer.from(slice).toString('base64'),
        });
      } catch (error) {
        if (!(error instanceof StoreConflictError)) throw error;
      }
    }
  }

  /** The tarball whose SHA-256 is `sha256`, checked whole; null when the store lacks it or it does not hash right. */
  async get(sha256: string): Promise<Uint8Array | null> {
    const chunks = await this.chunks.find({ sha256 }, { sort: [['index', 1]], limit: 1000 });
    if (!chunks.length) return null;
    const bytes = new Uint8Array(Buffer.concat(chunks.map((c) => Buffer.from(c.data, 'base64'))));
    return sha256Hex(bytes) === sha256 ? bytes : null;
  }
}
