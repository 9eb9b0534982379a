import type { HubConfig } from './config.js';

export interface ReadyAddress {
  /** The GraphQL endpoint the hub answers at, e.g. `http://127.0.0.1:4000/graphql`. */
  url: string;
  /** The built portal the hub serves at `/`, or null when there is none. */
  portalDir: string | null;
}

/**
 * The few lines a person at a terminal reads once the hub is ready: where to
 * open it, how to sign in to a demo hub, where the data is kept and how to
 * stop. Never a credential: of a MongoDB URI only the hosts are shown.
 */
export function formatReadyBanner(config: HubConfig, address: ReadyAddress): string {
  const base = address.url.replace(/\/graphql$/, '');
  const lines = ['', `Maru hub is ready${config.demo ? ' (demo mode)' : ''}`];
  lines.push(
    address.portalDir
      ? `  Portal     ${base}/`
      : '  Portal     not built: run npm run build -w @maru/portal in the Maru repository, then start the hub again',
  );
  if (config.graphiql) lines.push(`  GraphiQL   ${address.url}`);
  if (config.demo) {
    if (address.portalDir) lines.push(`  Sign in    ${base}/sign-in lists the demo members: pick one`);
    lines.push(
      `  Demo keys  mutation { demoLogin(email: "admin@maru.example") { secret } } gives a demo member's API key`,
    );
  }
  lines.push(
    `  Data       ${config.mongodbUri ? `MongoDB at ${mongoHosts(config.mongodbUri)}` : `${config.dataDir} (embedded store)`}`,
    '',
    'Press Ctrl+C to stop.',
    '',
  );
  return lines.join('\n');
}

/** The host list of a MongoDB URI, without the user, password, database or options. */
function mongoHosts(uri: string): string {
  // Split as the MongoDB driver's connection string parser does: a password may hold / and ? but not @.
  return /^mongodb(?:\+srv)?:\/\/(?:[^:@]*(?::[^@]*)?@)?([^/?@]*)/.exec(uri)?.[1] || 'the hosts in MONGODB_URI';
}
