import type { PluginManifest } from '@maru/sdk';

/**
 * What a plugin asks the hub for, in the words an operator reads before
 * granting it: one line per capability (per host for `fetch`).
 */
export function describeCapabilities(manifest: PluginManifest): string[] {
  const lines: string[] = [];
  for (const capability of manifest.capabilities ?? []) {
    switch (capability) {
      case 'kv':
        lines.push('reads and writes its own key/value storage');
        break;
      case 'fetch':
        for (const host of manifest.hosts ?? []) lines.push(`calls https://${host}`);
        break;
      case 'data:read':
        lines.push(
          "reads the data connections a hub grants it, with the calling organization's rights (each read is in the connection's access log)",
        );
        break;
      case 'events:emit':
        lines.push(`emits hub events: ${(manifest.events?.emits ?? []).join(', ') || 'none declared'}`);
        break;
      case 'events:receive':
        lines.push(`receives hub events: ${(manifest.events?.receives ?? []).join(', ') || 'none declared'}`);
        break;
      default:
        lines.push(`asks for "${String(capability)}", which this hub does not know`);
    }
  }
  return lines.length ? lines : ['nothing: no storage, network, data connections or events'];
}

/** The services and connectors a plugin contributes, one line each. */
export function describeContributions(manifest: PluginManifest): string[] {
  const services = (manifest.services ?? []).map(
    (s) => `service ${s.key} (${s.name}): ${s.operations.map((o) => `${o.name} (${o.kind})`).join(', ')}`,
  );
  const connectors = (manifest.connectors ?? []).map((c) => `data connector ${c.key} (${c.name})`);
  return [...services, ...connectors];
}
