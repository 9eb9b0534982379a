import { readFile } from 'node:fs/promises';
import { z } from '@maru/sdk';
import { Address } from './address.js';

// The file ships in the package's `data/` folder; `src/` and the built `dist/`
// both sit one level below it, so one relative URL serves tests and the hub.
const DATASET = new URL('../data/addresses.json', import.meta.url);

const Dataset = z.object({ addresses: z.array(Address).min(1) });

let loading: Promise<readonly Address[]> | undefined;

/**
 * The bundled addresses, read and checked on first use and then kept: the file
 * never changes while the plugin runs, and reading it on import would be a side
 * effect. A failed read is not kept, so the next call tries again.
 */
export function loadAddresses(): Promise<readonly Address[]> {
  loading ??= readFile(DATASET, 'utf8')
    .then((text) => Object.freeze(Dataset.parse(JSON.parse(text)).addresses))
    .catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
  return loading;
}
