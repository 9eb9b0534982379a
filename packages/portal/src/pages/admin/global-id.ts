/** A Relay global id (base64url of `Type:id`, as the hub makes them) for a raw id the audit trail records. */
export function globalId(typename: string, raw: string): string {
  const bytes = new TextEncoder().encode(`${typename}:${raw}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
