import DataLoader from 'dataloader';
import { notFound } from '../errors.js';
import type { Organization } from '../identity/index.js';
import { readByIds } from '../store/by-ids.js';
import type { Collection, Doc } from '../store/port.js';

/**
 * What a module offers for batched reads by id: its own lookup of many ids at once (a module's
 * collection never leaves it). Only for relations of objects the caller may already see.
 */
export interface ByIds<T extends Doc> {
  byIds(ids: readonly string[]): Promise<T[]>;
}

/** A collection (being replaced by modules' `byIds`) or a module's lookup. */
type IdSource<T extends Doc> = Collection<T> | ByIds<T>;

/** Per-request batch loaders for the relations many objects of one page share. */
export interface RequestLoaders {
  organization: DataLoader<string, Organization | null>;
  /** A document by `_id`; the ids asked for in one tick are read with one lookup per source. */
  byId<T extends Doc>(source: IdSource<T>, id: string): Promise<T | null>;
}

/**
 * One loader set per request. A page of 20 challenges asks for its agencies
 * with one `$in` read instead of 20 `findOne`s, and so does every other
 * relation resolved through `byId`. Batching only, no cache: a mutation that
 * changes a document is read back as it is now.
 */
export function createLoaders(services: { organizations: ByIds<Organization> }): RequestLoaders {
  const loaders = new Map<object, DataLoader<string, Doc | null>>();
  const loaderFor = <T extends Doc>(source: IdSource<T>): DataLoader<string, T | null> => {
    let loader = loaders.get(source) as DataLoader<string, T | null> | undefined;
    if (!loader) {
      const read = 'byIds' in source ? (ids: string[]) => source.byIds(ids) : readByIds(source);
      loader = new DataLoader<string, T | null>(
        async (ids) => {
          const docs = await read([...new Set(ids)]);
          const byId = new Map(docs.map((doc) => [doc._id, doc]));
          return ids.map((id) => byId.get(id) ?? null);
        },
        { cache: false, maxBatchSize: 100 },
      );
      loaders.set(source, loader as unknown as DataLoader<string, Doc | null>);
    }
    return loader;
  };
  return {
    organization: loaderFor(services.organizations),
    byId: (collection, id) => loaderFor(collection).load(id),
  };
}

/** What the helpers below need of a request's context: its loaders (a HubContext has them). */
interface WithLoaders {
  loaders: RequestLoaders;
}

export const loadOrganization = (ctx: WithLoaders, id: string): Promise<Organization | null> =>
  ctx.loaders.organization.load(id);

export async function requireOrganization(ctx: WithLoaders, id: string): Promise<Organization> {
  const organization = await loadOrganization(ctx, id);
  if (!organization) throw notFound('organization', id);
  return organization;
}
