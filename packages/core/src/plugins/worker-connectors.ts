/**
 * Runs a plugin's data connectors inside its worker thread. Each open stream
 * holds the connector's generator, suspended between pulls: the hub asks for a
 * batch, the generator runs only until the batch is full, and nothing is read
 * ahead, so memory stays flat on both sides of the boundary.
 */
import type { ConnectorDefinition, PluginContext, PluginDefinition } from '@maru/sdk';
import { describeError } from './worker-context.js';
import type { ConnectorBatch, ConnectorBatchItem, ContextGrant, FromWorker, ToWorker } from './worker-protocol.js';

/**
 * A batch goes out when full, or once it holds something and this long has passed: a slow source still delivers what it
 * has within the pull's deadline.
 */
const FLUSH_AFTER_MS = 50;
const FLUSH = Symbol('flush');

interface Stream {
  iterator: AsyncIterator<unknown>;
  controller: AbortController;
  /** A step of the generator still running when the last batch went out; the next pull continues from it. */
  step: Promise<IteratorResult<unknown>> | null;
}

type Message<T extends ToWorker['type']> = Extract<ToWorker, { type: T }>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function itemOf(value: unknown): ConnectorBatchItem {
  if (isPlainObject(value)) return { kind: 'record', values: value };
  const what =
    value === null
      ? 'null'
      : Array.isArray(value)
        ? 'an array'
        : typeof value === 'object'
          ? `a ${Object.getPrototypeOf(value)?.constructor?.name ?? 'class instance'}`
          : `a ${typeof value}`;
  return { kind: 'problem', reason: `the connector yielded ${what}, not a plain object of field values` };
}

const problemsOf = (issues: Array<{ path: PropertyKey[]; message: string }>) =>
  issues.map((i) => `${i.path.join('.') || 'config'}: ${i.message}`);

export function createConnectorStreams(
  plugin: PluginDefinition,
  contextFor: (grant: ContextGrant, callId: number, signal: AbortSignal) => PluginContext,
  send: (message: FromWorker) => void,
) {
  const streams = new Map<number, Stream>();
  // A plugin built with SDK 1.0 has no `connectors` on its definition.
  const connectorOf = (key: string): ConnectorDefinition | undefined =>
    (plugin.connectors ?? []).find((c) => c.key === key);

  function check(message: Message<'check-connector-config'>): void {
    const connector = connectorOf(message.connector);
    if (!connector)
      return send({
        type: 'config-result',
        id: message.id,
        problems: [`the plugin has no connector "${message.connector}"`],
      });
    const parsed = connector.config.safeParse(message.config);
    send({ type: 'config-result', id: message.id, problems: parsed.success ? [] : problemsOf(parsed.error.issues) });
  }

  function open(message: Message<'connector-open'>): void {
    const connector = connectorOf(message.connector);
    if (!connector)
      return send({
        type: 'failed',
        id: message.id,
        error: { kind: 'crash', message: `no connector ${message.connector}` },
      });
    const parsed = connector.config.safeParse(message.connectorConfig);
    if (!parsed.success)
      return send({
        type: 'failed',
        id: message.id,
        error: { kind: 'input', message: problemsOf(parsed.error.issues).join('; ') },
      });
    const controller = new AbortController();
    try {
      const iterator = connector
        .read(parsed.data, contextFor(message, message.id, controller.signal))
        [Symbol.asyncIterator]();
      streams.set(message.id, { iterator, controller, step: null });
      send({ type: 'result', id: message.id, output: null });
    } catch (error) {
      send({ type: 'failed', id: message.id, error: describeError(error) });
    }
  }

  async function pull(message: Message<'connector-pull'>): Promise<void> {
    const stream = streams.get(message.stream);
    if (!stream)
      return send({ type: 'failed', id: message.id, error: { kind: 'crash', message: 'the stream is closed' } });
    const items: ConnectorBatchItem[] = [];
    let timer: NodeJS.Timeout | undefined;
    const flush = new Promise<typeof FLUSH>((resolve) => (timer = setTimeout(resolve, FLUSH_AFTER_MS, FLUSH)));
    try {
      // Stops as soon as the stream is closed meanwhile: its generator is being returned.
      while (items.length < message.max && streams.has(message.stream)) {
        stream.step ??= stream.iterator.next();
        // An empty batch waits for the generator (the hub's deadline bounds it); one with items goes out at the flush.
        const next = items.length === 0 ? await stream.step : await Promise.race([stream.step, flush]);
        if (next === FLUSH) break;
        stream.step = null;
        if (next.done) {
          streams.delete(message.stream);
          return sendBatch(message.id, { items, done: true });
        }
        items.push(itemOf(next.value));
      }
      sendBatch(message.id, { items, done: false });
    } catch (error) {
      streams.delete(message.stream);
      stream.controller.abort(new Error('the connector failed'));
      send({ type: 'failed', id: message.id, error: describeError(error) });
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Sends a batch; a record holding what cannot cross threads (a function, a stream) becomes a problem instead of
   * failing the batch.
   */
  function sendBatch(id: number, batch: ConnectorBatch): void {
    try {
      send({ type: 'result', id, output: batch });
    } catch {
      const items = batch.items.map((item): ConnectorBatchItem => {
        if (item.kind !== 'record') return item;
        try {
          structuredClone(item.values);
          return item;
        } catch {
          return {
            kind: 'problem',
            reason: 'the record holds a value that cannot be sent to the hub, such as a function or a symbol',
          };
        }
      });
      send({ type: 'result', id, output: { items, done: batch.done } });
    }
  }

  function close(message: Message<'connector-close'>): void {
    const stream = streams.get(message.stream);
    if (!stream) return;
    streams.delete(message.stream);
    stream.controller.abort(new Error('the read was cancelled'));
    // An async generator queues this behind a pending `next()`, so its `finally` runs once the current step settles.
    void stream.iterator.return?.()?.catch(() => undefined);
  }

  return { check, open, pull, close };
}
