import { z, type PluginContext } from '@maru/sdk';
import { Address } from './address.js';

/** The dataset, an asset of the package: listed in the manifest's `assets` and in package.json `files`. */
export const DATASET = 'data/addresses.json';

const Dataset = z.object({ addresses: z.array(Address).min(1) });

let loading: Promise<readonly Address[]> | undefined;

/**
 * The bundled addresses, read through `ctx.assets` and checked on first use,
 * then kept for the life of the isolate: the file never changes while the
 * plugin runs, and reading it on import would be a side effect (nor is there a
 * `ctx` then). A failed read is not kept, so the next call tries again.
 */
export function loadAddresses(ctx: PluginContext): Promise<readonly Address[]> {
  loading ??= ctx.assets
    .json(DATASET)
    .then((data) => Object.freeze(Dataset.parse(data).addresses))
    .catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
  return loading;
}
