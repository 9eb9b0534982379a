import type { Hub, HubLogger } from '@maru/core';

/**
 * Closes challenges at their deadline and runs the data syncs that are due
 * (on schedule, or a retry). Every instance runs it: a challenge transition is
 * version-guarded and a sync holds its connection by a lease, so when two
 * instances race exactly one does the work.
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
  const tick = () => {
    closeChallenges();
    runSyncs();
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
