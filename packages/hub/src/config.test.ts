import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const cwd = mkdtempSync(join(tmpdir(), 'maru-config-'));

describe('loadConfig', () => {
  it('has working defaults', () => {
    const config = loadConfig({}, [], cwd);
    expect(config).toMatchObject({
      port: 4000,
      host: '127.0.0.1',
      dataDir: join(cwd, '.maru-data'),
      mongodbUri: null,
      logLevel: 'info',
      demo: false,
      graphiql: true,
    });
  });

  it('reads the environment and --demo', () => {
    const config = loadConfig(
      { PORT: '4100', MARU_DATA_DIR: '/var/lib/maru', LOG_LEVEL: 'debug', MONGODB_URI: 'mongodb://db:27017/maru' },
      ['--demo'],
      cwd,
    );
    expect(config).toMatchObject({
      port: 4100,
      dataDir: '/var/lib/maru',
      logLevel: 'debug',
      mongodbUri: 'mongodb://db:27017/maru',
      demo: true,
    });
  });

  it('refuses command-line arguments it does not know, pointing to --help', () => {
    expect(() => loadConfig({}, ['--frobnicate'], cwd)).toThrow(ConfigError);
    expect(() => loadConfig({}, ['--frobnicate'], cwd)).toThrow(
      'unknown option "--frobnicate"; run maru-hub --help to see the options.',
    );
    expect(() => loadConfig({}, ['--demo', 'start'], cwd)).toThrow(
      'unexpected argument "start"; run maru-hub --help to see the options.',
    );
  });

  it('fences plugins by default; unconfined, a host user and private fetch only when asked, and named when wrong', () => {
    expect(loadConfig({}, [], cwd)).toMatchObject({
      pluginIsolation: 'fenced',
      pluginHostUser: null,
      pluginHostMaxRssMb: 1024,
      pluginFetchAllowPrivate: false,
      pluginLegacyWorkers: false,
      pluginIsolateMemoryMb: 64,
    });
    const set = loadConfig(
      {
        MARU_PLUGIN_ISOLATION: 'unconfined',
        MARU_PLUGIN_HOST_USER: '65534:65534',
        MARU_PLUGIN_HOST_MAX_RSS_MB: '512',
        MARU_PLUGIN_FETCH_PRIVATE: 'true',
      },
      [],
      cwd,
    );
    expect(set).toMatchObject({
      pluginIsolation: 'unconfined',
      pluginHostUser: { uid: 65534, gid: 65534 },
      pluginHostMaxRssMb: 512,
      pluginFetchAllowPrivate: true,
    });
    expect(() => loadConfig({ MARU_PLUGIN_ISOLATION: 'none' }, [], cwd)).toThrow(
      /MARU_PLUGIN_ISOLATION must be fenced/,
    );
    expect(() => loadConfig({ MARU_PLUGIN_HOST_USER: 'nobody' }, [], cwd)).toThrow(
      /MARU_PLUGIN_HOST_USER must be uid:gid/,
    );
    expect(
      loadConfig({ MARU_PLUGIN_LEGACY_WORKERS: '1', MARU_PLUGIN_ISOLATE_MEMORY_MB: '128' }, [], cwd),
    ).toMatchObject({ pluginLegacyWorkers: true, pluginIsolateMemoryMb: 128 });
    expect(() => loadConfig({ MARU_PLUGIN_ISOLATE_MEMORY_MB: '4' }, [], cwd)).toThrow(/MARU_PLUGIN_ISOLATE_MEMORY_MB/);
  });

  it('reads a config file, with the environment taking precedence', () => {
    const file = join(cwd, 'custom.json');
    writeFileSync(file, JSON.stringify({ port: 4200, logLevel: 'warn', demo: true }));
    const config = loadConfig({ MARU_CONFIG: file, LOG_LEVEL: 'error' }, [], cwd);
    expect(config).toMatchObject({ port: 4200, logLevel: 'error', demo: true });
  });

  it('uses no Redis by default; reads MARU_REDIS_URL and MARU_REDIS_PREFIX and refuses what is not one, hiding a password', () => {
    expect(loadConfig({}, [], cwd)).toMatchObject({ redisUrl: null, redisPrefix: 'maru' });
    expect(
      loadConfig({ MARU_REDIS_URL: 'redis://:s3cret@redis.internal:6379/2', MARU_REDIS_PREFIX: 'maru-prod' }, [], cwd),
    ).toMatchObject({ redisUrl: 'redis://:s3cret@redis.internal:6379/2', redisPrefix: 'maru-prod' });
    expect(() => loadConfig({ MARU_REDIS_URL: 'http://:s3cret@redis.internal' }, [], cwd)).toThrow(
      /MARU_REDIS_URL must be a Redis address .* it is "http:\/\/\*\*\*@redis.internal"/,
    );
    expect(() => loadConfig({ MARU_REDIS_URL: 'redis.internal:6379' }, [], cwd)).toThrow(/MARU_REDIS_URL/);
    expect(() => loadConfig({ MARU_REDIS_PREFIX: 'two words' }, [], cwd)).toThrow(/MARU_REDIS_PREFIX must be/);
  });

  it('refuses bad values with a message naming the setting', () => {
    expect(() => loadConfig({ PORT: 'eighty' }, [], cwd)).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' }, [], cwd)).toThrow(/PORT must be a whole number/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' }, [], cwd)).toThrow(/LOG_LEVEL "loud"/);
    expect(() => loadConfig({ MARU_DEMO: 'maybe' }, [], cwd)).toThrow(/MARU_DEMO must be true or false/);
    expect(() => loadConfig({ MONGODB_URI: 'postgres://x' }, [], cwd)).toThrow(/MONGODB_URI must start with mongodb/);
    expect(() => loadConfig({ MARU_CONFIG: join(cwd, 'missing.json') }, [], cwd)).toThrow(/does not exist/);
  });

  it('reads plugins from MARU_PLUGINS and from the config file with granted capabilities', () => {
    expect(loadConfig({ MARU_PLUGINS: '@acme/a, ./b.mjs' }, [], cwd).plugins).toEqual([
      { package: '@acme/a', capabilities: [] },
      { package: './b.mjs', capabilities: [] },
    ]);
    const file = join(cwd, 'plugins.json');
    writeFileSync(file, JSON.stringify({ plugins: ['@acme/a', { package: '@acme/b', capabilities: ['kv'] }] }));
    expect(loadConfig({ MARU_CONFIG: file }, [], cwd).plugins).toEqual([
      { package: '@acme/a', capabilities: [] },
      { package: '@acme/b', capabilities: ['kv'] },
    ]);
    writeFileSync(file, JSON.stringify({ plugins: [{ name: '@acme/b' }] }));
    expect(() => loadConfig({ MARU_CONFIG: file }, [], cwd)).toThrow(/plugins\[0\] must be a package name/);
  });

  it('refuses unknown settings in the config file', () => {
    const file = join(cwd, 'typo.json');
    writeFileSync(file, JSON.stringify({ prot: 4000 }));
    expect(() => loadConfig({ MARU_CONFIG: file }, [], cwd)).toThrow(/unknown setting "prot"/);
  });

  it('configures data connections: import folder, secrets, connector hosts, upload size and public address', () => {
    expect(loadConfig({}, [], cwd)).toMatchObject({
      importDir: join(cwd, '.maru-data', 'imports'),
      secrets: {},
      secretAgencies: {},
      connectorHosts: [],
      maxUploadMb: 512,
      publicUrl: null,
    });
    expect(loadConfig({ MARU_DATA_DIR: '/var/lib/maru' }, [], cwd).importDir).toBe('/var/lib/maru/imports');
    const config = loadConfig(
      {
        MARU_IMPORT_DIR: 'imports',
        MARU_SECRET_TRAFFIC_API: 'k-123',
        MARU_SECRET_mongo_uri: 'mongodb://u:p@db/x',
        MARU_SECRET_EMPTY: '',
        MARU_SECRET_TRAFFIC_API_AGENCIES: 'seoul-transport, mois-public-data',
        MARU_CONNECTOR_HOSTS: ' apis.data.go.kr, 10.0.0.5:8080,APIS.data.go.kr ',
        MARU_MAX_UPLOAD_MB: '64',
        MARU_PUBLIC_URL: 'https://maru.example.go.kr/',
      },
      [],
      cwd,
    );
    expect(config).toMatchObject({
      importDir: join(cwd, 'imports'),
      secrets: { TRAFFIC_API: 'k-123', mongo_uri: 'mongodb://u:p@db/x' },
      secretAgencies: { TRAFFIC_API: ['seoul-transport', 'mois-public-data'] },
      connectorHosts: ['apis.data.go.kr', '10.0.0.5:8080'],
      maxUploadMb: 64,
      publicUrl: 'https://maru.example.go.kr',
    });
    const file = join(cwd, 'data.json');
    writeFileSync(
      file,
      JSON.stringify({
        importDir: '/srv/imports',
        connectorHosts: ['[::1]:9000'],
        maxUploadMb: 8,
        publicUrl: 'http://hub.local:4000',
      }),
    );
    expect(loadConfig({ MARU_CONFIG: file }, [], cwd)).toMatchObject({
      importDir: '/srv/imports',
      connectorHosts: ['[::1]:9000'],
      maxUploadMb: 8,
      publicUrl: 'http://hub.local:4000',
    });
  });

  it('refuses bad data connection settings, never echoing a secret', () => {
    expect(() => loadConfig({ MARU_SECRET_1KEY: 'hunter2' }, [], cwd)).toThrow(/MARU_SECRET_1KEY: a secret name/);
    expect(() => loadConfig({ MARU_SECRET_1KEY: 'hunter2' }, [], cwd)).not.toThrow(/hunter2/);
    expect(() => loadConfig({ MARU_SECRET_X_AGENCIES: 'bureau' }, [], cwd)).toThrow(
      /MARU_SECRET_X_AGENCIES grant a secret that is not set; set MARU_SECRET_X too/,
    );
    expect(() => loadConfig({ MARU_SECRET_X: 'v', MARU_SECRET_X_AGENCIES: 'Not A Slug' }, [], cwd)).toThrow(
      /list agency slugs/,
    );
    expect(() => loadConfig({ MARU_CONNECTOR_HOSTS: 'https://apis.data.go.kr/x' }, [], cwd)).toThrow(
      /"https:\/\/apis.data.go.kr\/x" is not a host or host:port/,
    );
    expect(() => loadConfig({ MARU_CONNECTOR_HOSTS: ' , ' }, [], cwd)).toThrow(/MARU_CONNECTOR_HOSTS is empty/);
    expect(() => loadConfig({ MARU_MAX_UPLOAD_MB: '0' }, [], cwd)).toThrow(
      /MARU_MAX_UPLOAD_MB must be a whole number from 1/,
    );
    expect(() => loadConfig({ MARU_PUBLIC_URL: 'maru.example.go.kr' }, [], cwd)).toThrow(
      /MARU_PUBLIC_URL must be an absolute http\(s\) address/,
    );
    expect(() => loadConfig({ MARU_PUBLIC_URL: 'ftp://maru.example.go.kr' }, [], cwd)).toThrow(
      /without credentials, query or fragment/,
    );
    const file = join(cwd, 'secrets.json');
    writeFileSync(file, JSON.stringify({ secrets: { TRAFFIC_API: 'x' } }));
    expect(() => loadConfig({ MARU_CONFIG: file }, [], cwd)).toThrow(
      /secrets are not read from the config file; set each as an environment variable MARU_SECRET_<NAME>/,
    );
  });
});

