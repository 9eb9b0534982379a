/**
 * A plugin's engine in the plugin host: one V8 isolate (isolated-vm) with a
 * memory limit, holding the guest runtime (isolate-guest.ts) and the plugin's
 * bundle, and nothing else. Seen from its PluginRunner it is a thread like a
 * worker (PluginThread): copied messages both ways, `exit` when it ends. The
 * plugin host's functions it hands in (host-functions.ts) take copied plain
 * data and check it; none reaches a file, a socket or the hub's state.
 */
import { EventEmitter } from 'node:events';
import type IsolatedVM from 'isolated-vm';
import type { PluginThread } from '../plugin-runner.js';
import { nodeCrypto } from '../node-platform.js';
import type { FromWorker, ToWorker } from '../worker-protocol.js';
import type { UrlParts } from './host-functions.js';

type Ivm = typeof IsolatedVM;

export interface IsolateSource {
  /** The guest runtime's script (dist/isolate-guest.js). */
  guest: string;
  /** The plugin's bundle: an ES module that imports nothing and exports its definePlugin() default. */
  bundle: string;
  /** The name its stack traces carry. */
  filename: string;
  /** The manifest's assets, read by the hub from the verified package. */
  assets: Record<string, Uint8Array>;
  /** The isolate's memory limit (heap and ArrayBuffers), MiB. */
  memoryMb: number;
  /** How long evaluating the bundle may take. */
  loadTimeoutMs: number;
}

/** Timers one isolate may have pending: a plugin that schedules without bound costs its own timers. */
const MAX_TIMERS = 1_000;
/** Timer callbacks one isolate may run per second, with a burst; later ones wait their turn. */
const TIMER_FIRES_PER_SECOND = 1_000;
/**
 * Messages to the hub (log lines, ctx requests) one isolate may send per second, with a burst; the rest are dropped.
 */
const POSTS_PER_SECOND = 2_000;
const POST_BURST = 10_000;
/**
 * The longest one slice of plugin code may run without yielding: a timer callback (no call's
 * deadline covers it), and anything else. Past it the isolate is ended and started again.
 */
const TIMER_SLICE_MS = 1_000;
const SLICE_MS = 10_000;
/** Messages a plugin's answer needs, never dropped; everything else it sends counts against its rate. */
const ANSWERS = new Set(['ready', 'load-failed', 'result', 'failed', 'config-result', 'pong']);

/** A token bucket: `take()` says whether one more may go now. */
function bucket(perSecond: number, burst: number): { take(): boolean } {
  let tokens = burst;
  let at = Date.now();
  return {
    take() {
      const now = Date.now();
      tokens = Math.min(burst, tokens + ((now - at) / 1000) * perSecond);
      at = now;
      if (tokens < 1) return false;
      tokens--;
      return true;
    },
  };
}
/** The longest URL the host parses for an isolate. */
const MAX_URL = 64 * 1024;
const URL_PARTS = new Set([
  'protocol',
  'username',
  'password',
  'host',
  'hostname',
  'port',
  'pathname',
  'search',
  'hash',
]);

function partsOf(url: URL): UrlParts {
  const { href, origin, protocol, username, password, host, hostname, port, pathname, search, hash } = url;
  return { ok: true, href, origin, protocol, username, password, host, hostname, port, pathname, search, hash };
}

const isString = (value: unknown, max = MAX_URL): value is string => typeof value === 'string' && value.length <= max;

export class IsolateThread extends EventEmitter implements PluginThread {
  private isolate: IsolatedVM.Isolate | null = null;
  private dispatch: IsolatedVM.Reference<(message: unknown) => void> | null = null;
  private readonly timers = new Map<number, NodeJS.Timeout>();
  private readonly posts = bucket(POSTS_PER_SECOND, POST_BURST);
  private readonly fires = bucket(TIMER_FIRES_PER_SECOND, TIMER_FIRES_PER_SECOND);
  private ended = false;

  constructor(
    private readonly ivm: Ivm,
    private readonly source: IsolateSource,
  ) {
    super();
    // Listeners are attached by the runner right after construction.
    queueMicrotask(() => void this.boot());
  }

  postMessage(message: ToWorker | { type: '$timer'; id: number }): void {
    const dispatch = this.dispatch;
    if (!dispatch || this.ended) return;
    const timeout = message.type === '$timer' ? TIMER_SLICE_MS : SLICE_MS;
    dispatch
      .apply(undefined, [message], { arguments: { copy: true }, timeout })
      .catch((error: unknown) => this.onFailure(error, timeout));
  }

  terminate(): Promise<number> {
    this.end(1);
    return Promise.resolve(1);
  }

  private async boot(): Promise<void> {
    const { ivm, source } = this;
    try {
      const isolate = new ivm.Isolate({ memoryLimit: Math.max(8, source.memoryMb) });
      this.isolate = isolate;
      const context = await isolate.createContext();
      await context.evalClosure(
        'globalThis.__maru_host = { post: $0, setTimer: $1, clearTimer: $2, url: $3, urlWith: $4, clone: ' +
          '$5, randomBytes: $6, sha256: $7, ed25519KeyPair: $8, ed25519Sign: $9, ed25519Verify: $10 };',
        this.hostFunctions(),
      );
      await context.global.set('__maru_assets', new ivm.ExternalCopy(source.assets).copyInto({ release: true }));
      const guest = await isolate.compileScript(source.guest, { filename: 'maru:isolate-guest.js' });
      await guest.run(context, { timeout: source.loadTimeoutMs });
      this.dispatch = await context.global.get('__maru_dispatch', { reference: true });
      const start = await context.global.get('__maru_start', { reference: true });
      await context.eval('delete globalThis.__maru_dispatch; delete globalThis.__maru_start;');
      const module = await isolate.compileModule(source.bundle, { filename: source.filename });
      await module.instantiate(context, (specifier) => {
        throw new Error(
          `the bundle imports "${specifier}": a plugin bundle imports nothing (build it with maru build)`,
        );
      });
      await module.evaluate({ timeout: source.loadTimeoutMs });
      const plugin = await module.namespace.get('default', { reference: true });
      await start.apply(undefined, [plugin.derefInto()], { timeout: source.loadTimeoutMs });
    } catch (error) {
      if (this.ended) return;
      this.emit('message', { type: 'load-failed', message: this.describe(error) } satisfies FromWorker);
    }
  }

