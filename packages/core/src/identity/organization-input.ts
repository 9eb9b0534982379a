import { z } from 'zod';
import { globalId } from '../graphql/input-hints.js';
import { optionalText, slug, text } from '../validation.js';
import { ORGANIZATION_KINDS } from './model.js';

/** The zod enum that GraphQL declares as `OrganizationKind`. */
export const organizationKind = z.enum(ORGANIZATION_KINDS);

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
  expectedVersion: z
    .number()
    .int()
    .positive()
    .optional()
    .describe('Refuse with CONFLICT if the organization changed since this version.'),
});

export type CreateOrganizationInput = z.input<typeof createOrganizationInput>;
export type UpdateOrganizationInput = z.input<typeof updateOrganizationInput>;
