/**
 * The entry of a plugin host: a child process of the hub, started with Node's
 * permission model and an empty environment (plugin-fence.ts says which
 * flags). It holds nothing worth stealing — no store, no secrets, no
 * configuration. It runs plugins of API 2 in isolates (isolate/), each given
 * its bundle and assets by the hub, or one legacy plugin (API 1) in a worker
 * thread. Every `ctx` door leads back to the hub over the pipe on descriptor
 * 3, where it is checked and executed.
 */
import { createReadStream, readFileSync, writeSync } from 'node:fs';
import { Socket } from 'node:net';
import type { Readable } from 'node:stream';
import { encodeFrame, readFrames } from './frames.js';
import { PluginCallError, PluginRunner, type ConnectorStream, type PluginCall } from '../plugin-runner.js';
import type { ContextGrant } from '../worker-protocol.js';
import type { FenceFailure, FencePort, FromFence, ToFence } from './fence-protocol.js';
import { IsolateThread } from '../isolate/isolate-thread.js';
import { loadIsolatedVm } from '../isolate/isolated-vm-binary.js';

/**
 * Given by the hub as the first argument when the host runs isolates: isolated-vm's binary, the one native file it may
 * load.
 */
const ivmBinary = process.argv[2];
let ivm: ReturnType<typeof loadIsolatedVm> | null = null;
let guestSource: string | null = null;

/** isolated-vm and the guest runtime's script, loaded at the first isolate. */
function isolateEngine(): { ivm: ReturnType<typeof loadIsolatedVm>; guest: string } {
  if (!ivmBinary) throw new PluginCallError('PLUGIN_UNAVAILABLE', 'this plugin host was started without isolates');
  ivm ??= loadIsolatedVm(ivmBinary);
  guestSource ??= readFileSync(new URL('./isolate-guest.js', import.meta.url), 'utf8');
  return { ivm, guest: guestSource };
}

/**
 * The pipe to the hub, descriptor 3. As a socket on Node 24; Node 26's permission model refuses
 * sockets (the network is closed to this process), so there it is read and written as a file.
 */
function openChannel(): { input: Readable; write: (bytes: Buffer) => void } {
  try {
    const socket = new Socket({ fd: 3, readable: true, writable: true });
    return { input: socket, write: (bytes) => void socket.write(bytes) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_ACCESS_DENIED') throw error;
    return {
      input: createReadStream('', { fd: 3, autoClose: false }),
      write: (bytes) => {
        for (let written = 0; written < bytes.length;) written += writeSync(3, bytes, written);
      },
    };
  }
}

const channel = openChannel();

/**
 * The most a message from this host may take. Below the hub's own limit (plugin-fence.ts): a
 * plugin's oversized answer or log line must fail that answer or line here, not read to the hub as
 * a broken frame, which would end this host and every call in flight in it.
 */
const SEND_LIMIT_BYTES = 8 * 1024 * 1024;

function send(message: FromFence): void {
  let frame = encodeFrame(message);
  if (frame.length > SEND_LIMIT_BYTES) {
    // An answer becomes its call's failure; a plugin's own message (log, event, a ctx request) is dropped.
    if (message.t !== 'answer') return;
    frame = encodeFrame({
      t: 'answer',
      id: message.id,
      ok: false,
      error: {
        code: 'PLUGIN_FAILED',
        message: `the plugin's answer is ${frame.length} bytes, more than the ${SEND_LIMIT_BYTES} a plugin may return`,
      },
    } satisfies FromFence);
  }
  channel.write(frame);
}

const runners = new Map<number, PluginRunner>();
const streams = new Map<number, ConnectorStream>();
let streamSeq = 0;
const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
let seq = 0;

/** Asks the hub to act for a plugin's ctx; the hub decides. */
function ask(runner: number, port: FencePort, args: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const id = ++seq;
    const frame = encodeFrame({ t: 'port', id, runner, port, args } satisfies FromFence);
    if (frame.length > SEND_LIMIT_BYTES)
      return reject(new Error(`the request is more than the ${SEND_LIMIT_BYTES} bytes a plugin may send`));
    waiting.set(id, { resolve, reject });
    channel.write(frame);
  });
}

function tell(runner: number, port: FencePort, args: unknown): void {
  send({ t: 'port', id: 0, runner, port, args });
}

function failure(error: unknown): FenceFailure {
  if (error instanceof PluginCallError)
    return { code: error.code, message: error.message, ...(error.pluginCode ? { pluginCode: error.pluginCode } : {}) };
  return { code: 'PLUGIN_FAILED', message: error instanceof Error ? error.message : String(error) };
}

