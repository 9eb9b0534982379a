/**
 * Entry of a plugin's worker thread (plugin API 1, legacy): loads the plugin's
 * module and serves it with the engine-neutral guest runtime (guest-runtime.ts).
 * Runs no hub code besides the modules it imports.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { closeNetwork } from './close-network.js';
import { isPluginDefinition, runGuest } from './guest-runtime.js';
import { nodePlatform } from './node-platform.js';
import { CapabilityDenied } from './worker-context.js';
import type { FromWorker, ToWorker } from './worker-protocol.js';

const port = parentPort!;

// The plugin's only network door is ctx.fetch, which the hub runs; the global one is taken
// away so an accidental use fails loudly. (A fenced plugin host has no network to reach
// anyway on Node 26; see fence/.)
globalThis.fetch = (() =>
  Promise.reject(new CapabilityDenied('use ctx.fetch: the global fetch is not available to plugins'))) as typeof fetch;
// Sockets, DNS and nested workers too, before any plugin code loads (Node 24's permission model leaves the network
// open).
closeNetwork();

async function main(): Promise<void> {
  let plugin: unknown;
  try {
    const module = (await import(pathToFileURL(workerData.entry as string).href)) as { default?: unknown };
    plugin = module.default;
    if (!isPluginDefinition(plugin)) throw new Error('the module has no default export made by definePlugin()');
  } catch (error) {
    port.postMessage({
      type: 'load-failed',
      message: error instanceof Error ? error.message : String(error),
    } satisfies FromWorker);
    return;
  }
  runGuest(
    {
      send: (message) => port.postMessage(message),
      onMessage: (handler) => port.on('message', (message: ToWorker) => handler(message)),
    },
    plugin,
    nodePlatform((workerData.assets ?? {}) as Record<string, Uint8Array>),
  );
}

void main();
