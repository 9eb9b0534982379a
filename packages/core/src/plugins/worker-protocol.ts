import type { PluginManifest } from '@maru/sdk';
import type { PluginFetchAnswer } from './plugin-fetch.js';

/** What a call's `ctx` is built from: the caller and what the hub granted, for that call. */
export interface ContextGrant {
  caller: { organizationId: string | null; memberId: string | null };
  mode: 'live' | 'test';
  hosts: string[];
  capabilities: string[];
  config?: unknown;
  emits?: string[];
}

/** Messages between the hub and a plugin's worker thread. Plain data only: they cross a thread boundary. */
export type ToWorker =
  | ({
      type: 'call';
      id: number;
      service: string;
      operation: string;
      input: unknown;
      deadlineMs: number;
      event?: { name: string; payload: Record<string, unknown> };
    } & ContextGrant)
  | { type: 'check-config'; id: number; config: unknown }
  | { type: 'abort'; id: number }
  | { type: 'ping'; id: number }
  | { type: 'kv-result'; id: number; ok: boolean; value?: unknown; error?: string }
  | { type: 'data-result'; id: number; ok: true; rows: Array<Record<string, unknown>> }
  | { type: 'data-result'; id: number; ok: false; error: DataReadFailure }
  | ({ type: 'fetch-result'; id: number } & PluginFetchAnswer)
  /** Checks `config` against the connector's schema; answered with `config-result`. */
  | { type: 'check-connector-config'; id: number; connector: string; config: unknown }
  /**
   * Starts a connector's generator under the stream id `id`; answered with `result` (null) or `failed` (`input` for a
   * bad config).
   */
  | ({ type: 'connector-open'; id: number; connector: string; connectorConfig: unknown } & ContextGrant)
  /**
   * Runs stream `stream`'s generator for up to `max` more items; answered under `id` with `result` (a
   * {@link ConnectorBatch}) or `failed`.
   */
  | { type: 'connector-pull'; id: number; stream: number; max: number }
  /** Aborts the stream's `ctx.signal` and returns its generator. Not answered. */
  | { type: 'connector-close'; stream: number };

export type FromWorker =
  | { type: 'ready'; manifest: PluginManifest }
  | { type: 'load-failed'; message: string }
  | { type: 'result'; id: number; output: unknown }
  | { type: 'failed'; id: number; error: WorkerError }
  | { type: 'pong'; id: number }
  | { type: 'log'; level: 'debug' | 'info' | 'warn' | 'error'; message: string; fields?: Record<string, unknown> }
  | { type: 'kv'; id: number; op: 'get' | 'set' | 'delete'; key: string; value?: unknown }
  | { type: 'event'; name: string; payload: Record<string, unknown> }
  | { type: 'config-result'; id: number; problems: string[] }
  /**
   * A `ctx.data.read` during call (or connector stream) `callId`: the hub learns the caller from its own record of that
   * call, never from this message.
   */
  | {
      type: 'data-read';
      id: number;
      callId: number;
      connectionId: unknown;
      fields?: unknown;
      limit?: unknown;
      purpose?: unknown;
    }
  /** A `ctx.fetch` during call `callId`, described as plain data: the hub checks and runs it (plugin-fetch.ts). */
  | {
      type: 'fetch';
      id: number;
      callId: number;
      url: string;
      method: string;
      headers: Array<[string, string]>;
      body: Uint8Array | null;
    };

/** One item of a connector batch; the hub adds positions, counting items from 0. */
export type ConnectorBatchItem =
  { kind: 'record'; values: Record<string, unknown> } | { kind: 'problem'; reason: string };

/** The output of a `connector-pull`: the items produced, and whether the generator finished. */
export interface ConnectorBatch {
  items: ConnectorBatchItem[];
  done: boolean;
}

/**
 * Why a data read was not answered: `capability` reaches the plugin as a capability refusal, `input` as an Error with
 * the message, `failed` as a generic Error.
 */
export interface DataReadFailure {
  kind: 'capability' | 'input' | 'failed';
  message: string;
}

export interface WorkerError {
  /**
   * `plugin` for a PluginError, `capability` for a refused capability, `input`/`output` for schema failures, `crash`
   * for anything else.
   */
  kind: 'plugin' | 'capability' | 'input' | 'output' | 'crash';
  code?: string;
  message: string;
}
