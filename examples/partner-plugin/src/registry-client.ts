import { PluginError, type PluginContext } from '@maru/sdk';
import { settingsOf } from './settings.js';

/** One business as Acme's registry API returns it. */
export interface RegistryBusiness {
  number: string;
  name: string;
  status: 'active' | 'suspended' | 'closed';
  taxType: 'general' | 'simplified' | 'exempt';
  closedOn: string | null;
}

/** One page of closures, oldest first. */
export interface ClosuresPage {
  items: Array<{ number: string; name: string; closedOn: string }>;
  nextPage: number | null;
}

async function getJson<T>(ctx: PluginContext, path: string): Promise<T | null> {
  const url = new URL(path, settingsOf(ctx).apiUrl);
  // ctx.fetch reaches only the manifest's hosts; ctx.signal ends the request at the call's deadline.
  let response: Response;
  try {
    response = await ctx.fetch(url, { headers: { accept: 'application/json' }, signal: ctx.signal });
  } catch (error) {
    // Only a network failure becomes our code; a capability refusal or the deadline's abort goes up as it is.
    // The hub's ctx.fetch says why after the words ("fetch failed: ENOTFOUND"); Node's fetch, in unit tests, does not.
    if (!(error instanceof TypeError && /^fetch failed\b/.test(error.message))) throw error;
    ctx.log.warn('registry unreachable', { host: url.host });
    throw new PluginError(
      'REGISTRY_UNAVAILABLE',
      `The business registry at ${url.host} cannot be reached; try again in a few minutes.`,
    );
  }
  if (response.status === 404) return null;
  if (!response.ok) {
    ctx.log.warn('registry answered with an error', { status: response.status, path: url.pathname });
    throw new PluginError(
      'REGISTRY_UNAVAILABLE',
      `The business registry answered ${response.status}; try again in a few minutes.`,
    );
  }
  return (await response.json()) as T;
}

/** The business with this number, or `null` when the registry does not know it. */
export function fetchBusiness(ctx: PluginContext, number: string): Promise<RegistryBusiness | null> {
  return getJson<RegistryBusiness>(ctx, `/v1/businesses/${encodeURIComponent(number)}`);
}

/** One page of businesses closed on or after `since` (YYYY-MM-DD). */
export async function fetchClosures(ctx: PluginContext, since: string, page: number): Promise<ClosuresPage> {
  return (
    (await getJson<ClosuresPage>(ctx, `/v1/closures?since=${since}&page=${page}`)) ?? { items: [], nextPage: null }
  );
}
