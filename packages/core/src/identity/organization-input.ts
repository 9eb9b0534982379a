import { z } from 'zod';
import { globalId } from '../graphql/input-hints.js';
import { optionalText, slug, text } from '../validation.js';
import { ORGANIZATION_KINDS } from './model.js';
import { INDUSTRY_CODES, REGIONS, SIZE_BANDS } from './organization-profile.js';

/** The zod enum that GraphQL declares as `OrganizationKind`. */
export const organizationKind = z.enum(ORGANIZATION_KINDS);

/** The zod enums that GraphQL declares as `SizeBand`, `Region` and `Industry`. */
export const sizeBand = z.enum(SIZE_BANDS);
export const region = z.enum(REGIONS);
export const industry = z.enum(INDUSTRY_CODES);

/** `CreateOrganizationInput`: what the schema declares and the service validates. */
export const createOrganizationInput = z.object({
  kind: organizationKind,
  name: text('a name', 200).describe('1–200 characters.'),
  slug: slug.describe('Lowercase letters, digits and hyphens; unique.'),
  description: optionalText('a description', 2000).default('').describe('At most 2,000 characters.'),
  parentId: globalId('Organization').nullish().describe('The parent agency, for a sub-agency.'),
});

/** `UpdateOrganizationInput`: every field may be left out. */
export const updateOrganizationInput = z.object({
  name: text('a name', 200).optional(),
  description: optionalText('a description', 2000).optional(),
  sizeBand: sizeBand.nullish().describe('The size band (companies); null clears it.'),
  region: region.nullish().describe('The region (시·도) of the seat; null clears it.'),
  industry: industry.nullish().describe('The KSIC section of the main activity; null clears it.'),
  expectedVersion: z
    .number()
    .int()
    .positive()
    .optional()
    .describe('Refuse with CONFLICT if the organization changed since this version.'),
});

export type CreateOrganizationInput = z.input<typeof createOrganizationInput>;
export type UpdateOrganizationInput = z.input<typeof updateOrganizationInput>;
