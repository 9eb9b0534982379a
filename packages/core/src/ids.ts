import { randomBytes } from 'node:crypto';

let lastTime = 0;
let sequence = 0;

/**
 * A new document id: 10 base-36 characters of milliseconds, a 3-character
 * in-millisecond sequence and 10 random characters. Ids sort by creation time,
 * which keeps index inserts append-mostly on both engines.
 */
export function newId(): string {
  const now = Date.now();
  sequence = now === lastTime ? sequence + 1 : 0;
  lastTime = now;
  const random = randomBytes(8).readBigUInt64BE().toString(36).padStart(13, '0').slice(-10);
  return `${now.toString(36).padStart(10, '0')}${sequence.toString(36).padStart(3, '0')}${random}`;
}