  private describe(error: unknown): string {
    if (this.isolate?.isDisposed) return 'the isolate ran out of memory';
    return error instanceof Error ? error.message : String(error);
  }

  /** A failed dispatch: the isolate ended under it (memory limit), or plugin code ran a slice past its limit. */
  private onFailure(error: unknown, sliceMs: number): void {
    if (this.ended) return;
    const ranTooLong = !this.isolate?.isDisposed && error instanceof Error && /timed out/i.test(error.message);
    if (this.isolate?.isDisposed || ranTooLong) {
      this.emit(
        'error',
        new Error(
          ranTooLong
            ? `the plugin's code ran ${sliceMs} ms without yielding; its isolate was ended`
            : `the plugin's isolate ended: ${this.describe(error)}`,
        ),
      );
      this.end(1);
    }
  }

  private end(code: number): void {
    if (this.ended) return;
    this.ended = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.dispatch = null;
    try {
      if (this.isolate && !this.isolate.isDisposed) this.isolate.dispose();
    } catch {
      // Already gone.
    }
    // Later, as a worker's would: whoever terminated it finishes what it was saying first.
    setImmediate(() => this.emit('exit', code));
  }

  /** The functions of host-functions.ts, in the order isolate code receives them ($0…$10). */
  private hostFunctions(): IsolatedVM.Callback[] {
    const { ivm } = this;
    const copy = (value: unknown) => new ivm.ExternalCopy(value).copyInto({ release: true });
    // A host function's error reaches plugin code as its message alone: no stack of the plugin host's code.
    const sync = (fn: (...args: never[]) => unknown) =>
      new ivm.Callback((...args: never[]) => {
        try {
          return copy(fn(...args));
        } catch (error) {
          const plain = new TypeError(error instanceof Error ? error.message : String(error));
          plain.stack = `TypeError: ${plain.message}`;
          throw plain;
        }
      });
    const post = new ivm.Callback(
      (message: FromWorker) => {
        if (this.ended || !message || typeof message !== 'object' || typeof message.type !== 'string') return;
        if (!ANSWERS.has(message.type) && !this.posts.take()) return;
        this.emit('message', message);
      },
      { ignored: true },
    );
    const setTimer = new ivm.Callback(
      (id: number, ms: number) => {
        if (!Number.isSafeInteger(id) || this.ended || (this.timers.size >= MAX_TIMERS && !this.timers.has(id))) return;
        clearTimeout(this.timers.get(id));
        const delay = Math.min(2_147_483_647, Math.max(0, Number(ms) || 0));
        const fire = () => {
          // Past its rate a plugin's timers wait: a storm of them costs the plugin time, not the host.
          if (!this.fires.take()) return void this.timers.set(id, setTimeout(fire, 100));
          this.timers.delete(id);
          this.postMessage({ type: '$timer', id });
        };
        this.timers.set(id, setTimeout(fire, delay));
      },
      { ignored: true },
    );
    const clearTimer = new ivm.Callback(
      (id: number) => {
        clearTimeout(this.timers.get(id));
        this.timers.delete(id);
      },
      { ignored: true },
    );
    const url = sync((href: string, base?: string): UrlParts => {
      if (!isString(href) || (base !== undefined && !isString(base))) return { ok: false, message: 'Invalid URL' };
      try {
        return partsOf(base === undefined ? new URL(href) : new URL(href, base));
      } catch {
        return { ok: false, message: `Invalid URL: ${href.slice(0, 200)}` };
      }
    });
    const urlWith = sync((href: string, part: string, value: string): UrlParts => {
      if (!isString(href) || !URL_PARTS.has(part) || !isString(value)) return { ok: false, message: 'Invalid URL' };
      try {
        const parsed = new URL(href);
        (parsed as unknown as Record<string, string>)[part] = value;
        return partsOf(parsed);
      } catch {
        return { ok: false, message: `Invalid URL: ${href.slice(0, 200)}` };
      }
    });
    const clone = sync((value: unknown) => value);
    const bytes = (data: unknown) => {
      if (!(data instanceof Uint8Array)) throw new TypeError('pass a Uint8Array or a string');
      return data;
    };
    const randomBytes = sync((length: number) => nodeCrypto.randomBytes(Number(length)));
    const sha256 = sync((data: Uint8Array) => nodeCrypto.sha256(bytes(data)));
    const keyPair = sync((seed?: Uint8Array) =>
      nodeCrypto.ed25519KeyPair(seed === undefined ? undefined : bytes(seed)),
    );
    const sign = sync((key: never, data: Uint8Array) => nodeCrypto.ed25519Sign(key, bytes(data)));
    const verify = sync((key: never, data: Uint8Array, signature: string) =>
      nodeCrypto.ed25519Verify(key, bytes(data), String(signature)),
    );
    return [post, setTimer, clearTimer, url, urlWith, clone, randomBytes, sha256, keyPair, sign, verify];
  }
}
