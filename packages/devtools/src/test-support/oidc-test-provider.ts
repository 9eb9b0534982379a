/// <reference path="./oidc-provider.d.ts" />
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** The client the provider knows: a hub under test is configured with these (MARU_OIDC_CLIENT_ID / _SECRET). */
export const TEST_CLIENT_ID = 'maru-hub';
export const TEST_CLIENT_SECRET = 'a-test-client-secret-that-is-long-enough';

export interface TestAccount {
  email: string;
  /** Default true. */
  emailVerified?: boolean;
  /** The `name` claim; default the account's id. */
  name?: string;
}

export interface TestProvider {
  issuer: string;
  /** Who the next sign-in at the provider is (the interaction signs them in without a form). */
  signInAs(accountId: string): void;
  /** Issues tokens as if the provider's clock were `seconds` behind (0: on time). */
  tokenClockSkew(seconds: number): void;
  close(): Promise<void>;
}

/**
 * A real, certified OpenID Connect provider (oidc-provider) on 127.0.0.1 standing in for a ministry's SSO: one
 * confidential client whose redirect URI is the hub's, accounts by id, and an interaction that signs in the chosen
 * account and grants `openid email profile` (the provider's own pages are not what hub and portal tests are about).
 * The hub's sign-in tests and the portal's browser tests share it.
 */
export async function startTestProvider(
  redirectUri: string,
  accounts: Record<string, TestAccount>,
): Promise<TestProvider> {
  let next = '';
  let skewSeconds = 0;
  let handler: ReturnType<Provider['callback']> | null = null;
  let provider!: Provider;
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      provider
        .interactionFinished(req, res, { login: { accountId: next } }, { mergeWithLastSubmission: false })
        .catch((error: unknown) => res.writeHead(500).end(String(error)));
      return;
    }
    if (req.url?.startsWith('/token') && skewSeconds > 0) {
      // The provider reads the time through Date.now; the hub waits for this answer meanwhile (one test at a time).
      const realNow = Date.now;
      Date.now = () => realNow() - skewSeconds * 1000;
      res.on('finish', () => void (Date.now = realNow));
    }
    handler!(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT_ID,
        client_secret: TEST_CLIENT_SECRET,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['test-cookie-key'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    ttl: { IdToken: 600 },
    async findAccount(_ctx, id) {
      const account = accounts[id];
      if (!account) return undefined;
      return {
        accountId: id,
        claims: async () => ({
          sub: id,
          email: account.email,
          email_verified: account.emailVerified ?? true,
          name: account.name ?? id,
        }),
      };
    },
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  handler = provider.callback();
  return {
    issuer,
    signInAs: (id) => void (next = id),
    tokenClockSkew: (seconds) => void (skewSeconds = seconds),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