describe('OpenID Connect and session settings', () => {
  const oidc = {
    MARU_PUBLIC_URL: 'https://maru.example.go.kr/',
    MARU_OIDC_ISSUER: 'https://sso.example.go.kr/realms/maru',
    MARU_OIDC_CLIENT_ID: 'maru',
    MARU_OIDC_CLIENT_SECRET: 's3cret',
  };

  it('are off by default, with secure cookies and 8 h / 7 d sessions', () => {
    expect(loadConfig({}, [], cwd)).toMatchObject({
      oidc: null,
      sessionCookieSecure: true,
      sessionIdleMinutes: 480,
      sessionAbsoluteHours: 168,
    });
  });

  it('read the provider, the redirect URI and the claim', () => {
    expect(
      loadConfig({ ...oidc, MARU_OIDC_PROVIDER_NAME: '행정 SSO', MARU_OIDC_EMAIL_CLAIM: 'upn' }, [], cwd).oidc,
    ).toEqual({
      issuer: 'https://sso.example.go.kr/realms/maru',
      clientId: 'maru',
      clientSecret: 's3cret',
      providerName: '행정 SSO',
      emailClaim: 'upn',
      redirectUri: 'https://maru.example.go.kr/auth/callback',
    });
    expect(loadConfig(oidc, [], cwd).oidc?.providerName).toBe('sso.example.go.kr');
  });

  it.each([
    [{ ...oidc, MARU_OIDC_CLIENT_SECRET: undefined }, /^MARU_OIDC_CLIENT_SECRET is not set/],
    [{ MARU_OIDC_CLIENT_ID: 'maru' }, /^MARU_OIDC_ISSUER is not set/],
    [{ ...oidc, MARU_OIDC_ISSUER: 'http://sso.example.go.kr' }, /^MARU_OIDC_ISSUER must be an https:\/\/ URL/],
    [{ ...oidc, MARU_OIDC_ISSUER: 'sso' }, /^MARU_OIDC_ISSUER must be the provider's issuer URL/],
    [{ ...oidc, MARU_PUBLIC_URL: undefined }, /^MARU_PUBLIC_URL is not set, but MARU_OIDC_ISSUER is/],
    [{ ...oidc, MARU_OIDC_EMAIL_CLAIM: 'e mail' }, /^MARU_OIDC_EMAIL_CLAIM must be a claim name/],
    [{ MARU_SESSION_COOKIE_SECURE: 'maybe' }, /^MARU_SESSION_COOKIE_SECURE must be true or false/],
    [{ MARU_SESSION_IDLE_MINUTES: '0' }, /^MARU_SESSION_IDLE_MINUTES must be a whole number/],
    [{ MARU_SESSION_IDLE_MINUTES: '600', MARU_SESSION_ABSOLUTE_HOURS: '2' }, /^MARU_SESSION_IDLE_MINUTES \(600\)/],
  ])('stop the hub on a bad or half configuration, naming the setting (%#)', (env, message) => {
    expect(() => loadConfig(env as NodeJS.ProcessEnv, [], cwd)).toThrow(ConfigError);
    expect(() => loadConfig(env as NodeJS.ProcessEnv, [], cwd)).toThrow(message);
  });

  it('allow a plain-HTTP issuer on this machine only, and never read the client secret from the file', () => {
    expect(loadConfig({ ...oidc, MARU_OIDC_ISSUER: 'http://127.0.0.1:9000' }, [], cwd).oidc?.issuer).toBe(
      'http://127.0.0.1:9000',
    );
    const file = join(cwd, 'with-secret.json');
    writeFileSync(file, JSON.stringify({ oidcClientSecret: 'x' }));
    expect(() => loadConfig({ MARU_CONFIG: file }, [], cwd)).toThrow(/MARU_OIDC_CLIENT_SECRET only/);
  });
});

describe('web settings: MARU_CORS_ORIGINS, MARU_INTROSPECTION, MARU_HSTS', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'maru-config-web-'));
  it('defaults: same origin only, introspection for signed-in callers (public in demo mode), HSTS with https only', () => {
    expect(loadConfig({}, [], cwd)).toMatchObject({ corsOrigins: [], introspection: 'signed-in', hsts: false });
    expect(loadConfig({}, ['--demo'], cwd).introspection).toBe('public');
    expect(loadConfig({ MARU_PUBLIC_URL: 'https://maru.example.go.kr' }, [], cwd).hsts).toBe(true);
    expect(loadConfig({ MARU_PUBLIC_URL: 'https://maru.example.go.kr', MARU_HSTS: 'false' }, [], cwd).hsts).toBe(false);
  });

  it('reads the settings and refuses what is not an origin or a policy, naming the variable', () => {
    const config = loadConfig(
      { MARU_CORS_ORIGINS: 'https://Portal.example.go.kr/, http://127.0.0.1:5173', MARU_INTROSPECTION: 'off' },
      [],
      cwd,
    );
    expect(config.corsOrigins).toEqual(['https://portal.example.go.kr', 'http://127.0.0.1:5173']);
    expect(config.introspection).toBe('off');
    expect(() => loadConfig({ MARU_CORS_ORIGINS: 'https://a.example/path' }, [], cwd)).toThrow(/MARU_CORS_ORIGINS/);
    expect(() => loadConfig({ MARU_INTROSPECTION: 'sometimes' }, [], cwd)).toThrow(/MARU_INTROSPECTION/);
  });
});
