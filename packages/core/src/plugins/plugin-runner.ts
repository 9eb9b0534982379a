import type { PluginManifest } from '@maru/sdk';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PluginFetchAnswer, PluginFetchRequest } from './plugin-fetch.js';
import type {
  ConnectorBatch,
  ContextGrant,
  DataReadFailure,
  FromWorker,
  ToWorker,
  WorkerError,
} from './worker-protocol.js';

export type PluginCallErrorCode =
  'TIMEOUT' | 'CAPABILITY_DENIED' | 'PLUGIN_ERROR' | 'BAD_USER_INPUT' | 'PLUGIN_FAILED' | 'PLUGIN_UNAVAILABLE';

/** Why a call into a plugin did not return a result. `pluginCode` is the plugin's own code for PLUGIN_ERROR. */
export class PluginCallError extends Error {
  constructor(
    readonly code: PluginCallErrorCode,
    message: string,
    readonly pluginCode?: string,
  ) {
    super(message);
    this.name = 'PluginCallError';
  }
}

export interface PluginCall {
  service: string;
  operation: string;
  input: unknown;
  caller: { organizationId: string | null; memberId: string | null };
  mode: 'live' | 'test';
  /** How long the call may take. */
  deadlineMs: number;
  /** Granted capabilities and the manifest's hosts, for this call. */
  capabilities: string[];
  hosts: string[];
  /** The operator's configuration, already checked. */
  config?: unknown;
  /** Events the manifest declares it emits. */
  emits?: string[];
  /** Set to deliver a hub event to the plugin's `on` handler instead of calling an operation. */
  event?: { name: string; payload: Record<string, unknown> };
  /** The request that caused the call, handed to the data port with the caller; never sent to the plugin. */
  requestId?: string | null;
  /**
   * The hub's own number for the call when a fenced plugin host relays it: handed to the ports, never sent to the
   * plugin.
   */
  token?: number;
}

/** Who a call in flight serves, as the runner recorded it when the call started: what its ports are told. */
export interface PluginCallRecord {
  caller: { organizationId: string | null; memberId: string | null };
  requestId: string | null;
  token?: number;
}

/** A `ctx.data.read` as the runner hands it to its data port: the caller comes from the runner's record of the call. */
export interface PluginDataReadRequest extends PluginCallRecord {
  /** As the plugin sent them: unchecked. */
  connectionId: unknown;
  fields?: unknown;
  limit?: unknown;
  purpose?: unknown;
}

export type PluginDataAnswer =
  { ok: true; rows: Array<Record<string, unknown>> } | { ok: false; error: DataReadFailure };

/** A connector's stream in the worker, pulled batch by batch. */
export interface ConnectorStream {
  /** The next batch of at most `max` items; rejects with a PluginCallError (TIMEOUT past the call deadline). */
  pull(max: number): Promise<ConnectorBatch>;
  /** Aborts the connector's `ctx.signal` and returns its generator; safe to call twice or after the end. */
  close(): void;
}

export interface PluginKvPort {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<boolean>;
}

/**
 * What runs a plugin, seen from its runner: a worker thread (plugin API 1) or an isolate (plugin
 * API 2, isolate/isolate-thread.ts). The one small interface between the runner and an engine:
 * copied messages both ways (worker-protocol.ts), `exit` when it ends, and `terminate`.
 */
