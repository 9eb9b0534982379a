import { defineOperation, z } from '@maru/sdk';
import { Address } from './address.js';
import { loadAddresses } from './load-addresses.js';
import { compact, rankAddresses } from './rank-addresses.js';

/** Finds addresses by any part of them, in Korean or English. */
export const search = defineOperation({
  kind: 'query',
  description:
    'Finds road-name addresses by any part of them (road, number, building, district, postcode), in Korean or English, case-insensitive. Exact and prefix matches come first.',
  input: z.object({
    query: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .refine((query) => compact(query).length > 0, 'type at least one letter or digit')
      .describe('e.g. "세종대로 209", "Teheran-ro 152" or "판교"'),
    limit: z.int32().min(1).max(50).default(10).describe('At most this many addresses (1–50, default 10).'),
  }),
  output: z.object({
    total: z.int32().min(0).describe('How many addresses match, before `limit`.'),
    addresses: z.array(Address),
  }),
  handler: async ({ query, limit }, ctx) => {
    const matches = rankAddresses(await loadAddresses(ctx), query);
    return { total: matches.length, addresses: matches.slice(0, limit) };
  },
});
