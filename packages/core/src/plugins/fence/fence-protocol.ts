import type { PluginCallErrorCode } from '../plugin-runner.js';

/**
 * Messages between the hub and its fenced plugin host (a child process, see
 * plugin-fence.ts), over Node's IPC channel with structured clone. Each
 * plugin is a runner in the host, named by a number the hub chose.
 */

/** What the hub asks a runner in the plugin host to do; each is answered once. */
export type FenceMethod =
  'start' | 'stop' | 'call' | 'openConnector' | 'pull' | 'closeStream' | 'checkConfig' | 'checkConnectorConfig';

/** What a runner asks of the hub on its plugin's behalf: the plugin's `ctx`. `event` and `log` are not answered. */
export type FencePort = 'kv' | 'data' | 'fetch' | 'event' | 'log';

export interface FenceFailure {
  code: PluginCallErrorCode;
  message: string;
  pluginCode?: string;
}

export type ToFence =
  | { t: 'request'; id: number; runner: number; method: FenceMethod; args: unknown }
  | { t: 'answer'; id: number; ok: true; value: unknown }
  | { t: 'answer'; id: number; ok: false; message: string };

export type FromFence =
  | { t: 'answer'; id: number; ok: true; value: unknown }
  | { t: 'answer'; id: number; ok: false; error: FenceFailure }
  | { t: 'port'; id: number; runner: number; port: FencePort; args: unknown }
  /** Sent once the host listens for requests. */
  | { t: 'ready' };
