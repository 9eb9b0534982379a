import type { PluginManifest } from '@maru/sdk';
import {
  PluginCallError,
  type ConnectorStream,
  type PluginCall,
  type PluginCallRecord,
  type PluginRunnerOptions,
} from '../plugin-runner.js';
import type { ConnectorBatch, ContextGrant } from '../worker-protocol.js';
import type { FencePort } from './fence-protocol.js';
import type { PluginFence } from './plugin-fence.js';

let runnerSeq = 0;

/** How long past a call's deadline the host may take to answer TIMEOUT before it counts as hung. */
const HOST_GRACE_MS = 2_000;
/** The host's own limit for checking a configuration (PluginRunner's). */
const CHECK_MS = 5_000;
/** Log lines a plugin may write per second, with a burst; the rest are dropped and counted. */
const LOG_LINES_PER_SECOND = 50;
const LOG_BURST = 200;
/** The largest fields object of one log line, as JSON. */
const LOG_FIELDS_BYTES = 4096;

/** A plugin's log fields, as the hub's log takes them: plain JSON of bounded size, under a key of their own. */
function boundedFields(fields: unknown): Record<string, unknown> {
  if (!fields || typeof fields !== 'object') return {};
  let json: string;
  try {
    json = JSON.stringify(fields);
  } catch {
    return { pluginFields: '(not JSON)' };
  }
  if (json.length > LOG_FIELDS_BYTES)
    return { pluginFields: `(${json.length} bytes of fields, more than ${LOG_FIELDS_BYTES}: left out)` };
  return { pluginFields: JSON.parse(json) as unknown };
}

/**
 * One plugin in the fenced plugin host, seen from the hub: the same surface as
 * {@link PluginRunner}. What the plugin's `ctx` asks for arrives here and is
 * answered with the hub's own record of the call in flight — the caller and
 * request id the hub sent, found by the number the hub gave the call — never
 * with what the plugin host says about it.
 */
export class FencedRunner {
  private readonly id = ++runnerSeq;
  private readonly calls = new Map<number, PluginCallRecord>();
  private seq = 0;
  private startedIn = 0;
  private starting: Promise<PluginManifest> | null = null;
  private stopped = false;
  manifest: PluginManifest | null = null;

  /**
   * `isolate` (plugin API 2): the plugin's bundle, assets and memory limit, run in an isolate of a
   * plugin host shared with other API-2 plugins. Without it, the legacy plugin runs in a worker
   * thread of a host of its own, loading its module from `options.entry`.
   */
  constructor(
    private readonly fence: PluginFence,
    private readonly options: PluginRunnerOptions,
    private readonly isolate?: { bundle: string; assets: Record<string, Uint8Array>; memoryMb: number },
  ) {
    fence.register(this.id, (port, args) => this.onPort(port, args));
  }

  /** How many times the plugin host had to be started again. */
  get restarts(): number {
    return this.fence.restarts;
  }

  async start(): Promise<PluginManifest> {
    if (this.stopped) throw new PluginCallError('PLUGIN_UNAVAILABLE', 'the plugin is stopped');
    // A host started since (after a crash or a kill) has not loaded this plugin yet.
    await this.fence.ready();
    if (this.manifest && this.startedIn === this.fence.generation) return this.manifest;
    this.starting ??= this.answered(
      this.fence.request(this.id, 'start', {
        entry: this.options.entry,
        maxHeapMb: this.options.maxHeapMb,
        loadTimeoutMs: this.options.loadTimeoutMs,
        ...(this.isolate ? { isolate: this.isolate } : {}),
      }),
      this.options.loadTimeoutMs ?? 10_000,
      'PLUGIN_UNAVAILABLE',
    )
      .then((manifest) => {
        this.manifest = manifest as PluginManifest;
        this.startedIn = this.fence.generation;
        return this.manifest;
      })
      .finally(() => {
        this.starting = null;
      });
    return this.starting;
  }

  async call(call: PluginCall): Promise<unknown> {
    await this.start();
    const token = ++this.seq;
    this.calls.set(token, { caller: call.caller, requestId: call.requestId ?? null });
    const { requestId: _requestId, ...rest } = call;
    try {
      return await this.answered(this.fence.request(this.id, 'call', { ...rest, token }), call.deadlineMs);
    } finally {
      this.calls.delete(token);
    }
  }

  async openConnector(
    connector: string,
    config: unknown,
    grant: ContextGrant,
    deadlineMs: number,
  ): Promise<ConnectorStream> {
    await this.start();
    const token = ++this.seq;
    this.calls.set(token, { caller: grant.caller, requestId: null });
    let sid: number;
    try {
      sid = (await this.answered(
        this.fence.request(this.id, 'openConnector', { connector, config, grant, deadlineMs, token }),
        deadlineMs,
      )) as number;
    } catch (error) {
      this.calls.delete(token);
      throw error;
    }
    const generation = this.fence.generation;
    return {
      pull: (max) => {
        if (generation !== this.fence.generation)
          return Promise.reject(new PluginCallError('PLUGIN_FAILED', 'the plugin host was restarted during the read'));
        return this.answered(this.fence.request(this.id, 'pull', { sid, max }), deadlineMs) as Promise<ConnectorBatch>;
      },
      close: () => {
        if (!this.calls.delete(token)) return;
        if (generation === this.fence.generation)
          void this.fence.request(this.id, 'closeStream', { sid }).catch(() => undefined);
      },
    };
  }

