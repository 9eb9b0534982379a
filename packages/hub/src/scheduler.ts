import type { Hub, HubLogger } from '@maru/core';

/**
 * Closes challenges at their deadline and runs the data syncs that are due
 * (on schedule, or a retry), and delivers plugin events and notices due. Every instance
 * runs it: each closing, each due sync run and each delivery attempt is first
 * claimed in the store by a unique insert (core's store/claims.ts), so when
 * hubs race exactly one does the work.
 *
 * Each job is its own chain, so a long sync never delays closing challenges;
 * a tick skips a job whose previous run has not finished, so runs of one job
 * never overlap.
 */
export function startScheduler(hub: Hub, logger: HubLogger, intervalMs: number): { stop(): void } {
  if (intervalMs <= 0) return { stop() {} };
  const closeChallenges = chain(logger, 'closing challenges', async () => {
    const closed = await hub.services.challenges.closeDue();
    if (closed > 0) logger.info({ closed }, 'closed challenges at their deadline');
  });
  const runSyncs = chain(logger, 'data syncs', async () => {
    const syncs = await hub.services.data.syncs.runDue();
    if (syncs > 0) logger.info({ syncs }, 'ran due data syncs');
  });
  // Plugin events: rows other hubs recorded and did not finish, retries, attempts of hubs that died.
  const deliverEvents = chain(logger, 'plugin event deliveries', async () => {
    await hub.services.plugins.deliverDue();
  });
  // Notices to members' webhooks and e-mail: retries, and deliveries a hub did not finish.
  const deliverNotices = chain(logger, 'notice deliveries', async () => {
    await hub.services.notices.deliveries.deliverDue();
  });
  const tick = () => {
    closeChallenges();
    runSyncs();
    deliverEvents();
    deliverNotices();
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
    },
  };
}

/** A job that runs at most once at a time: a call while it runs is skipped. */
function chain(logger: HubLogger, name: string, job: () => Promise<void>): () => void {
  let running: Promise<void> | null = null;
  return () => {
    running ??= job()
      .catch((error: unknown) => logger.error({ err: error, job: name }, 'scheduler tick failed'))
      .finally(() => {
        running = null;
      });
  };
}
