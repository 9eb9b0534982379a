import type { CollectionSpec } from './store/port.js';

/**
 * A domain module as the composition root sees it (Backstage's backend plugins are the model):
 * the tables it declares and alone reads and writes, and the `api` everything else goes through —
 * intention-named methods that apply the visibility rules and return pages. Its GraphQL part is
 * registered on the builder when its index is imported, and those resolvers call only `api`.
 * Cross-module needs are named dependencies of the module's factory, never another's tables.
 */
export interface HubModule<Api> {
  readonly name: string;
  readonly collections: readonly CollectionSpec[];
  readonly api: Api;
}