  async checkConfig(config: unknown): Promise<string[]> {
    await this.start();
    return (await this.answered(this.fence.request(this.id, 'checkConfig', config), CHECK_MS)) as string[];
  }

  async checkConnectorConfig(connector: string, config: unknown): Promise<string[]> {
    await this.start();
    return (await this.answered(
      this.fence.request(this.id, 'checkConnectorConfig', { connector, config }),
      CHECK_MS,
    )) as string[];
  }

  /** Resolves when no call is in flight, or after `timeoutMs`. */
  async drain(timeoutMs: number): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (this.calls.size > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.calls.clear();
    if (this.isolate) {
      // A shared host: only this plugin's isolate goes — when the running host has it (a host
      // started since, or none, has nothing of this plugin's to stop, and need not be started).
      const inRunningHost =
        this.manifest !== null && this.startedIn === this.fence.generation && this.fence.pid !== null;
      if (inRunningHost) await this.fence.request(this.id, 'stop', null).catch(() => undefined);
      this.fence.unregister(this.id);
      return;
    }
    this.fence.unregister(this.id);
    // The host is this plugin's alone.
    await this.fence.close();
  }

  /**
   * The host answers TIMEOUT itself at the deadline (its runner's timer). A host that does not
   * even do that — its event loop blocked, or not listening — is stopped a grace period later:
   * the call fails and the next one starts a new host.
   */
  private answered<T>(
    request: Promise<T>,
    deadlineMs: number,
    code: 'TIMEOUT' | 'PLUGIN_UNAVAILABLE' = 'TIMEOUT',
  ): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const silent = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.fence.stopUnresponsive(
          'a request got no answer, not even TIMEOUT, within its deadline and a grace period',
        );
        reject(new PluginCallError(code, `the plugin did not answer within ${deadlineMs} ms; its host was restarted`));
      }, deadlineMs + HOST_GRACE_MS);
    });
    return Promise.race([request, silent]).finally(() => clearTimeout(timer));
  }

  /** A `ctx` request from the plugin host for this plugin. Throwing refuses it with the message. */
  private async onPort(port: FencePort, args: unknown): Promise<unknown> {
    const a = (args ?? {}) as Record<string, unknown>;
    switch (port) {
      case 'log': {
        if (!this.logAllowed()) return;
        const level = ['debug', 'info', 'warn', 'error'].includes(a.level as string)
          ? (a.level as 'debug' | 'info' | 'warn' | 'error')
          : 'info';
        // The plugin's words, labelled as the plugin's by the hub's logger; they cannot set the hub's own fields.
        this.options.log?.(level, String(a.message).slice(0, 2000), boundedFields(a.fields));
        return;
      }
      case 'event':
        if (typeof a.name === 'string' && a.payload && typeof a.payload === 'object')
          this.options.onEvent?.(a.name, a.payload as Record<string, unknown>);
        return;
      case 'kv': {
        const kv = this.options.kv;
        if (!kv) throw new Error('no key/value store is attached to this plugin');
        const key = String(a.key);
        if (a.op === 'get') return kv.get(key);
        if (a.op === 'set') return kv.set(key, a.value);
        if (a.op === 'delete') return kv.delete(key);
        throw new Error('unknown kv operation');
      }
      case 'data': {
        const call = this.record(a.token);
        if (!call) return { ok: false, error: { kind: 'capability', message: 'data may be read only during a call' } };
        if (!this.options.data)
          return {
            ok: false,
            error: { kind: 'capability', message: 'no data connections are available to this plugin' },
          };
        return this.options.data({
          ...call,
          connectionId: a.connectionId,
          fields: a.fields,
          limit: a.limit,
          purpose: a.purpose,
        });
      }
      case 'fetch': {
        const call = this.record(a.token);
        if (!call) return { ok: false, error: { kind: 'capability', message: 'fetch may be used only during a call' } };
        if (!this.options.fetch)
          return { ok: false, error: { kind: 'capability', message: 'no network is available to this plugin' } };
        return this.options.fetch({ ...call, url: a.url, method: a.method, headers: a.headers, body: a.body });
      }
      default:
        throw new Error('unknown request');
    }
  }

  private logTokens = LOG_BURST;
  private logRefilled = Date.now();
  private logDropped = 0;

  /** A token bucket per plugin: a flood of log lines costs the plugin its lines, not the hub its log. */
  private logAllowed(): boolean {
    const now = Date.now();
    this.logTokens = Math.min(LOG_BURST, this.logTokens + ((now - this.logRefilled) / 1000) * LOG_LINES_PER_SECOND);
    this.logRefilled = now;
    if (this.logTokens >= 1) {
      this.logTokens--;
      if (this.logDropped > 0) {
        this.options.log?.(
          'warn',
          `dropped ${this.logDropped} log lines of this plugin (more than ${LOG_LINES_PER_SECOND} a second)`,
        );
        this.logDropped = 0;
      }
      return true;
    }
    this.logDropped++;
    return false;
  }

  /** The hub's record of one of this plugin's calls in flight, by the number the hub gave it. */
  private record(token: unknown): PluginCallRecord | undefined {
    return typeof token === 'number' ? this.calls.get(token) : undefined;
  }
}
