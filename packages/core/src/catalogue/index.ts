/**
 * The catalogue of shared services: service records, the grants that let consumer organizations call them, and the
 * metering of those calls. The plugins module lists its plugins' services here through {@link ServiceCatalogue}.
 */
import type { HubModule } from '../hub-module.js';
import type { Store } from '../store/port.js';
import { catalogueCollections, type ServiceGrant } from './model.js';
import { ServiceCatalogue } from './service-catalogue.js';
// The module's GraphQL part: importing this index registers it on the builder.
import './service-schema.js';
import './grant-schema.js';

export { ServiceCatalogue } from './service-catalogue.js';
export { isFailure, type UsageScope } from './service-usage.js';
export { catalogueCollections, operationsOf, SERVICE_STATUSES } from './model.js';
export type { DailyUsage, GrantStatus, ServiceCall, ServiceGrant, ServiceRecord, ServiceStatus } from './model.js';
export { ServiceRef } from './service-schema.js';
export { ServiceGrantRef } from './grant-schema.js';

export interface CatalogueDeps {
  /** Milliseconds since the epoch: when statuses change and on which UTC day a call counts. */
  clock: () => number;
  /** Tells the notices module a service access decision was made. */
  onAccessDecided?: (grant: ServiceGrant) => Promise<void>;
}

export function createCatalogueModule(store: Store, deps: CatalogueDeps): HubModule<ServiceCatalogue> {
  return {
    name: 'catalogue',
    collections: catalogueCollections,
    api: new ServiceCatalogue(store, deps.clock, deps.onAccessDecided),
  };
}
