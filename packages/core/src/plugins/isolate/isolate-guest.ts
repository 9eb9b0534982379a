/**
 * The runtime inside a plugin's isolate, built into dist/isolate-guest.js as
 * one script (platform neutral, no imports) and run before the plugin's
 * bundle. It takes the plugin host's functions off the global, installs the
 * web basics (guest-globals.ts) and, once the bundle is evaluated, serves the
 * plugin with the same guest runtime a worker thread uses.
 */
import type { PluginDefinition } from '@maru/sdk';
import { isPluginDefinition, runGuest } from '../guest-runtime.js';
import type { GuestPlatform } from '../worker-context.js';
import type { ToWorker } from '../worker-protocol.js';
import { installGlobals } from './guest-globals.js';
import type { HostFunctions } from './host-functions.js';

const g = globalThis as Record<string, unknown>;
const host = g.__maru_host as HostFunctions;
const assets = (g.__maru_assets ?? {}) as Record<string, Uint8Array>;
delete g.__maru_host;
delete g.__maru_assets;

const timers = installGlobals(host, (level, message) =>
  host.post({ type: 'log', level, message: message.slice(0, 2000) }),
);
// Kept now: plugin code may replace the globals, not what the runtime uses.
const setTimer = g.setTimeout as (callback: () => void, ms: number) => number;
const clearTimer = g.clearTimeout as (id: number) => void;
const hasOwn = Object.hasOwn;

let handler: ((message: ToWorker) => void) | null = null;

const platform: GuestPlatform = {
  timer: (ms, done) => {
    const id = setTimer(done, ms);
    return () => clearTimer(id);
  },
  asset: (path) => (hasOwn(assets, path) ? new Uint8Array(assets[path]!) : undefined),
  randomBytes: (length) => host.randomBytes(length),
  sha256: (data) => host.sha256(data),
  ed25519KeyPair: (seed) => host.ed25519KeyPair(seed),
  ed25519Sign: (key, data) => host.ed25519Sign(key, data),
  ed25519Verify: (key, data, signature) => host.ed25519Verify(key, data, signature),
};

/** Every message from the plugin host enters here. */
g.__maru_dispatch = (message: ToWorker | { type: '$timer'; id: number }) => {
  if (message.type === '$timer') return timers.onTimer(message.id);
  handler?.(message);
};

/** Called once the plugin's bundle is evaluated, with its default export. */
g.__maru_start = (plugin: unknown) => {
  if (!isPluginDefinition(plugin))
    return host.post({ type: 'load-failed', message: 'the bundle has no default export made by definePlugin()' });
  runGuest(
    { send: (message) => host.post(message), onMessage: (next) => (handler = next) },
    plugin as PluginDefinition,
    platform,
  );
};
