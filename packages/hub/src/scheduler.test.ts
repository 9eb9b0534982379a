import type { Hub, HubLogger } from '@maru/core';
import { describe, expect, it } from 'vitest';
import { startScheduler } from './scheduler.js';

const logs: Array<[string, object]> = [];
const logger = {
  debug() {},
  info: (fields: object, msg: string) => logs.push([msg, fields]),
  warn() {},
  error: (fields: object, msg: string) => logs.push([msg, fields]),
  child: () => logger,
} as unknown as HubLogger;

describe('startScheduler', () => {
  it('closes challenges on every tick while a long sync runs, and never overlaps a job with itself', async () => {
    let closeCalls = 0;
    let syncCalls = 0;
    let deliverCalls = 0;
    let noticeCalls = 0;
    let finishSync!: (ran: number) => void;
    const hub = {
      services: {
        challenges: { closeDue: async () => (++closeCalls === 1 ? 2 : 0) },
        data: { syncs: { runDue: () => (syncCalls++, new Promise<number>((resolve) => (finishSync = resolve))) } },
        plugins: { deliverDue: async () => (deliverCalls++, 0) },
        notices: { deliveries: { deliverDue: async () => (noticeCalls++, 0) } },
      },
    } as unknown as Hub;
    const scheduler = startScheduler(hub, logger, 10);
    try {
      await new Promise((r) => setTimeout(r, 80));
      expect(closeCalls).toBeGreaterThan(3);
      // Plugin event deliveries are polled on every tick too, whatever the sync does.
      expect(deliverCalls).toBeGreaterThan(3);
      expect(noticeCalls).toBeGreaterThan(3);
      expect(syncCalls).toBe(1);
      finishSync(3);
      await new Promise((r) => setTimeout(r, 40));
      expect(syncCalls).toBeGreaterThan(1);
      expect(logs).toContainEqual(['closed challenges at their deadline', { closed: 2 }]);
      expect(logs).toContainEqual(['ran due data syncs', { syncs: 3 }]);
    } finally {
      scheduler.stop();
    }
  });

  it('keeps ticking after a failed run, logging it', async () => {
    let calls = 0;
    const hub = {
      services: {
        challenges: { closeDue: async () => 0 },
        data: { syncs: { runDue: async () => (++calls === 1 ? Promise.reject(new Error('store away')) : 0) } },
        plugins: { deliverDue: async () => 0 },
        notices: { deliveries: { deliverDue: async () => 0 } },
      },
    } as unknown as Hub;
    const scheduler = startScheduler(hub, logger, 10);
    await new Promise((r) => setTimeout(r, 50));
    scheduler.stop();
    expect(calls).toBeGreaterThan(1);
    expect(logs.find(([msg]) => msg === 'scheduler tick failed')![1]).toMatchObject({ job: 'data syncs' });
  });
});
