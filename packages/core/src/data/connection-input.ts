import { z } from 'zod';
import { globalId, graphqlInput } from '../graphql/input-hints.js';
import { optionalText, text } from '../validation.js';
import { CLASSIFICATIONS, FIELD_TYPES } from './model.js';
import { CONNECTOR_KINDS } from './connectors/connector.js';

/** The zod enums that GraphQL declares as `DataFieldType`, `DataClassification` and `ConnectorKind`. */
export const fieldType = z.enum(FIELD_TYPES);
export const classification = z.enum(CLASSIFICATIONS);
export const connectorKind = z.enum(CONNECTOR_KINDS);

const field = z
  .object({
    name: z.string().describe('Letters, digits and _, starting with a letter or _.'),
    type: fieldType,
    description: optionalText('a field description', 500).default(''),
    personal: z.boolean().default(false).describe('Personal data (PERSONAL connections only). Default false.'),
  })
  .register(graphqlInput, { name: 'DataFieldInput' });

const tags = z
  .array(
    z
      .string()
      .trim()
      .min(1)
      .max(40, 'a tag must be at most 40 characters')
      .transform((t) => t.toLowerCase()),
  )
  .max(20, 'at most 20 tags')
  .default([]);

const connector = z.object({ kind: connectorKind, config: z.unknown() }).register(graphqlInput, {
  name: 'ConnectorInput',
  description:
    "CSV: { path, delimiter?, encoding? } (path relative to the hub's import folder). HTTP_JSON: { " +
    'url, recordsPath?, authHeader?: { name, secret }, timeoutMs? }. MONGODB: { uriSecret, database, ' +
    'collection, filter? }. PLUGIN: { plugin, connector, config }. Secrets are named, never given.',
});

export const createConnectionInput = z.object({
  name: text('the name', 200),
  description: optionalText('the description', 5000).default(''),
  tags,
  licence: text('the licence', 100).describe('An SPDX id or licence name, e.g. "KOGL-Type1" or "CC-BY-4.0".'),
  classification,
  fields: z
    .array(field)
    .default([])
    .describe('Leave out to infer the schema on the first sync (not for PERSONAL connections).'),
  keyField: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'name the field whose value identifies a record, e.g. "id"')
    .describe('The field identifying a record; a re-sync replaces records by it.'),
  subjectField: z
    .string()
    .nullish()
    .transform((v) => v ?? null)
    .describe("PERSONAL only: the personal field holding the data subject's id."),
  connector,
  refreshMinutes: z
    .number()
    .int()
    .min(5, 'syncs run at most every 5 minutes')
    .max(525_600, 'at most once a year')
    .nullish()
    .transform((v) => v ?? null)
    .describe('Sync every so many minutes (at least 5); leave out to sync on demand.'),
  serviceIds: z.array(globalId('Service')).max(50).default([]).describe('Shared services that use this data.'),
});
export type CreateConnectionInput = z.input<typeof createConnectionInput>;

export const updateConnectionInput = z.object({
  name: text('the name', 200).optional(),
  description: optionalText('the description', 5000).optional(),
  tags: tags.optional(),
  licence: text('the licence', 100).optional(),
  classification: classification.optional(),
  fields: z.array(field).optional(),
  connector: connector.optional(),
  refreshMinutes: z.number().int().min(5).max(525_600).nullable().optional(),
  serviceIds: z.array(globalId('Service')).max(50).optional(),
  paused: z.boolean().optional().describe('Stop (true) or resume (false) scheduled syncs.'),
});
export type UpdateConnectionInput = z.input<typeof updateConnectionInput>;
