import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { formatReadyBanner } from './ready-banner.js';

const cwd = '/srv/maru';
const url = 'http://127.0.0.1:4000/graphql';

describe('formatReadyBanner', () => {
  it('shows the portal, GraphiQL, the data folder and how to stop', () => {
    const banner = formatReadyBanner(loadConfig({}, [], cwd), { url, portalDir: '/repo/packages/portal/dist' });
    expect(banner).toBe(
      [
        '',
        'Maru hub is ready',
        '  Portal     http://127.0.0.1:4000/',
        '  GraphiQL   http://127.0.0.1:4000/graphql',
        '  Data       /srv/maru/.maru-data (embedded store)',
        '',
        'Press Ctrl+C to stop.',
        '',
      ].join('\n'),
    );
  });

  it('in demo mode, says how to sign in as a demo member', () => {
    const banner = formatReadyBanner(loadConfig({}, ['--demo'], cwd), { url, portalDir: '/portal' });
    expect(banner).toContain('Maru hub is ready (demo mode)');
    expect(banner).toContain('  Sign in    http://127.0.0.1:4000/sign-in lists the demo members: pick one');
    expect(banner).toContain('demoLogin(email: "admin@maru.example")');
  });

  it('says how to build the portal when there is no build, and leaves GraphiQL out when it is off', () => {
    const banner = formatReadyBanner(loadConfig({ MARU_GRAPHIQL: 'false', MARU_DEMO: 'true' }, [], cwd), {
      url,
      portalDir: null,
    });
    expect(banner).toContain(
      '  Portal     not built: run npm run build -w @maru/portal in the Maru repository, then start the hub again',
    );
    expect(banner).not.toContain('GraphiQL');
    expect(banner).not.toContain('/sign-in');
    expect(banner).toContain('demoLogin');
  });

  it('names MongoDB by its hosts only, never the credentials, database or options', () => {
    const hosts = (uri: string) =>
      /Data {7}(.*)/.exec(formatReadyBanner(loadConfig({ MONGODB_URI: uri }, [], cwd), { url, portalDir: null }))![1];
    expect(hosts('mongodb://db:27017/maru')).toBe('MongoDB at db:27017');
    expect(hosts('mongodb://maru:s3cret@db1:27017,db2:27017/maru?replicaSet=rs0&authSource=admin')).toBe(
      'MongoDB at db1:27017,db2:27017',
    );
    expect(hosts('mongodb+srv://user:pa/ss?word@cluster0.example.net/maru')).toBe('MongoDB at cluster0.example.net');
    expect(
      formatReadyBanner(loadConfig({ MONGODB_URI: 'mongodb://maru:s3cret@db/x' }, [], cwd), { url, portalDir: null }),
    ).not.toMatch(/s3cret|maru:/);
  });
});
