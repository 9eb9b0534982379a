import { z } from 'zod';
import { globalId, graphqlInput } from '../graphql/input-hints.js';
import { futureDate, text } from '../validation.js';
import { API_KEY_MODES, API_KEY_SCOPES } from './model.js';

/** The zod enums that GraphQL declares as `ApiKeyScope` and `ApiKeyMode`. */
export const apiKeyScope = z.enum(API_KEY_SCOPES);
export const apiKeyMode = z.enum(API_KEY_MODES);

/** `CreateApiKeyInput`: what the schema declares and the service validates. */
export const createApiKeyInput = z.object({
  name: text('a name', 100).describe('What the key is for; 1–100 characters.'),
  scopes: z
    .array(apiKeyScope)
    .min(1, 'give at least one scope')
    .transform((list) => [...new Set(list)])
    .describe('At most the scopes of the key that creates it.'),
  mode: apiKeyMode.default('LIVE').describe('LIVE by default.'),
  expiresAt: futureDate('expiresAt')
    .nullish()
    .register(graphqlInput, { type: 'DateTime', description: 'When the key stops working; never, if omitted.' }),
  memberId: globalId('Member')
    .nullish()
    .describe('Admins may create a key for another member of their organization; yourself by default.'),
});

export type CreateApiKeyInput = z.input<typeof createApiKeyInput>;
