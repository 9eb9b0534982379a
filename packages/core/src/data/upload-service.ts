import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { badInput, conflict } from '../errors.js';
import { newId } from '../ids.js';
import type { Viewer } from '../identity/index.js';
import type { ConnectionService } from './connection-service.js';
import type { ConnectorRegistry } from './connectors/connector-registry.js';
import type { StartedSync, SyncService } from './sync-service.js';

/**
 * CSV uploads: the file (which `useBodyLimits` streamed to a temporary file) is streamed to the import folder, never
 * held in memory, becomes the CSV connection's source, and a sync starts.
 */
export class UploadService {
  constructor(
    private readonly connections: ConnectionService,
    private readonly connectors: ConnectorRegistry,
    private readonly syncs: SyncService,
    private readonly maxBytes: number,
    private readonly clock: () => number,
  ) {}

  async receive(viewer: Viewer | null, connectionId: string, file: File): Promise<StartedSync> {
    const connection = await this.connections.requireManaged(viewer, connectionId);
    if (connection.currentSyncId && connection.syncLeaseUntil && Date.parse(connection.syncLeaseUntil) > this.clock()) {
      throw conflict(`A sync of "${connection.name}" is running; upload when it has finished.`);
    }
    if (connection.connector.kind !== 'CSV')
      throw badInput(
        'id',
        `"${connection.name}" reads ${connection.connector.kind}, not CSV: uploads go to CSV connections.`,
      );
    // Into the owning agency's own import folder: only its connections can name the file.
    const importDir = this.connectors.importDirOf(await this.connections.ownerOf(connection));
    const relative = join('uploads', connection._id, `${newId()}.csv`);
    const target = join(importDir, relative);
    await mkdir(join(importDir, 'uploads', connection._id), { recursive: true });
    let bytes = 0;
    const limit = this.maxBytes;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        bytes += chunk.length;
        callback(
          bytes > limit
            ? badInput(
                'file',
                `The file is larger than ${Math.round(limit / 1048576)} MiB, the largest upload this hub accepts (its ` +
                  'MARU_MAX_UPLOAD_MB setting): split the file, or connect it by path.',
              )
            : null,
          chunk,
        );
      },
    });
    try {
      await pipeline(Readable.from(chunksOf(file)), counter, createWriteStream(target));
    } catch (error) {
      await rm(target, { force: true });
      throw error;
    }
    const previous = JSON.parse(connection.connector.configJson) as Record<string, unknown>;
    await this.connections.update(viewer, connectionId, {
      connector: { kind: 'CSV', config: { ...previous, path: relative } },
    });
    if (typeof previous.path === 'string' && previous.path.startsWith('uploads/'))
      await rm(join(importDir, previous.path), { force: true });
    return this.syncs.request(viewer, connectionId, 'UPLOAD');
  }
}

/**
 * The file's bytes chunk by chunk. yoga's File is a @whatwg-node ponyfill, not Node's, so its stream is read through
 * its reader.
 */
async function* chunksOf(file: File): AsyncGenerator<Uint8Array> {
  const reader = file.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
