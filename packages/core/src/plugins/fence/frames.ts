import type { Duplex } from 'node:stream';
import { deserialize, serialize } from 'node:v8';

/** The largest message either side accepts; a longer frame means the other side is not speaking the protocol. */
const MAX_FRAME_BYTES = 64 * 1024 * 1024;

/**
 * Length-prefixed frames of structured-clone data over a pipe between the hub
 * and a plugin host. Not Node's IPC channel: plugin code in the host can write
 * raw bytes to any descriptor of its process, and Node's IPC parser throws on
 * garbage inside the hub's event loop. Here a frame that does not parse is
 * reported to `onBad`, which ends the conversation, and nothing else.
 */
export function frameWriter(stream: Duplex): (message: unknown) => void {
  return (message) => {
    const body = serialize(message);
    const header = Buffer.allocUnsafe(4);
    header.writeUInt32BE(body.length);
    stream.write(Buffer.concat([header, body]));
  };
}

export function readFrames(stream: Duplex, onMessage: (message: unknown) => void, onBad: (why: string) => void): void {
  let buffered: Buffer = Buffer.alloc(0);
  let broken = false;
  stream.on('data', (chunk: Buffer) => {
    if (broken) return;
    buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
    while (buffered.length >= 4) {
      const length = buffered.readUInt32BE(0);
      if (length > MAX_FRAME_BYTES) {
        broken = true;
        return onBad(`a frame of ${length} bytes`);
      }
      if (buffered.length < 4 + length) return;
      const body = buffered.subarray(4, 4 + length);
      buffered = buffered.subarray(4 + length);
      let message: unknown;
      try {
        message = deserialize(body);
      } catch {
        broken = true;
        return onBad('a frame that does not parse');
      }
      onMessage(message);
    }
  });
}
