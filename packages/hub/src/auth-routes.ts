import { isMaruError, type Hub, type HubLogger } from '@maru/core';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as oidcClient from 'openid-client';
import {
  clearedSessionCookies,
  cookieValue,
  createLoginSealer,
  LOGIN_COOKIE,
  LOGIN_TTL_SECONDS,
  SESSION_COOKIE,
  sessionCookies,
  setCookie,
} from './auth-cookies.js';
import { sendRefusalPage } from './auth-page.js';
import { ConfigError, type OidcConfig } from './config.js';

export interface AuthRoutesOptions {
  oidc: OidcConfig | null;
  /** Demo hubs sign seeded members in at `POST /auth/demo`. */
  demo: boolean;
  /** Cookies only over HTTPS (`MARU_SESSION_COOKIE_SECURE`). */
  cookieSecure: boolean;
  /** How long the session cookies are kept: the session's absolute limit. */
  sessionMaxAgeSeconds: number;
}

/** The sign-in routes under `/auth/`; `handle` answers whether the path was one of them. */
export interface AuthRoutes {
  handle(req: IncomingMessage, res: ServerResponse, path: string, requestId: string): Promise<boolean>;
}

interface PendingLogin {
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
}

const CSRF_HEADER = 'x-maru-csrf';

/**
 * Reads the provider's discovery document once, at start: an issuer that cannot be read, or that names another
 * issuer, stops the hub with a ConfigError naming MARU_OIDC_ISSUER.
 */
