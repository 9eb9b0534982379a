import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { redisAvailable, startTestRedis } from './redis-test-server.js';

function ping(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().trim());
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

describe.runIf(redisAvailable('test redis'))('the test Redis', () => {
  it('answers on its port, goes away on stop and comes back empty on the same port', async () => {
    const redis = await startTestRedis();
    try {
      expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`);
      expect(await ping(redis.port)).toBe('+PONG');
      await redis.stop();
      expect(await ping(redis.port)).toBe('ECONNREFUSED');
      await redis.start();
      expect(await ping(redis.port)).toBe('+PONG');
    } finally {
      await redis.stop();
    }
  }, 30_000);
});
