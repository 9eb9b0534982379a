/**
 * The entry of a plugin's worker thread: loads the plugin module, reports its
 * manifest, and runs calls with a `ctx` built from the capabilities the hub
 * granted for that call. Runs no hub code besides this file.
 */
import { isPluginDefinition, isPluginError, type PluginContext, type PluginDefinition } from '@maru/sdk';
import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import type { FromWorker, ToWorker, WorkerError } from './worker-protocol.js';

const port = parentPort!;
const send = (message: FromWorker) => port.postMessage(message);
const controllers = new Map<number, AbortController>();
const kvWaiters = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
let kvSeq = 0;

class CapabilityDenied extends Error {}

// The plugin's only network door is ctx.fetch; the global one is taken away so
// an accidental use fails loudly instead of bypassing the host list.
const realFetch = globalThis.fetch;
globalThis.fetch = (() => Promise.reject(new CapabilityDenied('use ctx.fetch: the global fetch is not available to plugins'))) as typeof fetch;

function kv(op: 'get' | 'set' | 'delete', key: string, value?: unknown): Promise<unknown> {
  const id = ++kvSeq;
  return new Promise((resolve, reject) => {
    kvWaiters.set(id, { resolve, reject });
    send({ type: 'kv', id, op, key, value });
  });
}

function contextFor(message: Extract<ToWorker, { type: 'call' }>, signal: AbortSignal): PluginContext {
  const log = (level: 'debug' | 'info' | 'warn' | 'error') => (text: string, fields?: Record<string, unknown>) => send({ type: 'log', level, message: text, fields });
  const needs = (capability: string) => {
    if (!message.capabilities.includes(capability)) throw new CapabilityDenied(`the ${capability} capability was not granted to this plugin`);
  };
  return {
    caller: message.caller,
    log: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
    kv: {
      get: async (key) => (needs('kv'), (await kv('get', key)) as never),
      set: async (key, value) => void (needs('kv'), await kv('set', key, value)),
      delete: async (key) => (needs('kv'), (await kv('delete', key)) as boolean),
    },
    fetch: (async (input: string | URL | Request, init?: RequestInit) => {
      needs('fetch');
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (!message.hosts.includes(url.host)) throw new CapabilityDenied(`fetch to ${url.host} is not allowed: the manifest declares ${message.hosts.join(', ') || 'no hosts'}`);
      return realFetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal, redirect: 'error' });
    }) as typeof fetch,
    signal,
    mode: message.mode,
    config: message.config,
    events: {
      emit: async (name, payload) => {
        needs('events:emit');
        if (!(message.emits ?? []).includes(name)) throw new CapabilityDenied(`the event "${name}" is not declared in the manifest's emits`);
        send({ type: 'event', name, payload: structuredClone(payload) });
      },
    },
    data: {
      read: async (connectionId) => {
        needs('data:read');
        // Data connections arrive with their own module; until one is granted, every read is refused.
        throw new CapabilityDenied(`the data connection "${connectionId}" is not granted to this plugin`);
      },
    },
  } as PluginContext;
}

function describe(error: unknown): WorkerError {
  if (error instanceof CapabilityDenied) return { kind: 'capability', message: error.message };
  if (isPluginError(error)) return { kind: 'plugin', code: error.code, message: error.message };
  return { kind: 'crash', message: error instanceof Error ? error.message : String(error) };
}

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
  port.on('message', async (message: ToWorker) => {
    if (message.type === 'ping') return send({ type: 'pong', id: message.id });
    if (message.type === 'check-config') {
      if (!plugin.config) return send({ type: 'config-result', id: message.id, problems: message.config === undefined || message.config === null ? [] : ['this plugin takes no configuration'] });
      const parsed = plugin.config.safeParse(message.config);
      return send({ type: 'config-result', id: message.id, problems: parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || 'config'}: ${i.message}`) });
    }
    if (message.type === 'abort') return controllers.get(message.id)?.abort(new Error('deadline passed'));
    if (message.type === 'kv-result') {
      const waiter = kvWaiters.get(message.id);
      kvWaiters.delete(message.id);
      return message.ok ? waiter?.resolve(message.value) : waiter?.reject(new Error(message.error));
    }
    if (message.event) {
      // A hub event the plugin declared it receives: run its `on` handler with the same ctx rules.
      const handler = plugin.on[message.event.name];
      if (!handler) return send({ type: 'failed', id: message.id, error: { kind: 'crash', message: `no handler for ${message.event.name}` } });
      const controller = new AbortController();
      controllers.set(message.id, controller);
      try {
        await handler(message.event.payload, contextFor(message, controller.signal));
        return send({ type: 'result', id: message.id, output: null });
      } catch (error) {
        return send({ type: 'failed', id: message.id, error: describe(error) });
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
      const raw = await operation.handler(input.data, contextFor(message, controller.signal));
      const output = operation.output.safeParse(raw);
      if (!output.success) return send({ type: 'failed', id: message.id, error: { kind: 'output', message: `the plugin returned output that does not match its schema: ${output.error.issues[0]?.message}` } });
      send({ type: 'result', id: message.id, output: output.data });
    } catch (error) {
      send({ type: 'failed', id: message.id, error: describe(error) });
    } finally {
      controllers.delete(message.id);
    }
  });
  send({ type: 'ready', manifest: plugin.manifest });
}

void main();
