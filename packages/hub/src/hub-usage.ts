/** What `maru-hub --help` prints: the flags, and the settings a first run is most likely to need. */
export const hubUsage = `Usage: maru-hub [--demo]
       maru-hub setup --email <address> --name <name> [--organization-name <name>] [--add-admin]
       maru-hub audit verify [--checkpoints <file>] [--public-key <file>]

Starts the Maru hub: GraphQL at /graphql, the portal at / when it is built,
/healthz and /readyz. Logs are JSON lines on stdout. Ctrl+C stops it.
In the Maru repository, npm start builds it and runs maru-hub --demo.

Commands:
  setup            on the configured store, make the platform organization and its first
                   platform admin, and print one sign-in once (maru-hub setup --help)
  audit verify     check the audit trail and data access log against the signed
                   checkpoints; exit 1 on any problem (maru-hub audit verify --help)

Options:
  --demo           seed demo data and allow demoLogin (as MARU_DEMO=true); never in production
  -h, --help       print this help and exit
  -v, --version    print the version and exit

Environment (a maru.config.json in this folder, or MARU_CONFIG, may set them too):
  PORT             TCP port, default 4000; 0 picks a free one
  HOST             interface to listen on, default 127.0.0.1 (0.0.0.0 in containers)
  MARU_DATA_DIR    the embedded store's folder, default ./.maru-data
  MONGODB_URI      use MongoDB instead of the embedded store (mongodb://…)
  LOG_LEVEL        fatal, error, warn, info, debug, trace or silent; default info
  MARU_DEMO        true: as --demo; default false
  MARU_GRAPHIQL    serve GraphiQL to browsers at /graphql, default true
  MARU_PLUGINS     plugins to load, comma-separated package names or paths; default none
  MARU_PLUGIN_ISOLATION  fenced (plugin host under Node's permission model) or
                   unconfined (debugging only); default fenced
  MARU_PUBLIC_URL  the address people reach the hub at, for links (invitations, sign-in)
  MARU_MAIL_WEBHOOK_URL  where the hub POSTs invitation e-mails as JSON; default none
                   (the log has the link)
  MARU_CONFIG      the JSON config file, default ./maru.config.json when present
  MARU_PORTAL_DIR  the built portal to serve at /, default packages/portal/dist beside the hub

Every setting, with its config file key: docs/reference/configuration.md
in the Maru repository.`;
