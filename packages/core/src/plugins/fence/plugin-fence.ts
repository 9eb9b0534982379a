import { spawn, type ChildProcess } from 'node:child_process';
import type { Duplex } from 'node:stream';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PluginCallError, type PluginCallErrorCode } from '../plugin-runner.js';

/** The largest frame the hub reads from a plugin host. */
const HOST_FRAME_BYTES = 16 * 1024 * 1024;

const CODES = new Set<PluginCallErrorCode>([
  'TIMEOUT',
  'CAPABILITY_DENIED',
  'PLUGIN_ERROR',
  'BAD_USER_INPUT',
  'PLUGIN_FAILED',
  'PLUGIN_UNAVAILABLE',
]);
import type { FenceFailure, FenceMethod, FencePort, FromFence, ToFence } from './fence-protocol.js';
import { encodeFrame, readFrames } from './frames.js';

/** Answers a runner's `ctx` requests on the hub's side; may throw (the plugin sees the message). */
export type FencePortHandler = (port: FencePort, args: unknown) => Promise<unknown> | void;

export interface PluginFenceOptions {
  /**
   * Folders the host may read: its plugin's package and the node_modules its imports resolve from (none for an isolate
   * host).
   */
  readFolders: readonly string[];
  /**
   * Set for the isolate host (plugin API 2): isolated-vm's native file, the one addon it may load.
   * Its plugins' bundles and assets come from the hub, so it reads no plugin files and starts no
   * workers.
   */
  isolates?: { binary: string };
  /**
   * The host's resident memory ceiling; above it the host is killed (its calls in flight fail) and started again on the
   * next call. Default 1024 MiB.
   */
  maxRssMb?: number;
  /**
   * The user and group the host runs as (the hub must be root to switch), so that the operating
   * system keeps it from the hub's files too; the plugins' folders must be readable by that user.
   * Default: the hub's own user.
   */
  user?: { uid: number; gid: number } | null;
  log?: (level: 'debug' | 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: PluginCallError) => void;
}

function fenceEntry(): string {
  // Built: dist/plugin-fence.js beside this chunk. In tests from src: the package's dist.
  for (const candidate of ['./plugin-fence.js', '../../../dist/plugin-fence.js', '../../dist/plugin-fence.js']) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new Error('plugin-fence.js not found; build @maru/core first');
}

/**
 * The fence: a child process that hosts one plugin, started with
 * Node's permission model so that plugin code can reach nothing but its `ctx`:
 *
 * - `--permission` with `--allow-fs-read` of the plugin's folder and the modules it imports
 *   only: no other file (the store, the configuration, `/proc/<pid>/environ`), no writes;
 * - no `--allow-child-process`, `--allow-addons`, `--allow-wasi`: no processes, native code or WASI;
 * - `--allow-worker`: each plugin runs in a worker thread of its own (heap limit, restart);
 * - `--no-experimental-sqlite`: `node:sqlite` opens files without asking the permission model;
 * - network: denied by `--permission` on Node 26; on Node 24 the host can still open sockets,
 *   which deployments close from outside (docs/security/plugin-sandbox.md);
 * - an empty environment, and (when the operator sets one) a user of its own.
 *
 * One host per plugin: plugin code can write raw bytes to any descriptor of its process, so a
 * host shared by two plugins would let one speak for the other on the pipe. A crash, a kill,
 * the memory ceiling or a broken frame fails only the calls in flight; the next call starts a
 * new host and the plugin is started in it again.
 */
export class PluginFence {
  private child: ChildProcess | null = null;
  private write: ((message: ToFence) => void) | null = null;
  private starting: Promise<ChildProcess> | null = null;
  private readonly pending = new Map<number, Pending>();
  private readonly handlers = new Map<number, FencePortHandler>();
  private seq = 0;
  private watch: NodeJS.Timeout | null = null;
  private closed = false;
  /** Bumped at every start of the host: a runner started in an earlier one must start its plugin again. */
  generation = 0;
  /** How many times the host ended without being asked to (crash, kill, memory ceiling). */
  restarts = 0;

  constructor(private readonly options: PluginFenceOptions) {}

