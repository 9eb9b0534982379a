import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeOnEachEngine } from '../testing/three-clients.js';
import { ClaimTable, claimCollection, type ClaimRecord } from './claims.js';
import type { Store } from './port.js';

/** Three hubs' views of one claim table: on MongoDB-wire engines each has its own client (its own connections). */
function describeClaims(engine: string, open: () => Promise<Store[]>, cleanup?: () => Promise<void>) {
  describe(`claims on ${engine}`, () => {
    let stores: Store[];
    let now = Date.parse('2030-01-01T00:00:00Z');
    const clock = () => now;
    let n = 0;
    const tables = () => {
      const name = `claims_${++n}`;
      return {
        name,
        migrate: (async () => {
          for (const s of new Set(stores)) await s.migrate([claimCollection(name)]);
        })(),
      };
    };
    const hub = (store: Store, name: string, owner: string, skewMs = 0) =>
      new ClaimTable(store.collection<ClaimRecord>(name), { clock: () => clock() + skewMs, ttlMs: 60_000, owner });

    beforeAll(async () => {
      stores = await open();
    });
    afterAll(async () => {
      for (const store of new Set(stores)) await store.close();
      await cleanup?.();
    });

    it('of three hubs claiming 30 keys at once, exactly one wins each key', async () => {
      const { name, migrate } = tables();
      await migrate;
      const hubs = stores.map((s, i) => hub(s, name, `hub-${i}`));
      const keys = Array.from({ length: 30 }, (_, i) => `close:c${i}:1`);
      const won = await Promise.all(hubs.map((h) => Promise.all(keys.map((k) => h.claim(k)))));
      for (const [i] of keys.entries()) expect(won.filter((w) => w[i] !== null)).toHaveLength(1);
    });

    it('a done key is never claimed again, also after its expiry', async () => {
      const { name, migrate } = tables();
      await migrate;
      const [a, b] = stores.map((s, i) => hub(s, name, `hub-${i}`));
      const claim = (await a!.claim('once'))!;
      await a!.done(claim);
      now += 3_600_000;
      expect(await b!.claim('once')).toBeNull();
      expect(await a!.claim('once')).toBeNull();
    });

    it("a dead hub's claim holds until it expires, then exactly one hub takes it over with the stage it reached", async () => {
      const { name, migrate } = tables();
      await migrate;
      const hubs = stores.map((s, i) => hub(s, name, `hub-${i}`));
      const dead = (await hubs[0]!.claim('work', { challengeId: 'c1' }))!;
      await hubs[0]!.stage(dead, 'applied');
      // The holder is killed here: no done.
      now += 59_000;
      expect(await Promise.all(hubs.slice(1).map((h) => h.claim('work')))).toEqual([null, null]);
      expect(await hubs[1]!.abandoned()).toEqual([]);
      now += 2_000;
      expect((await hubs[1]!.abandoned()).map((r) => r._id)).toEqual(['work#1']);
      const taken = await Promise.all(hubs.slice(1).map((h) => h.claim('work')));
      const winner = taken.filter((t) => t !== null);
      expect(winner).toHaveLength(1);
      expect(winner[0]!.attempt).toBe(2);
      expect(winner[0]!.previous?.stage).toBe('applied');
      expect(winner[0]!.previous?.owner).toBe('hub-0');
      // The dead attempt is left as it was, only no longer listed as abandoned.
      expect(await hubs[1]!.abandoned()).toEqual([]);
      const attempts = await hubs[1]!.attemptsOf('work');
      expect(attempts.map((r) => [r._id, r.open, r.doneAt === null])).toEqual([
        ['work#2', true, true],
        ['work#1', false, true],
      ]);
    });

    it('a hub whose clock runs 5 s ahead does not take over a live claim (the expiry is far above the skew)', async () => {
      const { name, migrate } = tables();
      await migrate;
      const holder = hub(stores[0]!, name, 'hub-0');
      const ahead = hub(stores[1]!, name, 'hub-1', 5_000);
      const claim = (await holder.claim('skewed'))!;
      now += 50_000; // the work is long finished before 55 s on the fast clock
      expect(await ahead.claim('skewed')).toBeNull();
      await holder.done(claim);
      now += 60_000;
      expect(await ahead.claim('skewed')).toBeNull();
    });
  });
}

describeOnEachEngine('claims', describeClaims);
