/**
 * Builds a plugin's `ctx` inside its worker thread. Each capability is checked
 * here for the plugin's convenience (a clear refusal at once); the hub checks
 * again on its side of the boundary, where it counts.
 */
import { isPluginError, type PluginContext } from '@maru/sdk';
import type { ContextGrant, FromWorker, ToWorker, WorkerError } from './worker-protocol.js';

/** A refused capability; reaches the hub as `kind: 'capability'`. */
export class CapabilityDenied extends Error {}

type HostAnswer = Extract<ToWorker, { type: 'kv-result' | 'data-result' | 'fetch-result' }>;

export function describeError(error: unknown): WorkerError {
  if (error instanceof CapabilityDenied) return { kind: 'capability', message: error.message };
  if (isPluginError(error)) return { kind: 'plugin', code: error.code, message: error.message };
  return { kind: 'crash', message: error instanceof Error ? error.message : String(error) };
}

/** The `ctx` factory of one worker, and the hand-back of the hub's answers to kv, data and fetch requests. */
export function createContexts(send: (message: FromWorker) => void) {
  const waiters = new Map<number, (answer: HostAnswer) => void>();
  let seq = 0;
  const ask = (post: (id: number) => FromWorker) =>
    new Promise<HostAnswer>((resolve) => {
      const id = ++seq;
      waiters.set(id, resolve);
      send(post(id));
    });

  async function kv(op: 'get' | 'set' | 'delete', key: string, value?: unknown): Promise<unknown> {
    const answer = (await ask((id) => ({ type: 'kv', id, op, key, value }))) as Extract<HostAnswer, { type: 'kv-result' }>;
    if (!answer.ok) throw new Error(answer.error);
    return answer.value;
  }

  async function readData(callId: number, connectionId: string, options: { fields?: string[]; limit?: number; purpose?: string } = {}) {
    const answer = (await ask((id) => ({ type: 'data-read', id, callId, connectionId, fields: options.fields, limit: options.limit, purpose: options.purpose }))) as Extract<HostAnswer, { type: 'data-result' }>;
    if (answer.ok) return answer.rows;
    if (answer.error.kind === 'capability') throw new CapabilityDenied(answer.error.message);
    throw new Error(answer.error.kind === 'input' ? answer.error.message : 'the data read failed');
  }

  /**
   * Describes the request and hands it to the hub, which decides and runs it; the answer becomes a
   * Response here. Nothing of this realm (where plugin code may have replaced any built-in) decides.
   */
  async function fetchThroughHub(callId: number, signal: AbortSignal, input: string | URL | Request, init?: RequestInit): Promise<Response> {
    const request = new Request(input, init);
    const body = request.body ? new Uint8Array(await request.arrayBuffer()) : null;
    const abort = AbortSignal.any([signal, ...(init?.signal ? [init.signal] : [])]);
    abort.throwIfAborted();
    const asked = ask((id) => ({ type: 'fetch', id, callId, url: request.url, method: request.method, headers: [...request.headers], body }));
    const aborted = new Promise<never>((_, reject) => abort.addEventListener('abort', () => reject(abort.reason), { once: true }));
    const answer = (await Promise.race([asked, aborted])) as Extract<HostAnswer, { type: 'fetch-result' }>;
    if (!answer.ok) throw answer.error.kind === 'capability' ? new CapabilityDenied(answer.error.message) : new TypeError(answer.error.message);
    const { status, statusText, headers, body: bytes } = answer.response;
    // Responses of these statuses carry no body, and the Response constructor refuses one.
    const empty = status === 101 || status === 204 || status === 205 || status === 304 || request.method === 'HEAD';
    return new Response(empty ? null : (bytes as Uint8Array<ArrayBuffer>), { status, statusText, headers });
  }

  /** `callId` is the call (or connector stream) the context serves: the hub looks its caller up by it. */
  function contextFor(grant: ContextGrant, callId: number, signal: AbortSignal): PluginContext {
    const log = (level: 'debug' | 'info' | 'warn' | 'error') => (text: string, fields?: Record<string, unknown>) => send({ type: 'log', level, message: text, fields });
    const needs = (capability: string) => {
      if (!grant.capabilities.includes(capability)) throw new CapabilityDenied(`the ${capability} capability was not granted to this plugin`);
    };
    return {
      caller: grant.caller,
      log: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
      kv: {
        get: async (key) => (needs('kv'), (await kv('get', key)) as never),
        set: async (key, value) => void (needs('kv'), await kv('set', key, value)),
        delete: async (key) => (needs('kv'), (await kv('delete', key)) as boolean),
      },
      fetch: (async (input: string | URL | Request, init?: RequestInit) => (needs('fetch'), fetchThroughHub(callId, signal, input, init))) as typeof fetch,
      signal,
      mode: grant.mode,
      config: grant.config,
      events: {
        emit: async (name, payload) => {
          needs('events:emit');
          if (!(grant.emits ?? []).includes(name)) throw new CapabilityDenied(`the event "${name}" is not declared in the manifest's emits`);
          send({ type: 'event', name, payload: structuredClone(payload) });
        },
      },
      data: {
        read: async (connectionId, options) => (needs('data:read'), readData(callId, connectionId, options)),
      },
    } as PluginContext;
  }

  /** Hands the hub's answer to the kv or data request waiting for it. */
  function answer(message: HostAnswer): void {
    const waiter = waiters.get(message.id);
    waiters.delete(message.id);
    waiter?.(message);
  }

  return { contextFor, answer };
}
