import { decodeGlobalId, parseId } from '../graphql/global-id.js';
import type { PluginDataReader } from '../plugins/index.js';
import type { DataServices } from './data-module.js';

const rawId = (globalId: string | null): string | null => {
  if (!globalId) return null;
  try {
    return decodeGlobalId(globalId).id;
  } catch {
    return null;
  }
};

/**
 * `ctx.data.read` on the hub's side: the plugin reads as itself (its own
 * approvals and consents, like any other requester), under the same rules as
 * GraphQL reads, and every read is logged with the plugin and its caller.
 */
export function createPluginDataReader(data: DataServices): PluginDataReader {
  return async (request) => {
    const connectionId = parseId(request.connectionId, 'DataConnection', 'connectionId');
    const principal = {
      kind: 'PLUGIN' as const,
      pluginName: request.pluginName,
      callerOrganizationId: rawId(request.caller.organizationId),
      callerMemberId: rawId(request.caller.memberId),
    };
    const grant = await data.reads.open(principal, await data.connections.require(connectionId), {
      fields: request.fields ?? null,
      purpose: request.purpose ?? null,
      channel: 'plugin',
      requestId: request.requestId,
    });
    const records = await grant.first(request.limit ?? 100).catch(grant.fail);
    const shown = await grant.deliver(records);
    // Masked fields are left out rather than nulled: a plugin cannot tell a withheld value from an empty one by
    // accident.
    return shown.map((record) =>
      Object.fromEntries(Object.entries(record.data).filter(([field]) => !record.masked.includes(field))),
    );
  };
}