function runnerFor(id: number): PluginRunner {
  const runner = runners.get(id);
  if (!runner) throw new PluginCallError('PLUGIN_UNAVAILABLE', 'the plugin is not started in the plugin host');
  return runner;
}

async function handle(runnerId: number, method: string, args: unknown): Promise<unknown> {
  switch (method) {
    case 'start': {
      const { entry, maxHeapMb, loadTimeoutMs, isolate } = args as {
        entry: string;
        maxHeapMb?: number;
        loadTimeoutMs?: number;
        /** Set for a plugin of API 2: its bundle and assets as the hub read them, and the isolate's memory limit. */
        isolate?: { bundle: string; assets: Record<string, Uint8Array>; memoryMb: number };
      };
      const engine = isolate ? isolateEngine() : null;
      const runner = new PluginRunner({
        entry,
        maxHeapMb,
        loadTimeoutMs,
        ...(isolate && engine
          ? {
              thread: () =>
                new IsolateThread(engine.ivm, {
                  guest: engine.guest,
                  bundle: isolate.bundle,
                  // Not the bundle's path on the hub's disk: plugin code reads its own stack traces.
                  filename: 'maru:plugin/bundle.js',
                  assets: isolate.assets,
                  memoryMb: isolate.memoryMb,
                  loadTimeoutMs: loadTimeoutMs ?? 10_000,
                }),
            }
          : {}),
        log: (level, message, fields) => tell(runnerId, 'log', { level, message, fields }),
        onEvent: (name, payload) => tell(runnerId, 'event', { name, payload }),
        kv: {
          get: (key) => ask(runnerId, 'kv', { op: 'get', key }),
          set: async (key, value) => void (await ask(runnerId, 'kv', { op: 'set', key, value })),
          delete: async (key) => (await ask(runnerId, 'kv', { op: 'delete', key })) as boolean,
        },
        data: (request) => ask(runnerId, 'data', request) as never,
        fetch: (request) => ask(runnerId, 'fetch', request) as never,
      });
      const manifest = await runner.start();
      runners.get(runnerId)?.stop();
      runners.set(runnerId, runner);
      return manifest;
    }
    case 'call':
      return runnerFor(runnerId).call(args as PluginCall);
    case 'openConnector': {
      const { connector, config, grant, deadlineMs, token } = args as {
        connector: string;
        config: unknown;
        grant: ContextGrant;
        deadlineMs: number;
        token: number;
      };
      const stream = await runnerFor(runnerId).openConnector(connector, config, grant, deadlineMs, token);
      const sid = ++streamSeq;
      streams.set(sid, stream);
      return sid;
    }
    case 'pull': {
      const stream = streams.get((args as { sid: number }).sid);
      if (!stream)
        throw new PluginCallError('PLUGIN_FAILED', 'the connector stream is gone (the plugin host restarted)');
      return stream.pull((args as { max: number }).max);
    }
    case 'closeStream':
      streams.get((args as { sid: number }).sid)?.close();
      streams.delete((args as { sid: number }).sid);
      return null;
    case 'stop': {
      const runner = runners.get(runnerId);
      runners.delete(runnerId);
      await runner?.stop();
      return null;
    }
    case 'checkConfig':
      return runnerFor(runnerId).checkConfig(args);
    case 'checkConnectorConfig':
      return runnerFor(runnerId).checkConnectorConfig(
        (args as { connector: string }).connector,
        (args as { config: unknown }).config,
      );
    default:
      throw new Error(`unknown method ${method}`);
  }
}

function onMessage(message: ToFence): void {
  if (message.t === 'answer') {
    const waiter = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.ok) waiter?.resolve(message.value);
    else waiter?.reject(new Error(message.message));
    return;
  }
  handle(message.runner, message.method, message.args).then(
    (value) => send({ t: 'answer', id: message.id, ok: true, value }),
    (error: unknown) => send({ t: 'answer', id: message.id, ok: false, error: failure(error) }),
  );
}

/**
 * The hub went away, or spoke out of protocol: nothing here is worth keeping. SIGKILL, not exit: an
 * isolate still running plugin code would hold up an orderly exit, leaving plugin code running
 * without a hub.
 */
const end = () => process.kill(process.pid, 'SIGKILL');
readFrames(channel.input, (message) => onMessage(message as ToFence), end);
channel.input.on('end', end);
channel.input.on('error', end);
send({ t: 'ready' });
