/**
 * The parts of a plugin's `ctx` that run in the plugin host — `crypto` and `sleep` — made of Node's
 * crypto and timers, for `@maru/testing`'s unit-test context: the same code the hub's host runs,
 * so keys, signatures and refusals carry over.
 */
import type { PluginContext } from '@maru/sdk';
import { nodePlatform, pluginCrypto, pluginSleep } from '../plugins/index.js';

export function pluginTestCrypto(): PluginContext['crypto'] {
  return pluginCrypto(nodePlatform({}));
}

/** `ctx.sleep` for a call that ends at `deadlineAt` (epoch ms) and is aborted with `signal`. */
export function pluginTestSleep(ms: number, signal: AbortSignal, deadlineAt: number): Promise<void> {
  return pluginSleep(nodePlatform({}), ms, signal, deadlineAt);
}
