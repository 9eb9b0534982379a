import { z } from 'zod';
import { optionalText, text } from '../validation.js';
import { CLASSIFICATIONS, FIELD_TYPES } from './model.js';
import { CONNECTOR_KINDS } from './connectors/connector.js';

const field = z.object({
  name: z.string(),
  type: z.enum(FIELD_TYPES),
  description: optionalText('a field description', 500).default(''),
  personal: z.boolean().default(false),
});

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

const connector = z.object({ kind: z.enum(CONNECTOR_KINDS), config: z.unknown() });

export const createConnectionInput = z.object({
  name: text('the name', 200),
  description: optionalText('the description', 5000).default(''),
  tags,
  licence: text('the licence', 100),
  classification: z.enum(CLASSIFICATIONS),
  fields: z.array(field).default([]),
  keyField: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'name the field whose value identifies a record, e.g. "id"'),
  subjectField: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
  connector,
  refreshMinutes: z
    .number()
    .int()
    .min(5, 'syncs run at most every 5 minutes')
    .max(525_600, 'at most once a year')
    .nullish()
    .transform((v) => v ?? null),
  serviceIds: z.array(z.string()).max(50).default([]),
});
export type CreateConnectionInput = z.input<typeof createConnectionInput>;

export const updateConnectionInput = z.object({
  name: text('the name', 200).optional(),
  description: optionalText('the description', 5000).optional(),
  tags: tags.optional(),
  licence: text('the licence', 100).optional(),
  classification: z.enum(CLASSIFICATIONS).optional(),
  fields: z.array(field).optional(),
  connector: connector.optional(),
  refreshMinutes: z.number().int().min(5).max(525_600).nullable().optional(),
  serviceIds: z.array(z.string()).max(50).optional(),
  paused: z.boolean().optional(),
});
export type UpdateConnectionInput = z.input<typeof updateConnectionInput>;
