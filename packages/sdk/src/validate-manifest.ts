import { isCompatible, isValidRange } from './compatibility.js';
import { CAPABILITIES, type PluginManifest } from './manifest.js';

/** One thing wrong with a manifest: where (`services.0.key`) and what to change. */
export interface ManifestProblem {
  path: string;
  message: string;
}

const PACKAGE_NAME = /^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;
const EXACT_VERSION = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;
const KEBAB_KEY = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
// A BCP 47 language tag as plugin texts use them: `ko`, `en`, `ko-KR`, `zh-Hant`.
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const OPERATION_NAME = /^[a-z][A-Za-z0-9]{0,62}$/;
const EVENT_NAME = /^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/;
const HOST =
  /^(?=.{1,253}(:\d{1,5})?$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*(:\d{1,5})?$/;

/**
 * Checks a manifest without running any plugin code: names, versions, the
 * compatibility range's syntax, capabilities, hosts, service keys, operation
 * names, connector keys and names, and events. Returns every problem found
 * (empty when valid), each naming the field and what to change. The hub runs
 * the same checks, plus the ones only it can make (the range against its API
 * version, names taken by other plugins).
 */
/** The most files a manifest may list in `assets`. */
const MAX_ASSETS = 100;

/** A relative path with `/` inside the package: no absolute path, no `..` or `.` segment, no backslash. */
function isAssetPath(path: unknown): boolean {
  if (typeof path !== 'string' || path.length === 0 || path.length > 300 || path.includes('\\') || path.startsWith('/'))
    return false;
  return path
    .split('/')
    .every((segment) => segment !== '' && segment !== '.' && segment !== '..' && !/[\u0000-\u001f]/.test(segment));
}

export function validateManifest(manifest: PluginManifest): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });
  if (!PACKAGE_NAME.test(manifest.name ?? '') || (manifest.name ?? '').length > 214)
    problem('name', 'use an npm package name such as "@acme/maru-address"');
  if (!EXACT_VERSION.test(manifest.version ?? '')) problem('version', 'use an exact semver version such as "1.0.0"');
  if (!manifest.publisher?.trim() || manifest.publisher.length > 200)
    problem('publisher', 'name the publishing organization (1–200 characters)');
  if (!isValidRange(manifest.compatibility ?? ''))
    problem('compatibility', 'use a semver range of the plugin API such as "^1.0.0"');
  const capabilities = manifest.capabilities ?? [];
  capabilities.forEach((capability, i) => {
    if (!CAPABILITIES.includes(capability))
      problem(`capabilities.${i}`, `"${capability}" is not a capability; use one of ${CAPABILITIES.join(', ')}`);
  });
  if (new Set(capabilities).size !== capabilities.length) problem('capabilities', 'list each capability once');
  const hosts = manifest.hosts ?? [];
  hosts.forEach((host, i) => {
    if (!HOST.test(host))
      problem(
        `hosts.${i}`,
        `"${host}" is not a host name such as "api.example.com" or "localhost:8080" (no scheme, no path)`,
      );
  });
  if (capabilities.includes('fetch') && hosts.length === 0)
    problem('hosts', 'the fetch capability needs the hosts it may reach');
  if (!capabilities.includes('fetch') && hosts.length > 0)
    problem('capabilities', 'hosts are listed but the fetch capability is not asked for');
  const services = manifest.services ?? [];
  const connectors = manifest.connectors ?? [];
  if (services.length === 0 && connectors.length === 0)
    problem('services', 'contribute at least one service or data connector');
  const keys = new Set<string>();
  services.forEach((service, s) => {
    if (!KEBAB_KEY.test(service.key ?? ''))
      problem(`services.${s}.key`, 'use a kebab-case key such as "address-lookup"');
    else if (keys.has(service.key)) problem(`services.${s}.key`, `the key "${service.key}" is used twice`);
    keys.add(service.key);
    if (!service.name?.trim()) problem(`services.${s}.name`, 'give the service a name');
    for (const [lang, texts] of Object.entries(service.i18n ?? {})) {
      if (!LANGUAGE_TAG.test(lang))
        problem(`services.${s}.i18n.${lang}`, 'use a language tag such as "ko", "en" or "ko-KR"');
      else if (typeof texts !== 'object' || texts === null)
        problem(`services.${s}.i18n.${lang}`, 'give an object with name and/or description');
      else
        for (const field of ['name', 'description'] as const)
          if (texts[field] !== undefined && (typeof texts[field] !== 'string' || !texts[field].trim()))
            problem(`services.${s}.i18n.${lang}.${field}`, `give the ${field} as text, or leave it out`);
      if (typeof texts === 'object' && texts !== null)
        for (const [operation, text] of Object.entries(texts.operations ?? {})) {
          if (!(service.operations ?? []).some((op) => op.name === operation))
            problem(
              `services.${s}.i18n.${lang}.operations.${operation}`,
              `the service has no operation "${operation}"`,
            );
          else if (typeof text !== 'string' || !text.trim())
            problem(
              `services.${s}.i18n.${lang}.operations.${operation}`,
              'give the description as text, or leave it out',
            );
        }
    }
    const names = new Set<string>();
    if (!service.operations?.length) problem(`services.${s}.operations`, 'give the service at least one operation');
    (service.operations ?? []).forEach((op, o) => {
      if (!OPERATION_NAME.test(op.name ?? ''))
        problem(`services.${s}.operations.${o}.name`, 'use a camelCase name such as "lookupAddress"');
      else if (names.has(op.name))
        problem(`services.${s}.operations.${o}.name`, `the operation "${op.name}" is defined twice`);
      names.add(op.name);
      if (op.kind !== 'query' && op.kind !== 'mutation')
        problem(`services.${s}.operations.${o}.kind`, 'use "query" or "mutation"');
    });
  });
  const connectorKeys = new Set<string>();
  connectors.forEach((connector, c) => {
    if (!KEBAB_KEY.test(connector.key ?? ''))
      problem(`connectors.${c}.key`, 'use a kebab-case key such as "erp-invoices"');
    else if (connectorKeys.has(connector.key))
      problem(`connectors.${c}.key`, `the connector key "${connector.key}" is used twice`);
    connectorKeys.add(connector.key);
    if (!connector.name?.trim()) problem(`connectors.${c}.name`, 'give the connector a name');
  });
  // A 1.0 hub would load the plugin and silently ignore its connectors.
  if (
    connectors.length &&
    isValidRange(manifest.compatibility ?? '') &&
    isCompatible(manifest.compatibility, '1.0.0')
  ) {
    problem('compatibility', 'data connectors need plugin API 1.1: use a range such as "^1.1.0"');
  }
  validateIssues(manifest, problem);
  const emits = manifest.events?.emits ?? [];
  const receives = manifest.events?.receives ?? [];
  [
    ...emits.map((e, i) => [e, `events.emits.${i}`] as const),
    ...receives.map((e, i) => [e, `events.receives.${i}`] as const),
  ].forEach(([event, path]) => {
    if (!EVENT_NAME.test(event)) problem(path, `"${event}" is not an event name such as "challenge.awarded"`);
  });
  if (emits.length && !capabilities.includes('events:emit'))
    problem('capabilities', 'emitting events needs the events:emit capability');
  if (receives.length && !capabilities.includes('events:receive'))
    problem('capabilities', 'receiving events needs the events:receive capability');
  const assets = manifest.assets ?? [];
  if (assets.length > MAX_ASSETS) problem('assets', `list at most ${MAX_ASSETS} files`);
  assets.forEach((asset, i) => {
    if (!isAssetPath(asset))
      problem(
        `assets.${i}`,
        `"${asset}" is not a file path inside the package such as "data/addresses.json" (relative, with /, no "..")`,
      );
  });
  if (new Set(assets).size !== assets.length) problem('assets', 'list each file once');
  // An API 1 hub would load the plugin and its ctx would have no assets.
  if (assets.length && isValidRange(manifest.compatibility ?? '') && isCompatible(manifest.compatibility, '1.1.0')) {
    problem('compatibility', 'assets need plugin API 2: use a range such as "^2.0.0"');
  }
  return problems;
}

