import { defineConnector, z } from '@maru/sdk';
import { fetchClosures } from './registry-client.js';

/**
 * `business-closures`: a data connector an agency can point a data connection
 * at, to keep a dataset of businesses closed since a date. Pages are read one
 * at a time and records yielded as they come, so memory stays flat however
 * many there are.
 */
export const businessClosures = defineConnector({
  key: 'business-closures',
  name: 'Business closures',
  description: 'Businesses closed on or after a date, from the Acme business registry.',
  config: z.object({ since: z.iso.date().describe('First closure date to include, YYYY-MM-DD') }),
  read: async function* ({ since }, ctx) {
    for (let page: number | null = 1; page !== null;) {
      const { items, nextPage } = await fetchClosures(ctx, since, page);
      for (const item of items) yield { registrationNumber: item.number, name: item.name, closedOn: item.closedOn };
      page = nextPage;
    }
  },
});
