import type { DeliveryOptions } from './plugin-deliveries.js';

/**
 * How a hub runs its plugins: the settings an operator chooses (packages/hub maps the MARU_PLUGIN_* variables onto
 * them).
 */
export interface PluginHostOptions {
  /** How long one call may take. Default 5 s. */
  deadlineMs?: number;
  /**
   * Let plugins' `ctx.fetch` reach declared hosts that resolve to loopback, private or link-local addresses. Default
   * false.
   */
  fetchAllowPrivate?: boolean;
  /** Heap limit of each plugin's worker. Default 64 MB. */
  maxHeapMb?: number;
  /** Development only: load plugins that are unsigned or signed by an unregistered key. Default false. */
  allowUnsigned?: boolean;
  /**
   * `fenced` (the default): each plugin runs in a plugin-host child process of its own, started
   * with Node's permission model (fence/plugin-fence.ts). `unconfined`: in worker threads of the
   * hub's own process, as before — plugin code can then reach everything the hub can; for
   * debugging only.
   */
  isolation?: 'fenced' | 'unconfined';
  /** Each plugin host's resident memory ceiling, in MiB. Default 1024. */
  hostMaxRssMb?: number;
  /** The user and group the plugin host runs as (the hub must run as root to switch). Default: the hub's own. */
  hostUser?: { uid: number; gid: number } | null;
  /**
   * Load plugins of API 1 (SDK 0.1: a module run in a worker thread, with Node's APIs in reach of
   * its code), each in a fenced plugin host of its own, listed as UNCONFINED. Default false: they
   * are refused and their operators are told to rebuild them with `maru build`.
   */
  legacyWorkers?: boolean;
  /** Retries of plugin event deliveries (the outbox): attempts before FAILED, the first wait. */
  deliveries?: DeliveryOptions;
  /** The memory limit of each plugin's isolate (heap and ArrayBuffers), MiB. Default 64. */
  isolateMemoryMb?: number;
  /**
   * Where this hub unpacks the plugin packages companies uploaded for their pilots, one folder per tarball's SHA-256.
   * Each hub keeps its own (the store holds the tarballs). Default `<system temp>/maru-plugin-packages`.
   */
  packagesDir?: string;
}
