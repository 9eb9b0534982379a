import type { Connector } from './connector.js';
import { csvConnector } from './csv-connector.js';
import { httpJsonConnector } from './http-json-connector.js';
import { mongodbConnector } from './mongodb-connector.js';

/** The connectors every hub has, by kind; `PLUGIN` connectors come from enabled plugins. */
export const builtInConnectors: Record<'CSV' | 'HTTP_JSON' | 'MONGODB', Connector<any>> = {
  CSV: csvConnector,
  HTTP_JSON: httpJsonConnector,
  MONGODB: mongodbConnector,
};
