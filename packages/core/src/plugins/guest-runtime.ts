/**
 * The plugin's side of the bridge, whatever runs it: a worker thread (plugin
 * API 1, plugin-worker.ts) or a V8 isolate (plugin API 2, isolate/isolate-guest.ts).
 * It answers the hub's messages (worker-protocol.ts) by calling the plugin's
 * handlers with a `ctx` built for each call. Imports nothing of Node: the
 * isolate build bundles this file for a global scope without Node APIs.
 */
import type { PluginDefinition } from '@maru/sdk';
import { createConnectorStreams } from './worker-connectors.js';
import { createContexts, describeError, type GuestPlatform } from './worker-context.js';
import type { FromWorker, ToWorker } from './worker-protocol.js';

/** The engine's message port, seen from the plugin's side. */
export interface GuestPort {
  send(message: FromWorker): void;
  onMessage(handler: (message: ToWorker) => void): void;
}

/** The brand `definePlugin` sets (the SDK's PLUGIN_BRAND), checked without importing the SDK. */
const PLUGIN_BRAND = Symbol.for('maru.plugin');

export function isPluginDefinition(value: unknown): value is PluginDefinition {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[PLUGIN_BRAND] === true;
}

const issuesOf = (issues: Array<{ path: PropertyKey[]; message: string }>, root: string) =>
  issues.map((i) => `${i.path.map(String).join('.') || root}: ${i.message}`);

/** Serves `plugin` on `port` and tells the hub it is ready with its manifest. */
export function runGuest(port: GuestPort, plugin: PluginDefinition, platform: GuestPlatform): void {
  const send = (message: FromWorker) => port.send(message);
  const controllers = new Map<number, AbortController>();
  const { contextFor, answer } = createContexts(send, platform);
  const connectors = createConnectorStreams(plugin, contextFor, send);

  async function run(id: number, work: (signal: AbortSignal) => Promise<FromWorker>): Promise<void> {
    const controller = new AbortController();
    controllers.set(id, controller);
    try {
      send(await work(controller.signal));
    } catch (error) {
      send({ type: 'failed', id, error: describeError(error) });
    } finally {
      controllers.delete(id);
    }
  }

  port.onMessage((message: ToWorker) => {
    switch (message.type) {
      case 'ping':
        return send({ type: 'pong', id: message.id });
      case 'check-connector-config':
        return connectors.check(message);
      case 'connector-open':
        return connectors.open(message);
      case 'connector-pull':
        return void connectors.pull(message);
      case 'connector-close':
        return connectors.close(message);
      case 'kv-result':
      case 'data-result':
      case 'fetch-result':
        return answer(message);
      case 'check-config': {
        if (!plugin.config)
          return send({
            type: 'config-result',
            id: message.id,
            problems:
              message.config === undefined || message.config === null ? [] : ['this plugin takes no configuration'],
          });
        const parsed = plugin.config.safeParse(message.config);
        return send({
          type: 'config-result',
          id: message.id,
          problems: parsed.success ? [] : issuesOf(parsed.error.issues, 'config'),
        });
      }
      case 'abort':
        return controllers.get(message.id)?.abort(new Error('deadline passed'));
      case 'call':
        break;
      default:
        return;
    }
    const deadlineAt = Date.now() + message.deadlineMs;
    if (message.event) {
      // A hub event the plugin declared it receives: run its `on` handler with the same ctx rules.
      const handler = plugin.on[message.event.name];
      if (!handler)
        return send({
          type: 'failed',
          id: message.id,
          error: { kind: 'crash', message: `no handler for ${message.event.name}` },
        });
      const payload = message.event.payload;
      return void run(message.id, async (signal) => {
        await handler(payload, contextFor(message, message.id, signal, deadlineAt));
        return { type: 'result', id: message.id, output: null };
      });
    }
    const operation = plugin.services.find((s) => s.key === message.service)?.operations[message.operation];
    if (!operation)
      return send({
        type: 'failed',
        id: message.id,
        error: { kind: 'crash', message: `no operation ${message.service}.${message.operation}` },
      });
    void run(message.id, async (signal) => {
      const input = operation.input.safeParse(message.input);
      if (!input.success)
        return {
          type: 'failed',
          id: message.id,
          error: { kind: 'input', message: issuesOf(input.error.issues, 'input').join('; ') },
        };
      const raw = await operation.handler(input.data, contextFor(message, message.id, signal, deadlineAt));
      const output = operation.output.safeParse(raw);
      if (!output.success)
        return {
          type: 'failed',
          id: message.id,
          error: {
            kind: 'output',
            message: `the plugin returned output that does not match its schema: ${output.error.issues[0]?.message}`,
          },
        };
      return { type: 'result', id: message.id, output: output.data };
    });
  });
  send({ type: 'ready', manifest: plugin.manifest });
}
