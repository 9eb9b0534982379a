import { SourceError } from './connector.js';

/** Aborts a source's I/O when the sync is cancelled, or when the source stays silent too long. */
export interface SourceClock {
  /** Pass to fetch and anything else slow; aborted with the sync's reason or with a timeout SourceError. */
  signal: AbortSignal;
  /** Awaits `work` with the timeout running; the time the sync spends with a record is not counted. */
  watch<T>(work: Promise<T>): Promise<T>;
  /** The error to throw for `error`: the abort's reason once aborted, a SourceError as is, else `otherwise()`. */
  failure(error: unknown, otherwise: () => Error): unknown;
  dispose(): void;
}

/**
 * The timeout runs only while waiting on the source, not over the whole read:
 * a large body consumed slowly by the sync is fine, a server that stops
 * sending is not.
 */
export function createSourceClock(outer: AbortSignal, timeoutMs: number, timeoutMessage: string): SourceClock {
  const controller = new AbortController();
  const cancel = () => controller.abort(outer.reason);
  if (outer.aborted) cancel();
  else outer.addEventListener('abort', cancel, { once: true });
  let timer: NodeJS.Timeout | undefined;
  return {
    signal: controller.signal,
    async watch(work) {
      timer = setTimeout(() => controller.abort(new SourceError(timeoutMessage)), timeoutMs);
      try {
        return await work;
      } finally {
        clearTimeout(timer);
      }
    },
    failure(error, otherwise) {
      if (controller.signal.aborted) return controller.signal.reason;
      return error instanceof SourceError ? error : otherwise();
    },
    dispose() {
      clearTimeout(timer);
      outer.removeEventListener('abort', cancel);
    },
  };
}
