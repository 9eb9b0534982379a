import type { PluginManifest } from '@maru/sdk';

/** Messages between the hub and a plugin's worker thread. Plain data only: they cross a thread boundary. */
export type ToWorker =
  | { type: 'call'; id: number; service: string; operation: string; input: unknown; caller: { organizationId: string | null; memberId: string | null }; mode: 'live' | 'test'; deadlineMs: number; hosts: string[]; capabilities: string[]; config?: unknown; emits?: string[]; event?: { name: string; payload: Record<string, unknown> } }
  | { type: 'check-config'; id: number; config: unknown }
  | { type: 'abort'; id: number }
  | { type: 'ping'; id: number }
  | { type: 'kv-result'; id: number; ok: boolean; value?: unknown; error?: string };

export type FromWorker =
  | { type: 'ready'; manifest: PluginManifest }
  | { type: 'load-failed'; message: string }
  | { type: 'result'; id: number; output: unknown }
  | { type: 'failed'; id: number; error: WorkerError }
  | { type: 'pong'; id: number }
  | { type: 'log'; level: 'debug' | 'info' | 'warn' | 'error'; message: string; fields?: Record<string, unknown> }
  | { type: 'kv'; id: number; op: 'get' | 'set' | 'delete'; key: string; value?: unknown }
  | { type: 'event'; name: string; payload: Record<string, unknown> }
  | { type: 'config-result'; id: number; problems: string[] };

export interface WorkerError {
  /** `plugin` for a PluginError, `capability` for a refused capability, `input`/`output` for schema failures, `crash` for anything else. */
  kind: 'plugin' | 'capability' | 'input' | 'output' | 'crash';
  code?: string;
  message: string;
}