export interface PluginThread {
  postMessage(message: ToWorker): void;
  on(event: 'message', listener: (message: FromWorker) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  once(event: 'exit', listener: (code: number) => void): unknown;
  off(event: 'message', listener: (message: FromWorker) => void): unknown;
  terminate(): Promise<number>;
}

export interface PluginRunnerOptions {
  /** Path of the plugin's built module (default export made by `definePlugin`). */
  entry: string;
  /** Starts the engine that runs the plugin; by default a worker thread loading `entry`. */
  thread?: () => PluginThread;
  /** Heap limit of the worker. Default 64 MB. */
  maxHeapMb?: number;
  /** How long a worker may take to load the plugin. Default 10 s. */
  loadTimeoutMs?: number;
  log?: (level: 'debug' | 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
  kv?: PluginKvPort;
  /** Receives the events a plugin emits (already checked against its manifest and grant). */
  onEvent?: (name: string, payload: Record<string, unknown>) => void;
  /** Answers the plugin's `ctx.data.read`; without it every read is refused. */
  data?: (request: PluginDataReadRequest) => Promise<PluginDataAnswer>;
  /** Checks and runs the plugin's `ctx.fetch` (see plugin-fetch.ts); without it every fetch is refused. */
  fetch?: (request: PluginFetchRequest & PluginCallRecord) => Promise<PluginFetchAnswer>;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: PluginCallError) => void;
  timer: NodeJS.Timeout;
}

/** How long a worker may stay silent after an abort before it counts as stuck and is replaced. */
const STUCK_AFTER_MS = 250;

function workerEntry(): string {
  // Built: dist/plugin-worker.js beside this chunk. In tests from src: the package's dist.
  for (const candidate of ['./plugin-worker.js', '../../dist/plugin-worker.js']) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new Error('plugin-worker.js not found; build @maru/core first');
}

/**
 * Runs one plugin in its own worker thread with a heap limit. A handler that
 * throws fails only its call; one past its deadline is answered with TIMEOUT,
 * and if its thread does not respond (a spinning CPU) the worker is replaced;
 * a worker that dies (heap exhausted) fails its in-flight calls and is
 * restarted. The hub's own thread never runs plugin code.
 */
export class PluginRunner {
  private worker: PluginThread | null = null;
  private starting: Promise<PluginManifest> | null = null;
  private readonly pending = new Map<number, Pending>();
  /**
   * Who each call and connector stream in flight serves, by id: a data read names its call, and only calls in flight
   * may read.
   */
  private readonly callers = new Map<number, PluginCallRecord>();
  private seq = 0;
  private stopped = false;
  /** Set while a worker that missed a deadline is being checked; new calls wait for the verdict. */
  private checking: Promise<void> | null = null;
  /** How many times the worker was replaced after a crash or a hang. */
  restarts = 0;
  manifest: PluginManifest | null = null;

  constructor(private readonly options: PluginRunnerOptions) {}

