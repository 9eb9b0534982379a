import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';

export interface SpawnProcessOptions {
  /** The script and its arguments, run by `node`. */
  args: readonly string[];
  /** The child's whole environment; default `process.env`. */
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** The Node binary; default the one running the tests. */
  node?: string;
  /** Names the process in errors, e.g. "the hub"; default `node <args>`. */
  name?: string;
  /** How long `waitFor` waits by default; 45 s (CI machines are shared). */
  timeoutMs?: number;
  /** How long `stop()` waits after SIGTERM before SIGKILL; default 10 s. */
  killAfterMs?: number;
}

export interface SpawnedProcess {
  child: ChildProcess;
  /** Every line of stdout and stderr, in the order they arrived. */
  lines: readonly string[];
  stdout(): string;
  stderr(): string;
  /** The lines, joined by newlines. */
  output(): string;
  /** The exit code (null after a signal), once the process has exited. */
  exited: Promise<number | null>;
  /**
   * The first match of `pattern` in the output (a pattern spanning lines with `\n` may match
   * consecutive lines). Rejects with the output if the process exits first; after `timeoutMs`
   * it kills the process, then rejects naming the pattern.
   */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /** SIGTERM, SIGKILL after the grace period; resolves with the exit code once the process is gone. */
  stop(): Promise<number | null>;
}

export interface SpawnAndWaitOptions extends SpawnProcessOptions {
  /** The line that says the process is ready; named groups `url` and `port` are parsed. */
  waitFor: RegExp;
}

export interface StartedProcess extends SpawnedProcess {
  match: RegExpExecArray;
  /** The `url` group of the match, if the pattern has one. */
  url?: string;
  /** The `port` group of the match, or the port of `url`. */
  port?: number;
}

const live = new Set<ChildProcess>();
let reaping = false;

/** Starts `node <args>` and collects its output line by line; `waitFor` and `stop` act on it. */
export function spawnProcess(options: SpawnProcessOptions): SpawnedProcess {
  const name = options.name ?? `node ${options.args.join(' ')}`;
  const child = spawn(options.node ?? process.execPath, options.args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (!reaping) {
    reaping = true;
    // A test process that ends (or fails) leaves no hub behind.
    process.once('exit', () => {
      for (const running of live) running.kill('SIGKILL');
    });
  }
  live.add(child);

  const lines: string[] = [];
  const text = { stdout: '', stderr: '' };
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  const collect = (stream: Readable, into: keyof typeof text) => {
    let partial = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      text[into] += chunk;
      const parts = (partial + chunk).split('\n');
      partial = parts.pop()!;
      if (parts.length === 0) return;
      lines.push(...parts.map((line) => line.replace(/\r$/, '')));
      notify();
    });
    stream.on('end', () => {
      if (partial) lines.push(partial);
      partial = '';
      notify();
    });
  };
  collect(child.stdout!, 'stdout');
  collect(child.stderr!, 'stderr');

  let failure: Error | undefined;
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.once('error', (error) => {
      failure = error;
      if (child.pid === undefined) resolve(null); // never started: no 'exit' follows
    });
  });
  // Output printed just before exiting may arrive after 'exit'; 'close' waits for it, but a
  // grandchild holding the pipes could delay 'close' indefinitely.
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const drained = exited.then(() => Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 1000))]));
  void exited.then(() => live.delete(child));

  const output = () => lines.join('\n');
  const isRunning = () => child.exitCode === null && child.signalCode === null && child.pid !== undefined;
  const kill = async (signal: NodeJS.Signals) => {
    if (isRunning()) child.kill(signal);
    return exited;
  };

  return {
    child,
    lines,
    stdout: () => text.stdout,
    stderr: () => text.stderr,
    output,
    exited,
    waitFor: (pattern, timeoutMs = options.timeoutMs ?? 45_000) => {
      const once = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
      return new Promise((resolve, reject) => {
        let settled = false;
        const settle = () => {
          settled = true;
          listeners.delete(check);
          clearTimeout(timer);
        };
        function check() {
          const match = settled ? null : once.exec(output());
          if (match) {
            settle();
            resolve(match);
          }
        }
        const timer = setTimeout(() => {
          if (settled) return;
          settle();
          void kill('SIGKILL').then(() =>
            reject(
              new Error(`${name} printed nothing matching ${pattern} within ${timeoutMs} ms; killed it:\n${output()}`),
            ),
          );
        }, timeoutMs);
        listeners.add(check);
        check();
        void drained.then(() => {
          check();
          if (settled) return;
          settle();
          const how = failure ? `failed (${failure.message})` : `exited with ${child.exitCode ?? child.signalCode}`;
          reject(new Error(`${name} ${how} before printing ${pattern}:\n${output()}`));
        });
      });
    },
    stop: async () => {
      if (!isRunning()) return exited;
      const timer = setTimeout(() => void kill('SIGKILL'), options.killAfterMs ?? 10_000);
      await kill('SIGTERM');
      clearTimeout(timer);
      return exited;
    },
  };
}

/** Starts `node <args>` and resolves once it prints `waitFor`; see `spawnProcess`. */
export async function spawnAndWait(options: SpawnAndWaitOptions): Promise<StartedProcess> {
  const started = spawnProcess(options);
  const match = await started.waitFor(options.waitFor);
  const url = match.groups?.url;
  const port = match.groups?.port || (url === undefined ? undefined : new URL(url).port) || undefined;
  return Object.assign(started, { match, url, port: port === undefined ? undefined : Number(port) });
}
