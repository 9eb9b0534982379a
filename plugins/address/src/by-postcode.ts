import { defineOperation, z } from '@maru/sdk';
import { Address } from './address.js';
import { addressErrors } from './errors.js';
import { loadAddresses } from './load-addresses.js';

/** Every address with one postcode. */
export const byPostcode = defineOperation({
  kind: 'query',
  description:
    'Lists every address with a five-digit postcode, in address order. Fails with ADDRESS_NOT_FOUND when none has it.',
  input: z.object({
    postcode: z
      .string()
      .trim()
      .regex(/^\d{5}$/, 'a postcode is five digits, e.g. "03171"'),
  }),
  output: z.object({ postcode: z.string(), addresses: z.array(Address).min(1) }),
  handler: async ({ postcode }, ctx) => {
    const addresses = (await loadAddresses(ctx))
      .filter((address) => address.postcode === postcode)
      .sort((a, b) => a.roadAddress.localeCompare(b.roadAddress, 'ko', { numeric: true }));
    if (addresses.length === 0) throw addressErrors.ADDRESS_NOT_FOUND(postcode);
    return { postcode, addresses };
  },
});
