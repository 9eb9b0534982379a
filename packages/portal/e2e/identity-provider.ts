import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export const CLIENT_ID = 'maru-portal-e2e';
export const CLIENT_SECRET = 'a-client-secret-for-the-portal-browser-tests';

export interface IdentityProvider {
  issuer: string;
  /** Who signs in at the provider next (its login step picks this account without a form). */
  signInAs(accountId: string): void;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (oidc-provider, certified) on 127.0.0.1 standing in for a ministry's SSO: one
 * confidential client whose redirect URI is the hub's, and accounts by id with their e-mail.
 */
export async function startIdentityProvider(
  redirectUri: string,
  accounts: Record<string, { email: string; name: string }>,
): Promise<IdentityProvider> {
  let next = '';
  let provider!: Provider;
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      provider
        .interactionFinished(req, res, { login: { accountId: next } }, { mergeWithLastSubmission: false })
        .catch((error: unknown) => res.writeHead(500).end(String(error)));
      return;
    }
    handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['portal-e2e-cookie-key'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, id) {
      const account = accounts[id];
      if (!account) return undefined;
      return {
        accountId: id,
        claims: async () => ({ sub: id, email: account.email, email_verified: true, name: account.name }),
      };
    },
    // Consent is given: the provider's own pages are not what these tests are about.
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
  const handle = provider.callback();
  return {
    issuer,
    signInAs: (id) => void (next = id),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
