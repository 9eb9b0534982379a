import type { ConnectorKind } from '../../gql/graphql';

/** How a dataset arrives: a CSV file uploaded here, or one of the hub's connector kinds. */
export type SourceKind = 'UPLOAD' | ConnectorKind;
export const SOURCE_KINDS: readonly SourceKind[] = ['UPLOAD', 'CSV', 'HTTP_JSON', 'MONGODB', 'PLUGIN'];

/** The settings a person types, by name; each kind reads its own. */
export type SourceSettings = Record<string, string>;

/** Where the uploaded file goes until it arrives: the upload replaces it (uploads/ files are the hub's to manage). */
export const PENDING_UPLOAD_PATH = 'uploads/pending-upload.csv';

/** The settings each kind shows, in order (the form shows only these). */
export const SETTINGS_OF: Record<SourceKind, readonly string[]> = {
  UPLOAD: ['delimiter', 'encoding'],
  CSV: ['path', 'delimiter', 'encoding'],
  HTTP_JSON: ['url', 'recordsPath', 'authHeaderName', 'authHeaderSecret'],
  MONGODB: ['uriSecret', 'database', 'collection'],
  PLUGIN: ['plugin', 'connector', 'pluginConfig'],
};

/** The settings a kind cannot do without. */
export const REQUIRED_OF: Record<SourceKind, readonly string[]> = {
  UPLOAD: [],
  CSV: ['path'],
  HTTP_JSON: ['url'],
  MONGODB: ['uriSecret', 'database', 'collection'],
  PLUGIN: ['plugin', 'connector'],
};

/** The connector input the hub takes (`ConnectorInput`), from what was typed; throws 'pluginConfig' for bad JSON. */
export function connectorInput(kind: SourceKind, s: SourceSettings): { kind: ConnectorKind; config: unknown } {
  const csv = {
    ...(s.delimiter ? { delimiter: s.delimiter === '\\t' ? '\t' : s.delimiter } : {}),
    ...(s.encoding ? { encoding: s.encoding } : {}),
  };
  switch (kind) {
    case 'UPLOAD':
      return { kind: 'CSV', config: { path: PENDING_UPLOAD_PATH, ...csv } };
    case 'CSV':
      return { kind: 'CSV', config: { path: s.path!.trim(), ...csv } };
    case 'HTTP_JSON':
      return {
        kind: 'HTTP_JSON',
        config: {
          url: s.url!.trim(),
          ...(s.recordsPath?.trim() ? { recordsPath: s.recordsPath.trim() } : {}),
          ...(s.authHeaderName?.trim() && s.authHeaderSecret?.trim()
            ? { authHeader: { name: s.authHeaderName.trim(), secret: s.authHeaderSecret.trim() } }
            : {}),
        },
      };
    case 'MONGODB':
      return {
        kind: 'MONGODB',
        config: { uriSecret: s.uriSecret!.trim(), database: s.database!.trim(), collection: s.collection!.trim() },
      };
    case 'PLUGIN': {
      let config: unknown = {};
      if (s.pluginConfig?.trim()) {
        try {
          config = JSON.parse(s.pluginConfig);
        } catch {
          throw new Error('pluginConfig');
        }
      }
      return { kind: 'PLUGIN', config: { plugin: s.plugin!.trim(), connector: s.connector!.trim(), config } };
    }
  }
}
