import { badInput } from '../errors.js';

/** Relay global ids: base64url of `Type:id`. Opaque to clients. */
export function encodeGlobalId(typename: string, id: string): string {
  return Buffer.from(`${typename}:${id}`, 'utf8').toString('base64url');
}

export interface DecodedGlobalId {
  typename: string;
  id: string;
}

/** Decodes a global id; a malformed one is BAD_USER_INPUT naming the argument. */
export function decodeGlobalId(globalId: string, field = 'id'): DecodedGlobalId {
  const text = /^[A-Za-z0-9_-]{1,200}={0,2}$/.test(globalId) ? Buffer.from(globalId, 'base64url').toString('utf8') : '';
  const match = /^([A-Z][A-Za-z]{0,63}):([a-z0-9][a-z0-9-]{0,63})$/.exec(text);
  if (!match)
    throw badInput(field, `\`${field}\` is not a valid id: "${globalId.slice(0, 80)}". Use an id returned by the API.`);
  return { typename: match[1]!, id: match[2]! };
}

/** Decodes a global id that must name an object of `typename`. */
export function parseId(globalId: string, typename: string, field = 'id'): string {
  const decoded = decodeGlobalId(globalId, field);
  if (decoded.typename !== typename)
    throw badInput(
      field,
      `\`${field}\` must be the id of ${article(typename)}, but it is the id of ${article(decoded.typename)}.`,
    );
  return decoded.id;
}

/** The raw id inside a global id, or null when malformed: for audit records of refused calls. */
export function peekId(globalId: string | null | undefined): string | null {
  if (!globalId) return null;
  try {
    return decodeGlobalId(globalId).id;
  } catch {
    return null;
  }
}

const article = (noun: string) => `${/^[AEIOU]/.test(noun) ? 'an' : 'a'} ${noun}`;

/** Drops null and undefined fields of a GraphQL input, so defaults of the domain's validation apply. */
export function compact<T extends Record<string, unknown>>(input: T): { [K in keyof T]?: Exclude<T[K], null> } {
  return Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== null && value !== undefined),
  ) as never;
}
