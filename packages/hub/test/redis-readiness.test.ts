/**
 * A hub process with MARU_REDIS_URL: its start line and /readyz say whether it reaches Redis, and it keeps answering
 * (past its cache) when Redis goes away. The two-hub behaviour is core's test/coordination-redis.test.ts.
 */
import { redisAvailable, startTestRedis, type TestRedis } from '@maru/devtools/test-support/redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnHub, tempDir, type HubProcess } from './helpers.js';

describe.runIf(redisAvailable('hub with Redis'))('a hub with MARU_REDIS_URL', () => {
  let redis: TestRedis;
  let hub: HubProcess;
  let base: string;

  beforeAll(async () => {
    redis = await startTestRedis();
    hub = await spawnHub({
      MARU_DATA_DIR: tempDir('maru-redis-hub-'),
      MARU_REDIS_URL: redis.url,
      MARU_REDIS_PREFIX: 'ready-test',
    });
    base = hub.url.replace(/\/graphql$/, '');
  }, 60_000);
  afterAll(async () => {
    await hub?.stop();
    await redis?.stop();
  });

  const readiness = async () => {
    const res = await fetch(`${base}/readyz`);
    return { status: res.status, body: await res.json() };
  };
  const query = () =>
    fetch(hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: '{ organizations(first: 1) { totalCount } }' }),
    });

  it('says at start that it uses Redis, and /readyz names its state', async () => {
    expect(hub.output()).toMatch(/"redis":\{"prefix":"ready-test","status":"(ready|unavailable)"\}/);
    const deadline = Date.now() + 10_000;
    while ((await readiness()).body.redis !== 'ready' && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    expect(await readiness()).toEqual({ status: 200, body: { status: 'ready', store: 'sqlite', redis: 'ready' } });
  });

  it('stays ready and answering without Redis, past its cache, and says so once in its log', async () => {
    await redis.stop();
    const deadline = Date.now() + 10_000;
    while ((await readiness()).body.redis !== 'unavailable' && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    expect(await readiness()).toEqual({
      status: 200,
      body: { status: 'ready', store: 'sqlite', redis: 'unavailable' },
    });
    for (let i = 0; i < 2; i++) {
      const res = await query();
      expect([res.status, res.headers.get('x-maru-cache')]).toEqual([200, 'BYPASS']);
    }
    await new Promise((r) => setTimeout(r, 600));
    expect(hub.output().match(/Redis connection lost/g)).toHaveLength(1);
  });
});