  /**
   * The flags the host starts with: read access to the fence's own code and the plugin's folders (real paths; missing
   * ones left out).
   */
  flags(): string[] {
    const paths = [dirname(fenceEntry()), ...this.options.readFolders].flatMap((folder) => {
      try {
        return [realpathSync(folder)];
      } catch {
        return [];
      }
    });
    const isolates = this.options.isolates;
    const reads = [...new Set([...paths, ...(isolates ? [isolates.binary] : [])])]
      .sort()
      .map((path) => `--allow-fs-read=${path}`);
    // The one addon is isolated-vm, loaded by the host's own code before any plugin's; Node's warning about
    // --allow-addons would otherwise reach the hub's log as plugin host output at every start.
    if (isolates)
      return ['--permission', '--allow-addons', '--disable-warning=PERM0001', '--no-experimental-sqlite', ...reads];
    return ['--permission', '--allow-worker', '--no-experimental-sqlite', '--max-semi-space-size=1', ...reads];
  }

  register(runner: number, handler: FencePortHandler): void {
    this.handlers.set(runner, handler);
  }

  unregister(runner: number): void {
    this.handlers.delete(runner);
  }

  /** Asks runner `runner` in the host; rejects with a PluginCallError. */
  async request(runner: number, method: FenceMethod, args: unknown): Promise<unknown> {
    const child = await this.ready();
    return new Promise((resolve, reject) => {
      const id = ++this.seq;
      this.pending.set(id, { resolve, reject });
      try {
        if (child !== this.child || !this.write) throw new Error('the plugin host stopped');
        this.write({ t: 'request', id, runner, method, args });
      } catch (error) {
        this.pending.delete(id);
        reject(
          new PluginCallError('PLUGIN_FAILED', `the plugin host could not be reached: ${(error as Error).message}`),
        );
      }
    });
  }

