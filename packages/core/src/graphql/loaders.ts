import DataLoader from 'dataloader';
import { notFound } from '../errors.js';
import type { Organization } from '../identity/model.js';
import type { Collection, Doc } from '../store/port.js';

/** Per-request batch loaders for the relations many objects of one page share. */
export interface RequestLoaders {
  organization: DataLoader<string, Organization | null>;
  /**
   * A document of `collection` by `_id`; the ids asked for in one tick are read with one `$in` query per collection.
   */
  byId<T extends Doc>(collection: Collection<T>, id: string): Promise<T | null>;
}

/**
 * One loader set per request. A page of 20 challenges asks for its agencies
 * with one `$in` read instead of 20 `findOne`s, and so does every other
 * relation resolved through `byId`. Batching only, no cache: a mutation that
 * changes a document is read back as it is now.
 */
export function createLoaders(services: { organizations: { collection: Collection<Organization> } }): RequestLoaders {
  const loaders = new Map<Collection<Doc>, DataLoader<string, Doc | null>>();
  const loaderFor = <T extends Doc>(collection: Collection<T>): DataLoader<string, T | null> => {
    let loader = loaders.get(collection as unknown as Collection<Doc>) as DataLoader<string, T | null> | undefined;
    if (!loader) {
      loader = new DataLoader<string, T | null>(
        async (ids) => {
          const unique = [...new Set(ids)];
          const docs =
            unique.length === 1
              ? [await collection.findOne({ _id: unique[0] })].filter((d): d is T => d !== null)
              : await collection.find({ _id: { $in: unique } });
          const byId = new Map(docs.map((doc) => [doc._id, doc]));
          return ids.map((id) => byId.get(id) ?? null);
        },
        { cache: false, maxBatchSize: 100 },
      );
      loaders.set(collection as unknown as Collection<Doc>, loader as unknown as DataLoader<string, Doc | null>);
    }
    return loader;
  };
  return {
    organization: loaderFor(services.organizations.collection),
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