  /** Starts the worker and resolves with the plugin's manifest; rejects with PLUGIN_UNAVAILABLE if it cannot load. */
  start(): Promise<PluginManifest> {
    this.starting ??= new Promise<PluginManifest>((resolve, reject) => {
      const worker: PluginThread =
        this.options.thread?.() ??
        new Worker(workerEntry(), {
          workerData: { entry: this.options.entry },
          // The hub's environment (secrets included) is not the plugin's.
          env: {},
          // A small young generation: plugin handlers allocate little per call, and each worker is an isolate of its
          // own in RSS.
          resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb ?? 64, maxYoungGenerationSizeMb: 4 },
          stdout: false,
          stderr: false,
        });
      const timer = setTimeout(() => {
        void worker.terminate();
        reject(
          new PluginCallError(
            'PLUGIN_UNAVAILABLE',
            `the plugin did not load within ${this.options.loadTimeoutMs ?? 10_000} ms`,
          ),
        );
      }, this.options.loadTimeoutMs ?? 10_000);
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'ready') {
          clearTimeout(timer);
          this.worker = worker;
          this.manifest = message.manifest;
          resolve(message.manifest);
        } else if (message.type === 'load-failed') {
          clearTimeout(timer);
          void worker.terminate();
          reject(new PluginCallError('PLUGIN_UNAVAILABLE', `the plugin failed to load: ${message.message}`));
        } else this.onMessage(worker, message);
      });
      // Before `ready` a dying worker fails the start; after it, it fails its calls.
      worker.once('exit', (code) => {
        clearTimeout(timer);
        reject(new PluginCallError('PLUGIN_UNAVAILABLE', `the plugin's worker exited while loading (code ${code})`));
      });
      worker.on('error', (error) => this.onExit(worker, `the plugin's worker failed: ${error.message}`));
      worker.on('exit', (code) => this.onExit(worker, `the plugin's worker exited (code ${code})`));
    }).catch((error: unknown) => {
      this.starting = null;
      throw error;
    });
    return this.starting;
  }

  async call(call: PluginCall): Promise<unknown> {
    const { requestId, token, ...message } = call;
    const worker = await this.ready();
    const id = ++this.seq;
    this.callers.set(id, {
      caller: call.caller,
      requestId: requestId ?? null,
      ...(token === undefined ? {} : { token }),
    });
    // Once the call is answered (or timed out), a late read from its handler is refused.
    return this.request(worker, id, { type: 'call', id, ...message }, call.deadlineMs).finally(() =>
      this.callers.delete(id),
    );
  }

  /**
   * Opens a connector's stream with its config checked by the plugin's schema
   * (BAD_USER_INPUT naming the problems otherwise). Each pull has `deadlineMs`,
   * as a call does; the stream as a whole has none.
   */
  async openConnector(
    connector: string,
    connectorConfig: unknown,
    grant: ContextGrant,
    deadlineMs: number,
    token?: number,
  ): Promise<ConnectorStream> {
    const worker = await this.ready();
    const stream = ++this.seq;
    this.callers.set(stream, { caller: grant.caller, requestId: null, ...(token === undefined ? {} : { token }) });
    const close = () => {
      if (!this.callers.delete(stream)) return;
      if (worker === this.worker) worker.postMessage({ type: 'connector-close', stream } satisfies ToWorker);
    };
    try {
      await this.request(
        worker,
        stream,
        { type: 'connector-open', id: stream, connector, connectorConfig, ...grant },
        deadlineMs,
      );
    } catch (error) {
      close();
      throw error;
    }
    return {
      pull: (max) => {
        if (this.stopped)
          return Promise.reject(new PluginCallError('PLUGIN_UNAVAILABLE', 'the plugin was stopped during the read'));
        // A replaced worker took the stream with it.
        if (worker !== this.worker)
          return Promise.reject(
            new PluginCallError('PLUGIN_FAILED', "the plugin's worker was restarted during the read"),
          );
        const id = ++this.seq;
        return this.request(
          worker,
          id,
          { type: 'connector-pull', id, stream, max },
          deadlineMs,
        ) as Promise<ConnectorBatch>;
      },
      close,
    };
  }

  /**
   * Asks the plugin to check a connector's config against the connector's schema; resolves with the problems (none when
   * valid).
   */
  async checkConnectorConfig(connector: string, config: unknown): Promise<string[]> {
    const worker = await this.ready();
    const id = ++this.seq;
    return this.waitForProblems(
      id,
      () => worker.postMessage({ type: 'check-connector-config', id, connector, config } satisfies ToWorker),
      'the plugin did not check the connector config in time',
    );
  }

  private async ready(): Promise<PluginThread> {
    if (this.stopped) throw new PluginCallError('PLUGIN_UNAVAILABLE', 'the plugin is stopped');
    if (this.checking) await this.checking;
    await this.start();
    return this.worker!;
  }

  /** Posts a message answered by `result` or `failed` under `id`, with a deadline. */
  private request(worker: PluginThread, id: number, message: ToWorker, deadlineMs: number): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.onDeadline(worker, id, deadlineMs), deadlineMs);
      this.pending.set(id, { resolve, reject, timer });
      worker.postMessage(message);
    });
  }

  private readonly configWaiters = new Map<number, (problems: string[]) => void>();

  /** Asks the plugin to check a configuration against its own schema; resolves with the problems (none when valid). */
  async checkConfig(config: unknown): Promise<string[]> {
    await this.start();
    const worker = this.worker!;
    const id = ++this.seq;
    return this.waitForProblems(
      id,
      () => worker.postMessage({ type: 'check-config', id, config } satisfies ToWorker),
      'the plugin did not check its configuration in time',
    );
  }

  private waitForProblems(id: number, post: () => void, late: string): Promise<string[]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.configWaiters.delete(id);
        reject(new PluginCallError('TIMEOUT', late));
      }, 5_000);
      this.configWaiters.set(id, (problems) => {
        clearTimeout(timer);
        resolve(problems);
      });
      post();
    });
  }

  /** Resolves when no call is in flight, or after `timeoutMs`; used before stopping so in-flight calls finish. */
  async drain(timeoutMs: number): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (this.pending.size > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const worker = this.worker;
    this.worker = null;
    this.failAll('PLUGIN_UNAVAILABLE', 'the plugin was stopped');
    if (worker) await worker.terminate();
  }

  private settle(id: number): Pending | undefined {
    const pending = this.pending.get(id);
    if (pending) {
      clearTimeout(pending.timer);
      this.pending.delete(id);
    }
    return pending;
  }

  private onMessage(worker: PluginThread, message: FromWorker): void {
    switch (message.type) {
      case 'result':
        this.settle(message.id)?.resolve(message.output);
        return;
      case 'failed':
        this.settle(message.id)?.reject(toCallError(message.error));
        return;
      case 'log':
        this.options.log?.(message.level, message.message, message.fields);
        return;
      case 'kv':
        void this.runKv(worker, message);
        return;
      case 'data-read':
        void this.runDataRead(worker, message);
        return;
      case 'fetch':
        void this.runFetch(worker, message);
        return;
      case 'event':
        this.options.onEvent?.(message.name, message.payload);
        return;
      case 'config-result':
        this.configWaiters.get(message.id)?.(message.problems);
        this.configWaiters.delete(message.id);
        return;
      default:
        return;
    }
  }

  private async runKv(worker: PluginThread, message: Extract<FromWorker, { type: 'kv' }>): Promise<void> {
    const kv = this.options.kv;
    try {
      if (!kv) throw new Error('no key/value store is attached to this plugin');
      const value =
        message.op === 'get'
          ? await kv.get(message.key)
          : message.op === 'set'
            ? await kv.set(message.key, message.value)
            : await kv.delete(message.key);
      worker.postMessage({ type: 'kv-result', id: message.id, ok: true, value } satisfies ToWorker);
    } catch (error) {
      worker.postMessage({
        type: 'kv-result',
        id: message.id,
        ok: false,
        error: (error as Error).message,
      } satisfies ToWorker);
    }
  }

  private async runDataRead(worker: PluginThread, message: Extract<FromWorker, { type: 'data-read' }>): Promise<void> {
    const { id, callId } = message;
    const call = typeof callId === 'number' ? this.callers.get(callId) : undefined;
    const failed: PluginDataAnswer = { ok: false, error: { kind: 'failed', message: 'the data read failed' } };
    let answer: PluginDataAnswer;
    try {
      if (!call) answer = { ok: false, error: { kind: 'capability', message: 'data may be read only during a call' } };
      else if (!this.options.data)
        answer = {
          ok: false,
          error: { kind: 'capability', message: 'no data connections are available to this plugin' },
        };
      // Field by field: the caller is the runner's, whatever else the message carries.
      else
        answer = await this.options.data({
          ...call,
          connectionId: message.connectionId,
          fields: message.fields,
          limit: message.limit,
          purpose: message.purpose,
        });
    } catch {
      answer = failed;
    }
    try {
      worker.postMessage({ type: 'data-result', id, ...answer } satisfies ToWorker);
    } catch {
      // Rows that cannot be copied to the worker.
      worker.postMessage({ type: 'data-result', id, ...failed } satisfies ToWorker);
    }
  }

  private async runFetch(worker: PluginThread, message: Extract<FromWorker, { type: 'fetch' }>): Promise<void> {
    const call = typeof message.callId === 'number' ? this.callers.get(message.callId) : undefined;
    let answer: PluginFetchAnswer;
    try {
      if (!call) answer = { ok: false, error: { kind: 'capability', message: 'fetch may be used only during a call' } };
      else if (!this.options.fetch)
        answer = { ok: false, error: { kind: 'capability', message: 'no network is available to this plugin' } };
      // Field by field, as for data reads: the call's record is the runner's.
      else
        answer = await this.options.fetch({
          ...call,
          url: message.url,
          method: message.method,
          headers: message.headers,
          body: message.body,
        });
    } catch {
      answer = { ok: false, error: { kind: 'failed', message: 'fetch failed' } };
    }
    worker.postMessage({ type: 'fetch-result', id: message.id, ...answer } satisfies ToWorker);
  }

  /** The deadline passed: answer TIMEOUT now; replace the worker if it does not even answer a ping. */
  private onDeadline(worker: PluginThread, id: number, deadlineMs: number): void {
    const pending = this.settle(id);
    if (!pending) return;
    pending.reject(new PluginCallError('TIMEOUT', `the plugin did not answer within ${deadlineMs} ms`));
    if (worker !== this.worker) return;
    worker.postMessage({ type: 'abort', id } satisfies ToWorker);
    if (this.checking) return;
    const pingId = ++this.seq;
    this.checking = new Promise<void>((resolve) => {
      const done = () => {
        worker.off('message', onPong);
        this.checking = null;
        resolve();
      };
      const stuck = setTimeout(() => {
        if (worker === this.worker)
          this.replace(worker, 'the plugin stopped responding (a handler is blocking its thread); it was restarted');
        done();
      }, STUCK_AFTER_MS);
      const onPong = (message: FromWorker) => {
        if (message.type === 'pong' && message.id === pingId) {
          clearTimeout(stuck);
          done();
        }
      };
      worker.on('message', onPong);
      worker.postMessage({ type: 'ping', id: pingId } satisfies ToWorker);
    });
  }

  private onExit(worker: PluginThread, reason: string): void {
    if (worker !== this.worker) return;
    this.replace(worker, reason);
  }

  /** Drops a broken worker: its in-flight calls fail, the next call starts a fresh one. */
  private replace(worker: PluginThread, reason: string): void {
    this.worker = null;
    this.starting = null;
    this.restarts++;
    this.failAll('PLUGIN_FAILED', reason);
    void worker.terminate();
    this.options.log?.('warn', reason, { restarts: this.restarts });
  }

  private failAll(code: PluginCallErrorCode, message: string): void {
    for (const id of [...this.pending.keys()]) this.settle(id)?.reject(new PluginCallError(code, message));
  }
}

function toCallError(error: WorkerError): PluginCallError {
  switch (error.kind) {
    case 'plugin':
      return new PluginCallError('PLUGIN_ERROR', error.message, error.code);
    case 'capability':
      return new PluginCallError('CAPABILITY_DENIED', error.message);
    case 'input':
      return new PluginCallError('BAD_USER_INPUT', error.message);
    default:
      return new PluginCallError('PLUGIN_FAILED', `the plugin failed: ${error.message}`);
  }
}
