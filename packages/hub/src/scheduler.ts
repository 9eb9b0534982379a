import type { Hub, HubLogger } from '@maru/core';

/**
 * Closes challenges at their deadline. Every instance runs it; the transition
 * is version-guarded, so when two instances race for one challenge exactly one
 * closes it and the other skips it.
 */
export function startScheduler(hub: Hub, logger: HubLogger, intervalMs: number): { stop(): void } {
  if (intervalMs <= 0) return { stop() {} };
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= hub.services.challenges
      .closeDue()
      .then((closed) => {
        if (closed > 0) logger.info({ closed }, 'closed challenges at their deadline');
      })
      .catch((error: unknown) => logger.error({ err: error }, 'scheduler tick failed'))
      .finally(() => {
        running = null;
      });
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
