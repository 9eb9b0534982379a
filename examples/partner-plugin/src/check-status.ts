import { defineOperation, z, type PluginContext } from '@maru/sdk';
import { normalizeRegistrationNumber } from './registration-number.js';
import { fetchBusiness, type RegistryBusiness } from './registry-client.js';
import { SANDBOX_BUSINESSES } from './sandbox.js';
import { settingsOf } from './settings.js';

const STATUS = { active: 'ACTIVE', suspended: 'SUSPENDED', closed: 'CLOSED' } as const;

const output = z.object({
  registrationNumber: z.string(),
  status: z.enum(['ACTIVE', 'SUSPENDED', 'CLOSED', 'NOT_REGISTERED']),
  name: z.string().nullable(),
  taxType: z.enum(['general', 'simplified', 'exempt']).nullable(),
  closedOn: z.string().nullable(),
  checkedAt: z.string(),
  /** Where the answer came from: `registry`, `cache` or `sandbox` (test keys). */
  source: z.enum(['registry', 'cache', 'sandbox']),
});

type Status = z.output<typeof output>;

function toStatus(
  number: string,
  business: RegistryBusiness | null,
  checkedAt: string,
  source: Status['source'],
): Status {
  if (!business)
    return {
      registrationNumber: number,
      status: 'NOT_REGISTERED',
      name: null,
      taxType: null,
      closedOn: null,
      checkedAt,
      source,
    };
  return {
    registrationNumber: number,
    status: STATUS[business.status],
    name: business.name,
    taxType: business.taxType,
    closedOn: business.closedOn,
    checkedAt,
    source,
  };
}

async function live(number: string, ctx: PluginContext): Promise<Status> {
  const { cacheMinutes } = settingsOf(ctx);
  const key = `status:${number}`;
  if (cacheMinutes > 0) {
    const cached = await ctx.kv.get<Status>(key);
    if (cached && Date.parse(cached.checkedAt) > Date.now() - cacheMinutes * 60_000)
      return { ...cached, source: 'cache' };
  }
  const status = toStatus(number, await fetchBusiness(ctx, number), new Date().toISOString(), 'registry');
  if (cacheMinutes > 0) await ctx.kv.set(key, status);
  return status;
}

/** `checkStatus`: whether a business is active, suspended or closed, as the registry knows it. */
export const checkStatus = defineOperation({
  kind: 'query',
  description:
    'Whether a business registration number belongs to an active, suspended or closed business. Test keys get sandbox answers.',
  input: z.object({
    registrationNumber: z.string().min(10).max(14).describe('Ten digits, dashes optional: 123-45-67891'),
  }),
  output,
  handler: async ({ registrationNumber }, ctx) => {
    const number = normalizeRegistrationNumber(registrationNumber);
    if (ctx.mode === 'test') {
      const business = SANDBOX_BUSINESSES.find((b) => b.number === number) ?? null;
      return toStatus(number, business, new Date().toISOString(), 'sandbox');
    }
    return live(number, ctx);
  },
});
