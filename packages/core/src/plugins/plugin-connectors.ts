import { badInput } from '../errors.js';
import { SourceError, type SourceItem } from '../data/index.js';
import { PluginCallError, type ConnectorStream } from './plugin-runner.js';

/** Records per pull: enough to keep the thread hop cheap, few enough that neither side holds much. */
export const CONNECTOR_BATCH_SIZE = 200;

export interface ConnectorReadOptions {
  open: () => Promise<ConnectorStream>;
  signal: AbortSignal;
  deadlineMs: number;
  /** Called with a failure whose words stay in the hub (crashes, refused capabilities). */
  onFailure: (error: PluginCallError) => void;
}

/**
 * A plugin connector's records as a SourceItem stream. The next batch is
 * pulled only when the previous one was consumed, so the plugin's generator
 * never runs more than one batch ahead of the consumer. Ending the iteration
 * early, or aborting `signal`, closes the stream in the worker.
 */
export async function* readPluginConnector(options: ConnectorReadOptions): AsyncGenerator<SourceItem> {
  const { signal } = options;
  signal.throwIfAborted();
  const opening = options.open();
  const stream = await untilAborted(opening, signal).catch((error: unknown) => {
    // Aborted while opening: a stream that opens after all is closed at once, so the worker does not keep it.
    void opening.then(
      (late) => late.close(),
      () => undefined,
    );
    throw openError(error, options);
  });
  signal.addEventListener('abort', stream.close, { once: true });
  let position = 0;
  try {
    for (;;) {
      const batch = await untilAborted(stream.pull(CONNECTOR_BATCH_SIZE), signal).catch((error: unknown) => {
        throw signal.aborted ? error : sourceError(error, options);
      });
      // The batch crossed from plugin code: its shape is checked, not trusted.
      const items: unknown[] = Array.isArray(batch?.items) ? batch.items : [];
      for (const item of items) {
        // Items already pulled are not handed out after a cancel.
        signal.throwIfAborted();
        yield itemAt(item, position++);
      }
      if (batch?.done === true) return;
    }
  } finally {
    signal.removeEventListener('abort', stream.close);
    stream.close();
  }
}

function itemAt(item: unknown, n: number): SourceItem {
  const position = `record ${n}`;
  const { kind, values, reason } = (item ?? {}) as Partial<{ kind: unknown; values: unknown; reason: unknown }>;
  if (kind === 'record' && typeof values === 'object' && values !== null && !Array.isArray(values))
    return { kind: 'record', values: values as Record<string, unknown>, position };
  if (kind === 'problem' && typeof reason === 'string')
    return { kind: 'problem', reason: reason.slice(0, 500), position };
  return { kind: 'problem', reason: 'the plugin sent an item that is not a record', position };
}

/** Rejects with the signal's reason as soon as it is aborted, as `fetch` does; the promise itself is left to settle. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function openError(error: unknown, options: ConnectorReadOptions): unknown {
  if (options.signal.aborted) return error;
  if (error instanceof PluginCallError && error.code === 'BAD_USER_INPUT')
    return badInput('connector.config', `\`connector.config\` does not match the connector's schema: ${error.message}`);
  return sourceError(error, options);
}

function sourceError(error: unknown, options: ConnectorReadOptions): SourceError {
  if (!(error instanceof PluginCallError)) return new SourceError('the plugin connector failed unexpectedly');
  switch (error.code) {
    case 'PLUGIN_ERROR':
      // A PluginError's message is written for the connection's owners.
      return new SourceError(`the plugin connector failed: ${error.message}`);
    case 'TIMEOUT':
      return new SourceError(`the plugin connector timed out: no records within ${options.deadlineMs} ms`);
    case 'PLUGIN_UNAVAILABLE':
      return new SourceError('the plugin connector is not available: its plugin is not running');
    case 'CAPABILITY_DENIED':
      options.onFailure(error);
      return new SourceError(`the plugin connector was refused a capability: ${error.message}`);
    default:
      options.onFailure(error);
      return new SourceError('the plugin connector failed unexpectedly; the hub log has the details');
  }
}
