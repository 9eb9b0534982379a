import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/** The session cookie (HttpOnly) and the CSRF cookie the portal reads to send `x-maru-csrf`. */
export const SESSION_COOKIE = 'maru_session';
export const CSRF_COOKIE = 'maru_csrf';
/** What a sign-in in progress keeps between `/auth/login` and `/auth/callback`: signed, HttpOnly, 10 minutes. */
export const LOGIN_COOKIE = 'maru_oidc';
export const LOGIN_TTL_SECONDS = 600;

export interface CookieOptions {
  secure: boolean;
}

/** The value of cookie `name` in a `Cookie` header, or null. */
export function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

/** A `Set-Cookie` value; `maxAge` 0 clears the cookie. Always SameSite=Lax: the IdP's redirect back is a top-level GET. */
export function setCookie(
  name: string,
  value: string,
  options: CookieOptions & { maxAge: number; httpOnly: boolean; path?: string },
): string {
  return [
    `${name}=${value}`,
    `Path=${options.path ?? '/'}`,
    `Max-Age=${Math.max(0, Math.floor(options.maxAge))}`,
    'SameSite=Lax',
    ...(options.httpOnly ? ['HttpOnly'] : []),
    ...(options.secure ? ['Secure'] : []),
  ].join('; ');
}

/** The two cookies of a session: its token (HttpOnly) and its CSRF token (readable), for as long as it may last. */
export function sessionCookies(token: string, csrf: string, maxAge: number, options: CookieOptions): string[] {
  return [
    setCookie(SESSION_COOKIE, token, { ...options, maxAge, httpOnly: true }),
    setCookie(CSRF_COOKIE, csrf, { ...options, maxAge, httpOnly: false }),
  ];
}

export function clearedSessionCookies(options: CookieOptions): string[] {
  return sessionCookies('', '', 0, options);
}

/** Signs and reads the sign-in-in-progress cookie: HMAC-SHA256 with a key derived from the client secret. */
export function createLoginSealer(clientSecret: string, clock: () => number = Date.now) {
  const key = Buffer.from(hkdfSync('sha256', clientSecret, 'maru', 'maru-oidc-login-cookie', 32));
  const mac = (data: string) => createHmac('sha256', key).update(data).digest('base64url');
  return {
    seal(payload: object): string {
      const data = Buffer.from(JSON.stringify({ ...payload, exp: clock() + LOGIN_TTL_SECONDS * 1000 })).toString(
        'base64url',
      );
      return `${data}.${mac(data)}`;
    },
    /** The payload, or null when the cookie is missing, forged, altered or older than 10 minutes. */
    open<T>(sealed: string | null): T | null {
      const [data, signature] = (sealed ?? '').split('.');
      if (!data || !signature) return null;
      const expected = Buffer.from(mac(data));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
      const payload = JSON.parse(Buffer.from(data, 'base64url').toString('utf8')) as T & { exp: number };
      return payload.exp > clock() ? payload : null;
    },
  };
}
