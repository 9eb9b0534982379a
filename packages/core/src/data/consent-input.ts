import { z } from 'zod';
import { globalId, graphqlInput } from '../graphql/input-hints.js';
import { text } from '../validation.js';

const isoDate = (schema: z.ZodString) => schema.register(graphqlInput, { type: 'DateTime' });

/** A consent's terms, which the consent service validates. */
export const consentInput = z.object({
  subjectId: text('the subject id', 200).describe("The person's id as it appears in the connection's subject field."),
  purpose: text('the purpose', 1000).describe("The same purpose as the requester's access request."),
  fields: z
    .array(z.string())
    .min(1, 'name at least one personal field')
    .describe('Personal fields the person lets the requester see.'),
  validFrom: isoDate(z.string()).nullish(),
  validUntil: isoDate(z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'must be an ISO-8601 date-time')),
});

/**
 * `RecordConsentInput`: the connection, the consent's terms and its requester — an organization or a plugin,
 * exactly one of them, which the service checks.
 */
export const recordConsentInput = z.object({
  connectionId: globalId('DataConnection'),
  ...consentInput.shape,
  requesterOrganizationId: globalId('Organization')
    .nullish()
    .describe('The organization the person consents to; or give requesterPlugin.'),
  requesterPlugin: z.string().nullish(),
});
