import type { Readable } from 'node:stream';
import { deserialize, serialize } from 'node:v8';

/** The largest message either side accepts; a longer frame means the other side is not speaking the protocol. */
export const MAX_FRAME_BYTES = 64 * 1024 * 1024;
/** How long a frame may stay half-received: a host that announces bytes and never sends them is stuck or lying. */
const FRAME_TIMEOUT_MS = 10_000;

/**
 * Length-prefixed frames of structured-clone data over a pipe between the hub
 * and a plugin host. Not Node's IPC channel: plugin code in the host can write
 * raw bytes to any descriptor of its process, and Node's IPC parser throws on
 * garbage inside the hub's event loop. Here a frame that does not parse, is
 * too long, or stays half-received is reported to `onBad`, which ends the
 * conversation, and nothing else happens.
 */
export function encodeFrame(message: unknown): Buffer {
  const body = serialize(message);
  const header = Buffer.allocUnsafe(4);
  header.writeUInt32BE(body.length);
  return Buffer.concat([header, body]);
}

export function readFrames(
  stream: Readable,
  onMessage: (message: unknown) => void,
  onBad: (why: string) => void,
  maxBytes = MAX_FRAME_BYTES,
): void {
  // Chunks are kept as they come and joined once per frame (joining on every chunk was quadratic).
  let chunks: Buffer[] = [];
  let buffered = 0;
  let expected: number | null = null;
  let broken = false;
  let stale: NodeJS.Timeout | null = null;
  const fail = (why: string) => {
    broken = true;
    if (stale) clearTimeout(stale);
    chunks = [];
    onBad(why);
  };
  const take = (n: number): Buffer => {
    const all = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, buffered);
    chunks = all.length > n ? [all.subarray(n)] : [];
    buffered -= n;
    return all.subarray(0, n);
  };
  stream.on('data', (chunk: Buffer) => {
    if (broken) return;
    chunks.push(chunk);
    buffered += chunk.length;
    for (;;) {
      if (expected === null) {
        if (buffered < 4) break;
        expected = take(4).readUInt32BE(0);
        if (expected > maxBytes) return fail(`a frame of ${expected} bytes`);
      }
      if (buffered < expected) break;
      const body = take(expected);
      expected = null;
      let message: unknown;
      try {
        message = deserialize(body);
      } catch {
        return fail('a frame that does not parse');
      }
      onMessage(message);
      if (broken) return;
    }
    if (stale) clearTimeout(stale);
    stale =
      expected !== null || buffered > 0 ? setTimeout(() => fail('a frame left half-sent'), FRAME_TIMEOUT_MS) : null;
    stale?.unref();
  });
}
