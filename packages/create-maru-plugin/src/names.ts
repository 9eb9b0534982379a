/** npm's rules for a package name, as the SDK checks a manifest's `name`. */
const PACKAGE_NAME = /^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;

export function isPackageName(name: string): boolean {
  return PACKAGE_NAME.test(name) && name.length <= 214;
}

/** `@acme/maru-hello` → `maru-hello`: a kebab-case service key, as the hub requires. */
export function serviceKeyOf(name: string): string {
  const key = name
    .replace(/^@[^/]+\//, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '');
  return key || 'sample-service';
}

/** `maru-hello` → `Maru hello`: the service's display name. */
export function serviceNameOf(key: string): string {
  const words = key.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** `maru-hello` → `maruHello`: the field the hub's GraphQL schema gives the service under `call`. */
export function namespaceOf(key: string): string {
  const pascal = key
    .replace(/(^|[-_ ])([a-z0-9])/g, (_m, _s, c: string) => c.toUpperCase())
    .replace(/[^A-Za-z0-9]/g, '');
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}
