import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const cwd = mkdtempSync(join(tmpdir(), 'maru-config-'));

describe('loadConfig', () => {
  it('has working defaults', () => {
    const config = loadConfig({}, [], cwd);
    expect(config).toMatchObject({ port: 4000, host: '127.0.0.1', dataDir: join(cwd, '.maru-data'), mongodbUri: null, logLevel: 'info', demo: false, graphiql: true });
  });

  it('reads the environment and --demo', () => {
    const config = loadConfig({ PORT: '4100', MARU_DATA_DIR: '/var/lib/maru', LOG_LEVEL: 'debug', MONGODB_URI: 'mongodb://db:27017/maru' }, ['--demo'], cwd);
    expect(config).toMatchObject({ port: 4100, dataDir: '/var/lib/maru', logLevel: 'debug', mongodbUri: 'mongodb://db:27017/maru', demo: true });
  });

  it('reads a config file, with the environment taking precedence', () => {
    const file = join(cwd, 'custom.json');
    writeFileSync(file, JSON.stringify({ port: 4200, logLevel: 'warn', demo: true }));
    const config = loadConfig({ MARU_CONFIG: file, LOG_LEVEL: 'error' }, [], cwd);
    expect(config).toMatchObject({ port: 4200, logLevel: 'error', demo: true });
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
});