/** Each document type names operations of one of the plugin's own services, of the kind the hub calls them as. */
function validateIssues(manifest: PluginManifest, problem: (path: string, message: string) => void): void {
  const types = new Set<string>();
  (manifest.issues ?? []).forEach((issued, i) => {
    const at = `issues.${i}`;
    if (!KEBAB_KEY.test(issued.type ?? ''))
      problem(`${at}.type`, 'use a kebab-case type such as "business-registration"');
    else if (types.has(issued.type)) problem(`${at}.type`, `the document type "${issued.type}" is declared twice`);
    types.add(issued.type);
    if (!issued.name?.trim()) problem(`${at}.name`, 'give the document type a name');
    const service = (manifest.services ?? []).find((s) => s.key === issued.service);
    if (!service) {
      problem(`${at}.service`, `"${issued.service}" is not the key of one of this plugin's services`);
      return;
    }
    const operation = (field: 'issue' | 'verify' | 'revoke', kind: 'query' | 'mutation') => {
      const name = issued[field];
      if (name === undefined && field === 'revoke') return;
      const op = service.operations.find((o) => o.name === name);
      if (!op) problem(`${at}.${field}`, `the service "${service.key}" has no operation "${String(name)}"`);
      else if (op.kind !== kind) problem(`${at}.${field}`, `"${name}" must be a ${kind}`);
    };
    operation('issue', 'mutation');
    operation('verify', 'query');
    operation('revoke', 'mutation');
  });
}