export async function discoverProvider(oidc: OidcConfig): Promise<oidcClient.Configuration> {
  const issuer = new URL(oidc.issuer);
  try {
    return await oidcClient.discovery(
      issuer,
      oidc.clientId,
      undefined,
      oidcClient.ClientSecretBasic(oidc.clientSecret),
      // Plain HTTP only for a provider on this machine (the configuration allows no other).
      issuer.protocol === 'http:' ? { execute: [oidcClient.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
    );
  } catch (error) {
    throw new ConfigError(
      `MARU_OIDC_ISSUER: could not read ${oidc.issuer}/.well-known/openid-configuration (${(error as Error).message}); check the issuer URL and that the hub can reach it.`,
    );
  }
}

/**
 * `GET /auth/login` → the provider (authorization code with PKCE S256, state and nonce in a signed cookie);
 * `GET /auth/callback` → the sign-in rule → a session in two cookies → back to `returnTo`; `POST /auth/logout`
 * (with `x-maru-csrf`) ends it; `POST /auth/demo` signs a seeded member in on demo hubs. Every refusal is a small
 * page with its code, audited, and changes nothing else.
 */
export function createAuthRoutes(
  hub: Hub,
  logger: HubLogger,
  options: AuthRoutesOptions,
  provider: oidcClient.Configuration | null,
): AuthRoutes {
  const cookies = { secure: options.cookieSecure };
  const sealer = options.oidc ? createLoginSealer(options.oidc.clientSecret) : null;
  // `replacing`: the session the browser had ends when a sign-in succeeds (rotation; no token known before survives).
  const meta = (req: IncomingMessage, requestId: string) => ({
    userAgent: req.headers['user-agent'] ?? null,
    requestId,
    replacing: cookieValue(req.headers.cookie, SESSION_COOKIE),
  });

  async function refuse(res: ServerResponse, code: string, detail: string, requestId: string, audit = true) {
    if (audit) await hub.services.signIn.refused(code, { requestId });
    sendRefusalPage(res, code, detail);
  }

  async function login(req: IncomingMessage, res: ServerResponse, requestId: string) {
    if (!options.oidc || !provider || !sealer)
      return refuse(res, 'NOT_FOUND', 'This hub has no OpenID Connect sign-in configured.', requestId, false);
    const url = new URL(req.url ?? '/', 'http://hub.invalid');
    const verifier = oidcClient.randomPKCECodeVerifier();
    const pending: PendingLogin = {
      state: oidcClient.randomState(),
      nonce: oidcClient.randomNonce(),
      verifier,
      returnTo: sameOriginPath(url.searchParams.get('returnTo')),
    };
    const target = oidcClient.buildAuthorizationUrl(provider, {
      redirect_uri: options.oidc.redirectUri,
      scope: 'openid email profile',
      code_challenge: await oidcClient.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    res.writeHead(302, {
      location: target.href,
      'cache-control': 'no-store',
      'set-cookie': setCookie(LOGIN_COOKIE, sealer.seal(pending), {
        ...cookies,
        maxAge: LOGIN_TTL_SECONDS,
        httpOnly: true,
        path: '/auth',
      }),
    });
    res.end();
  }

  async function callback(req: IncomingMessage, res: ServerResponse, requestId: string) {
    if (!options.oidc || !provider || !sealer)
      return refuse(res, 'NOT_FOUND', 'This hub has no OpenID Connect sign-in configured.', requestId, false);
    // The sign-in cookie is single-use: cleared whatever happens next.
    res.setHeader('set-cookie', setCookie(LOGIN_COOKIE, '', { ...cookies, maxAge: 0, httpOnly: true, path: '/auth' }));
    const pending = sealer.open<PendingLogin>(cookieValue(req.headers.cookie, LOGIN_COOKIE));
    if (!pending)
      return refuse(res, 'SIGN_IN_FAILED', 'The sign-in cookie is missing or older than 10 minutes.', requestId);
    const search = new URL(req.url ?? '/', 'http://hub.invalid').search;
    let claims: Record<string, unknown>;
    try {
      const tokens = await oidcClient.authorizationCodeGrant(
        provider,
        new URL(`${options.oidc.redirectUri}${search}`),
        {
          pkceCodeVerifier: pending.verifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        },
      );
      claims = { ...tokens.claims() };
      if (provider.serverMetadata().userinfo_endpoint)
        claims = { ...claims, ...(await oidcClient.fetchUserInfo(provider, tokens.access_token, String(claims.sub))) };
    } catch (error) {
      logger.warn({ requestId, reason: (error as Error).message }, 'OpenID Connect sign-in refused');
      return refuse(res, 'SIGN_IN_FAILED', "The identity provider's answer was refused.", requestId);
    }
    try {
      const signedIn = await hub.services.signIn.withClaims(claims, options.oidc.emailClaim, meta(req, requestId));
      res.setHeader('set-cookie', [
        setCookie(LOGIN_COOKIE, '', { ...cookies, maxAge: 0, httpOnly: true, path: '/auth' }),
        ...sessionCookies(signedIn.token, signedIn.session.csrfToken, options.sessionMaxAgeSeconds, cookies),
      ]);
      res.writeHead(302, { location: pending.returnTo, 'cache-control': 'no-store' }).end();
    } catch (error) {
      // The sign-in service audited the refusal.
      if (!isMaruError(error)) throw error;
      sendRefusalPage(res, error.code, error.message);
    }
  }

  async function logout(req: IncomingMessage, res: ServerResponse, requestId: string) {
    const token = cookieValue(req.headers.cookie, SESSION_COOKIE);
    if (token) {
      try {
        await hub.services.sessions.authenticate(token, headerOf(req, CSRF_HEADER));
      } catch (error) {
        if (!isMaruError(error)) throw error;
        // A session that has ended anyway: only its cookies go. A live one needs its CSRF token to end.
        if (error.code === 'CSRF_TOKEN_INVALID') {
          await hub.services.audit.append({
            action: 'auth.signOut',
            actorMemberId: null,
            actorOrganizationId: null,
            targetId: null,
            organizationId: null,
            outcome: error.code,
            requestId,
          });
          return sendRefusalPage(res, error.code, error.message);
        }
      }
      await hub.services.signIn.signOut(token, { requestId });
    }
    res.writeHead(204, { 'set-cookie': clearedSessionCookies(cookies), 'cache-control': 'no-store' }).end();
  }

  async function demo(req: IncomingMessage, res: ServerResponse, requestId: string) {
    if (!options.demo)
      return refuse(res, 'FORBIDDEN', 'Demo sign-in is turned off on this hub (MARU_DEMO).', requestId);
    // JSON only: a cross-site form cannot send it without the browser asking first (no login CSRF).
    if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
      return refuse(res, 'BAD_USER_INPUT', 'Send JSON: { "email": "…" }.', requestId);
    const body = await readSmallBody(req);
    let email: unknown;
    try {
      email = (JSON.parse(body) as { email?: unknown }).email;
    } catch {
      email = undefined;
    }
    if (typeof email !== 'string') return refuse(res, 'BAD_USER_INPUT', 'Send JSON: { "email": "…" }.', requestId);
    try {
      const signedIn = await hub.services.signIn.asDemoMember(email, meta(req, requestId));
      const payload = JSON.stringify({ member: { email: signedIn.member.email, name: signedIn.member.name } });
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
        'set-cookie': sessionCookies(signedIn.token, signedIn.session.csrfToken, options.sessionMaxAgeSeconds, cookies),
      });
      res.end(payload);
    } catch (error) {
      if (!isMaruError(error)) throw error;
      sendRefusalPage(res, error.code, error.message);
    }
  }

  const routes: Record<string, { method: string; run: typeof login }> = {
    '/auth/login': { method: 'GET', run: login },
    '/auth/callback': { method: 'GET', run: callback },
    '/auth/logout': { method: 'POST', run: logout },
    '/auth/demo': { method: 'POST', run: demo },
  };

  return {
    async handle(req, res, path, requestId) {
      const route = routes[path];
      if (!route) return false;
      if (req.method !== route.method) {
        res
          .writeHead(405, { allow: route.method, 'content-type': 'text/plain; charset=utf-8' })
          .end('Method Not Allowed');
        return true;
      }
      await route.run(req, res, requestId);
      return true;
    },
  };
}

/** Only a path on this hub (`/…`, never `//host` or `/\host`): an open redirect would hand the sign-in to anyone. */
export function sameOriginPath(value: string | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return '/';
  // A Location header carries printable ASCII only (`/한국` threw after the session was made: a 500).
  const encoded = value.replace(/[^\u0021-\u007e]/gu, (char) => {
    try {
      return encodeURIComponent(char);
    } catch {
      return ''; // a lone surrogate
    }
  });
  return encoded.length > 2000 ? '/' : encoded;
}

function headerOf(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return typeof value === 'string' ? value : null;
}

function readSmallBody(req: IncomingMessage, limit = 10_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
