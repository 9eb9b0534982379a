/**
 * The insights module: figures for decisions (participation, time to award, service usage, data access), counted by
 * the store in the modules that own the tables and shown only to who may see them. It owns no table.
 */
import type { HubModule } from '../hub-module.js';
import { InsightsService, type InsightsDeps } from './insights-service.js';
// The module's GraphQL part: importing this index registers it on the builder.
import './insights-schema.js';

export { InsightsService, MAX_INSIGHT_DAYS, type InsightsDeps } from './insights-service.js';
export type * from './model.js';

export function createInsightsModule(deps: InsightsDeps): HubModule<InsightsService> {
  return { name: 'insights', collections: [], api: new InsightsService(deps) };
}
