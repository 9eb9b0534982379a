/**
 * `maru-hub setup`: the first start of a production hub. On the store the hub is configured for (the same
 * environment, config file and flags), it makes the platform organization and its first platform admin, and prints
 * one sign-in, once: an invitation link when people sign in through OpenID Connect, else a LIVE ADMIN API key.
 */
import { createServices, isMaruError, silentLogger, type BootstrapResult } from '@maru/core';
import { ConfigError, loadConfig } from './config.js';
import { openStore } from './open-store.js';

export const setupUsage = `Usage: maru-hub setup --email <address> --name <name> [--organization-name <name>] [--add-admin]

Makes the platform organization and its first platform admin on the store the hub
is configured for (MARU_DATA_DIR or MONGODB_URI, as for maru-hub), and prints one
sign-in, once:
  - with OpenID Connect configured (MARU_OIDC_ISSUER …): a link the admin follows to
    sign in for the first time, valid 7 days (the admin is INVITED until then);
  - without: a LIVE ADMIN API key, shown only now.
Run it again with the same e-mail: it says the hub is set up and changes nothing.
With a platform admin already there, another e-mail is refused unless --add-admin
(which is audited as platform.adminAdded).

Options:
  --email <address>            the admin's e-mail (their identity provider's verified address)
  --name <name>                the admin's name
  --organization-name <name>   the platform organization's name, default "Maru platform"
  --add-admin                  add a platform admin although one exists
  -h, --help                   print this help and exit`;

interface SetupArgs {
  email?: string;
  name?: string;
  organizationName?: string;
  addAdmin: boolean;
  /** Everything else, for the hub's own configuration (`--demo` is refused there). */
  rest: string[];
}

const VALUED: Record<string, 'email' | 'name' | 'organizationName'> = {
  '--email': 'email',
  '--name': 'name',
  '--organization-name': 'organizationName',
};

function parseSetupArgs(argv: readonly string[]): SetupArgs {
  const args: SetupArgs = { addAdmin: false, rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const field = VALUED[flag];
    if (field) {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '')
        throw new ConfigError(`${flag} needs a value; run maru-hub setup --help.`);
      args[field] = value;
    } else if (arg === '--add-admin') args.addAdmin = true;
    else args.rest.push(arg);
  }
  return args;
}

/** Runs `maru-hub setup`; resolves with the exit code (0 done or already done, 1 refused, 2 wrong arguments). */
export async function runSetup(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    out.write(`${setupUsage}\n`);
    return 0;
  }
  let args: SetupArgs;
  let config: ReturnType<typeof loadConfig>;
  try {
    args = parseSetupArgs(argv);
    if (!args.email || !args.name)
      throw new ConfigError('maru-hub setup needs --email and --name; run maru-hub setup --help.');
    config = loadConfig(env, args.rest);
    if (config.demo) throw new ConfigError('maru-hub setup is for production hubs; a demo hub seeds its own admins.');
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    err.write(`maru-hub setup: ${error.message}\n`);
    return 2;
  }
  const store = await openStore(config);
  try {
    const services = await createServices(
      store,
      Date.now,
      silentLogger,
      {},
      undefined,
      {},
      {
        publicUrl: config.publicUrl,
        mail: { webhookUrl: config.mailWebhookUrl },
      },
    );
    const result = await services.bootstrap({
      email: args.email,
      name: args.name,
      organizationName: args.organizationName,
      addAdmin: args.addAdmin,
      signIn: config.oidc ? 'INVITATION' : 'API_KEY',
    });
    out.write(describe(result, config.oidc?.providerName ?? null));
    return 0;
  } catch (error) {
    if (!isMaruError(error)) throw error;
    err.write(`maru-hub setup: ${error.message} (${error.code})\n`);
    return error.code === 'BAD_USER_INPUT' ? 2 : 1;
  } finally {
    await store.close();
  }
}

function describe(result: BootstrapResult, providerName: string | null): string {
  const who = `${result.member.email} (${result.member.name})`;
  const where = `"${result.organization.name}"`;
  if (result.outcome === 'ALREADY_SET_UP' && result.signIn?.kind === 'INVITATION')
    return [
      `Already set up: ${who} is a platform admin of ${where}, who has not signed in yet.`,
      `A new sign-in link, valid until ${result.signIn.expiresAt} (the earlier one no longer works):`,
      '',
      `  ${result.signIn.link}`,
      '',
    ].join('\n');
  if (result.outcome === 'ALREADY_SET_UP')
    return (
      `Already set up: ${who} is a platform admin of ${where}. Nothing changed.\n` +
      (result.member.status === 'INVITED'
        ? 'They have not signed in yet: run setup with the OpenID Connect settings for a new sign-in link.\n'
        : '')
    );
  const lines = [
    result.outcome === 'ADMIN_ADDED'
      ? `Added ${who} as a platform admin of ${where} (audited as platform.adminAdded).`
      : `Maru is set up: ${where}, with ${who} as its first platform admin.`,
    '',
  ];
  const signIn = result.signIn!;
  if (signIn.kind === 'INVITATION') {
    lines.push(
      `Sign in once with this link, valid until ${signIn.expiresAt}, through ${providerName ?? 'your identity provider'} with the address ${result.member.email}:`,
      '',
      `  ${signIn.link}`,
      '',
      'It is printed only now. Until the first sign-in, the admin cannot act.',
    );
  } else {
    lines.push(
      'The admin’s LIVE ADMIN API key, printed only now (the hub keeps its hash); keep it in a password manager:',
      '',
      `  ${signIn.secret}`,
      '',
      'Send it as "Authorization: Bearer <key>" to /graphql (GraphiQL takes it under Headers). For people to',
      'sign in to the portal, configure OpenID Connect (docs/production.md).',
    );
  }
  return `${lines.join('\n')}\n`;
}
