/**
 * The entry of a plugin's worker thread: loads the plugin module, reports its
 * manifest, runs calls with a `ctx` built from the capabilities the hub
 * granted for that call, and streams its connectors' records. Runs no hub code
 * besides this file and the `worker-*` modules it imports.
 */
import { isPluginDefinition, type PluginDefinition } from '@maru/sdk';
import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { closeNetwork } from './close-network.js';
import { createConnectorStreams } from './worker-connectors.js';
import { CapabilityDenied, createContexts, describeError } from './worker-context.js';
import type { FromWorker, ToWorker } from './worker-protocol.js';

const port = parentPort!;
const send = (message: FromWorker) => port.postMessage(message);
const controllers = new Map<number, AbortController>();

// The plugin's only network door is ctx.fetch, which the hub runs; the global one is taken
// away so an accidental use fails loudly. (A fenced plugin host has no network to reach
// anyway on Node 26; see fence/.)
globalThis.fetch = (() => Promise.reject(new CapabilityDenied('use ctx.fetch: the global fetch is not available to plugins'))) as typeof fetch;
// Sockets, DNS and nested workers too, before any plugin code loads (Node 24's permission model leaves the network open).
closeNetwork();

const { contextFor, answer } = createContexts(send);

async function main(): Promise<void> {
  let plugin: PluginDefinition;
  try {
    const module = (await import(pathToFileURL(workerData.entry as string).href)) as { default?: unknown };
    if (!isPluginDefinition(module.default)) throw new Error('the module has no default export made by definePlugin()');
    plugin = module.default;
  } catch (error) {
    send({ type: 'load-failed', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  const connectors = createConnectorStreams(plugin, contextFor, send);
  port.on('message', async (message: ToWorker) => {
    if (message.type === 'ping') return send({ type: 'pong', id: message.id });
    if (message.type === 'check-connector-config') return connectors.check(message);
    if (message.type === 'connector-open') return connectors.open(message);
    if (message.type === 'connector-pull') return connectors.pull(message);
    if (message.type === 'connector-close') return connectors.close(message);
    if (message.type === 'kv-result' || message.type === 'data-result' || message.type === 'fetch-result') return answer(message);
    if (message.type === 'check-config') {
      if (!plugin.config) return send({ type: 'config-result', id: message.id, problems: message.config === undefined || message.config === null ? [] : ['this plugin takes no configuration'] });
      const parsed = plugin.config.safeParse(message.config);
      return send({ type: 'config-result', id: message.id, problems: parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || 'config'}: ${i.message}`) });
    }
    if (message.type === 'abort') return controllers.get(message.id)?.abort(new Error('deadline passed'));
    if (message.event) {
      // A hub event the plugin declared it receives: run its `on` handler with the same ctx rules.
      const handler = plugin.on[message.event.name];
      if (!handler) return send({ type: 'failed', id: message.id, error: { kind: 'crash', message: `no handler for ${message.event.name}` } });
      const controller = new AbortController();
      controllers.set(message.id, controller);
      try {
        await handler(message.event.payload, contextFor(message, message.id, controller.signal));
        return send({ type: 'result', id: message.id, output: null });
      } catch (error) {
        return send({ type: 'failed', id: message.id, error: describeError(error) });
      } finally {
        controllers.delete(message.id);
      }
    }
    const operation = plugin.services.find((s) => s.key === message.service)?.operations[message.operation];
    if (!operation) return send({ type: 'failed', id: message.id, error: { kind: 'crash', message: `no operation ${message.service}.${message.operation}` } });
    const controller = new AbortController();
    controllers.set(message.id, controller);
    try {
      const input = operation.input.safeParse(message.input);
      if (!input.success) return send({ type: 'failed', id: message.id, error: { kind: 'input', message: input.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ') } });
      const raw = await operation.handler(input.data, contextFor(message, message.id, controller.signal));
      const output = operation.output.safeParse(raw);
      if (!output.success) return send({ type: 'failed', id: message.id, error: { kind: 'output', message: `the plugin returned output that does not match its schema: ${output.error.issues[0]?.message}` } });
      send({ type: 'result', id: message.id, output: output.data });
    } catch (error) {
      send({ type: 'failed', id: message.id, error: describeError(error) });
    } finally {
      controllers.delete(message.id);
    }
  });
  send({ type: 'ready', manifest: plugin.manifest });
}

void main();
