import type { RegistryBusiness } from './registry-client.js';

/**
 * What test keys see (`ctx.mode === 'test'`): fixed answers, no call to the
 * registry, nothing cached. Listed in the README so client developers can try
 * every status.
 */
export const SANDBOX_BUSINESSES: readonly RegistryBusiness[] = [
  {
    number: '123-45-67891',
    name: '(주)마루샘플 Maru Sample Co.',
    status: 'active',
    taxType: 'general',
    closedOn: null,
  },
  {
    number: '220-81-12341',
    name: '한빛상사 Hanbit Trading',
    status: 'suspended',
    taxType: 'simplified',
    closedOn: null,
  },
  {
    number: '105-87-12345',
    name: '세종식당 Sejong Diner',
    status: 'closed',
    taxType: 'general',
    closedOn: '2025-12-31',
  },
];