  /** The running host, started when there is none. */
  ready(): Promise<ChildProcess> {
    if (this.closed) return Promise.reject(new PluginCallError('PLUGIN_UNAVAILABLE', 'the plugin host is stopped'));
    if (this.child) return Promise.resolve(this.child);
    this.starting ??= this.start().finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  private start(): Promise<ChildProcess> {
    const user = this.options.user ?? null;
    const child = spawn(
      process.execPath,
      [...this.flags(), fenceEntry(), ...(this.options.isolates ? [this.options.isolates.binary] : [])],
      {
        // Nothing of the hub's environment: no secrets, no database address, no NODE_OPTIONS.
        env: {},
        // Descriptor 3: the hub's pipe, framed (frames.ts). No Node IPC channel: its parser would run the plugin host's
        // bytes in the hub.
        stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
        ...(user ? { uid: user.uid, gid: user.gid } : {}),
      },
    );
    const generation = ++this.generation;
    // Plugin output (console.log in a handler) is the plugin host's: logged, labelled, bounded.
    for (const stream of [child.stdout!, child.stderr!]) {
      stream.setEncoding('utf8');
      stream.on('data', (text: string) =>
        this.options.log?.('warn', 'plugin host output', { output: text.slice(0, 2000) }),
      );
    }
    const channel = child.stdio[3] as Duplex;
    const write = (message: ToFence) => void channel.write(encodeFrame(message));
    channel.on('error', () => undefined);
    return new Promise((resolve, reject) => {
      const failed = (reason: string) =>
        reject(new PluginCallError('PLUGIN_UNAVAILABLE', `the plugin host did not start: ${reason}`));
      child.once('error', (error) => failed(error.message));
      child.once('exit', (code, signal) => failed(`it exited (${signal ?? code})`));
      readFrames(
        channel,
        (message) => {
          if (!isFromFence(message)) return this.onBad(child, "a message that is not the protocol's");
          if (message.t === 'ready') {
            if (this.child) return this.onBad(child, 'a second ready');
            this.child = child;
            this.write = write;
            this.watchMemory(child);
            child.removeAllListeners('exit');
            child.on('exit', (code, signal) => this.onExit(child, generation, signal ?? String(code)));
            resolve(child);
            return;
          }
          if (child === this.child) this.onMessage(child, message);
        },
        (why) => this.onBad(child, why),
        // What a plugin may send the hub at once: results, records, requests; the hub deserializes it in its own loop.
        HOST_FRAME_BYTES,
      );
    });
  }

  /** The host said something outside the protocol: plugin code wrote to the pipe. It is stopped; its calls fail. */
  private onBad(child: ChildProcess, why: string): void {
    this.options.log?.(
      'warn',
      'the plugin host broke the protocol (plugin code writing to ' +
        'its pipe?); it is stopped and starts again on the next call',
      { why },
    );
    this.detach(child, 'the plugin host broke the protocol during the call; it was restarted');
    child.kill('SIGKILL');
  }

  private onMessage(child: ChildProcess, message: FromFence): void {
    if (message.t === 'answer') {
      const pending = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (!pending) return;
      if (message.ok) pending.resolve(message.value);
      else {
        // The host's words about a failure are the plugin's: only known codes pass, as plain strings.
        const error = (message.error ?? {}) as Partial<FenceFailure>;
        const code = CODES.has(error.code as PluginCallErrorCode)
          ? (error.code as PluginCallErrorCode)
          : 'PLUGIN_FAILED';
        pending.reject(
          new PluginCallError(
            code,
            String(error.message ?? 'the plugin failed').slice(0, 2000),
            typeof error.pluginCode === 'string' ? error.pluginCode : undefined,
          ),
        );
      }
      return;
    }
    if (message.t !== 'port') return;
    const handler = this.handlers.get(message.runner);
    const answer = (reply: ToFence) => {
      if (message.id === 0 || child !== this.child || !this.write) return;
      try {
        this.write(reply);
      } catch {
        // The host is gone; its calls fail on their own.
      }
    };
    if (!handler) return answer({ t: 'answer', id: message.id, ok: false, message: 'the plugin is not loaded' });
    Promise.resolve()
      .then(() => handler(message.port, message.args))
      .then(
        (value) => answer({ t: 'answer', id: message.id, ok: true, value }),
        (error: unknown) =>
          answer({
            t: 'answer',
            id: message.id,
            ok: false,
            message: error instanceof Error ? error.message : String(error),
          }),
      );
  }

  /**
   * The host's resident memory, checked every second: off-heap buffers and nested workers count here, not in a worker's
   * heap limit.
   */
  private watchMemory(child: ChildProcess): void {
    const limit = (this.options.maxRssMb ?? 1024) * 1024 * 1024;
    this.watch = setInterval(() => {
      const rss = residentBytes(child.pid);
      if (rss !== null && rss > limit) {
        this.options.log?.(
          'warn',
          'the plugin host passed its memory ceiling; it is stopped and starts again on the next call',
          { rssMb: Math.round(rss / 1048576), maxRssMb: this.options.maxRssMb ?? 1024 },
        );
        this.detach(child, 'the plugin host passed its memory ceiling during the call; it was restarted');
        child.kill('SIGKILL');
      }
    }, 1_000);
    this.watch.unref();
  }

  private onExit(child: ChildProcess, generation: number, how: string): void {
    if (child !== this.child) return;
    this.child = null;
    this.write = null;
    if (this.watch) clearInterval(this.watch);
    if (this.closed) return;
    this.restarts++;
    this.options.log?.(
      'warn',
      'the plugin host ended; its calls in flight failed, and it starts again on the next call',
      { how, generation },
    );
    for (const [id, pending] of this.pending) {
      this.pending.delete(id);
      pending.reject(new PluginCallError('PLUGIN_FAILED', 'the plugin host stopped during the call; it was restarted'));
    }
  }

  /** The host stopped answering: it is killed (its calls in flight fail) and the next request starts a new one. */
  stopUnresponsive(why: string): void {
    const child = this.child;
    if (!child) return;
    this.options.log?.('warn', `the plugin host is stopped: ${why}`);
    this.detach(child, 'the plugin host stopped answering during the call; it was restarted');
    child.kill('SIGKILL');
  }

  /**
   * Forgets a host at once (its calls in flight fail), so the next request starts a new one without waiting for it to
   * exit.
   */
  private detach(child: ChildProcess, message: string): void {
    if (child !== this.child) return;
    this.child = null;
    this.write = null;
    if (this.watch) clearInterval(this.watch);
    this.restarts++;
    for (const [id, pending] of this.pending) {
      this.pending.delete(id);
      pending.reject(new PluginCallError('PLUGIN_FAILED', message));
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.watch) clearInterval(this.watch);
    const child = this.child;
    this.child = null;
    this.write = null;
    for (const [id, pending] of this.pending) {
      this.pending.delete(id);
      pending.reject(new PluginCallError('PLUGIN_UNAVAILABLE', 'the plugin host was stopped'));
    }
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    (child.stdio[3] as Duplex).end();
    const timer = setTimeout(() => child.kill('SIGKILL'), 2_000);
    await exited;
    clearTimeout(timer);
  }

  /** The host's process id while it runs (tests signal it). */
  get pid(): number | null {
    return this.child?.pid ?? null;
  }
}

/** A message the protocol allows from a plugin host, by its shape. */
function isFromFence(message: unknown): message is FromFence {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  if (m.t === 'ready') return true;
  if (m.t === 'answer') return typeof m.id === 'number' && typeof m.ok === 'boolean';
  if (m.t === 'port') return typeof m.id === 'number' && typeof m.runner === 'number' && typeof m.port === 'string';
  return false;
}

function residentBytes(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}
