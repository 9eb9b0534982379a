import { loadConfig } from '@maru/hub';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const here = new URL('..', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, here), 'utf8');

interface Service {
  image?: string;
  command?: string[];
  entrypoint?: string[];
  environment?: Record<string, string> | string[];
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
}
const compose = parse(read('compose.yaml'), { merge: true }) as { services: Record<string, Service> };
const services = compose.services;

const environment = (service: Service): Record<string, string> =>
  Array.isArray(service.environment)
    ? Object.fromEntries(
        service.environment.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
      )
    : { ...(service.environment ?? {}) };

/**
 * The variables the hub reads, from its source: `env.NAME` in every
 * non-test module of packages/hub/src (config.ts reads all but the portal's
 * folder), and the `MARU_SECRET_` prefix of secrets. The hub exports no list,
 * so this reads the text.
 */
function hubSettings(): { names: Set<string>; prefixes: string[] } {
  const dir = new URL('../../../packages/hub/src/', import.meta.url);
  const names = new Set<string>();
  const prefixes: string[] = [];
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))) {
    const text = readFileSync(new URL(file, dir), 'utf8');
    for (const match of text.matchAll(/\benv(?:\.([A-Z][A-Z0-9_]*)|\[['"]([A-Z][A-Z0-9_]*)['"]\])/g))
      names.add(match[1] ?? match[2]!);
    for (const match of text.matchAll(/_PREFIX\s*=\s*'([A-Z_]+_)'/g)) prefixes.push(match[1]!);
  }
  return { names, prefixes };
}

// Compose interpolation with nothing set: `${X:-default}` gives the default; `${X}` and `${X:?message}` a stand-in.
const interpolate = (value: string) =>
  value.replace(/\$\{([A-Z0-9_]+)(?::?([-?])([^}]*))?\}/g, (_, name: string, operator?: string, rest?: string) =>
    operator === '-' ? rest! : `<${name}>`,
  );

const hubs = Object.entries(services).filter(([, s]) => s.image === 'maru-hub:local');
const mongos = Object.entries(services).filter(
  ([name, s]) => s.image?.startsWith('mongo:') && s.command?.includes('--replSet') && name !== 'mongo-init',
);

describe('examples/production/compose.yaml', () => {
  it('has two hub instances, three replica-set members, an init job and Redis', () => {
    expect(hubs.map(([name]) => name)).toEqual(['hub1', 'hub2']);
    expect(mongos.map(([name]) => name)).toEqual(['mongo1', 'mongo2', 'mongo3']);
    expect(services['mongo-init']?.entrypoint).toContain('/init-replica-set.js');
    expect(services.redis?.image).toMatch(/^redis:/);
    // Two hubs share events, one rate limit and cache freshness only through Redis.
    for (const [name, hub] of hubs) expect(environment(hub).MARU_REDIS_URL, name).toBe('redis://redis:6379');
  });

  it('sets only MARU_* and MONGODB_URI variables that the hub reads', () => {
    const { names, prefixes } = hubSettings();
    expect(names).toContain('MONGODB_URI');
    expect(prefixes).toEqual(['MARU_SECRET_']);
    const set = Object.entries(services).flatMap(([service, s]) =>
      Object.keys(environment(s)).map((name) => ({ service, name })),
    );
    const ours = set.filter(({ name }) => name.startsWith('MARU_') || name === 'MONGODB_URI');
    expect(ours.length).toBeGreaterThan(10);
    const unknown = ours.filter(
      ({ name }) =>
        !names.has(name) && !prefixes.some((prefix) => name.startsWith(prefix) && name.length > prefix.length),
    );
    expect(unknown, 'variables the hub does not read (a typo, or a setting that does not exist yet)').toEqual([]);
    // The hub services set nothing else the hub would ignore either.
    for (const [service, s] of hubs)
      expect(
        Object.keys(environment(s)).filter((name) => !names.has(name) && !name.startsWith('MARU_SECRET_')),
        service,
      ).toEqual([]);
  });

  it('gives both instances the same settings, which the hub accepts as production ones', () => {
    const [first, second] = hubs.map(([, s]) => environment(s));
    expect(second).toEqual(first);
    const env = Object.fromEntries(Object.entries(first!).map(([name, value]) => [name, interpolate(String(value))]));
    const config = loadConfig(env, [], mkdtempSync(join(tmpdir(), 'maru-compose-')));
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 4000,
      demo: false,
      allowUnsignedPlugins: false,
      graphiql: false,
      importDir: '/var/lib/maru/imports',
      publicUrl: 'https://maru.example.go.kr',
    });
    expect(config.mongodbUri).toMatch(/^mongodb:\/\//);
  });

  it('points MONGODB_URI at every member of the replica set the members run and the init job initiates', () => {
    // WHATWG URL refuses a host list, so split the connection string by hand: mongodb://[user@]hosts/db?options.
    const [, hosts, database, query] =
      /^mongodb:\/\/(?:[^@/]+@)?([^/?]+)\/([^?]*)\?(.*)$/.exec(environment(hubs[0]![1]).MONGODB_URI!) ?? [];
    const members = mongos.map(([name]) => `${name}:27017`);
    expect(hosts?.split(',').sort()).toEqual(members);
    expect(database).toBe('maru');
    const replicaSet = new URLSearchParams(query).get('replicaSet');
    expect(replicaSet).toBe('rs0');
    for (const [name, s] of mongos) expect(s.command![s.command!.indexOf('--replSet') + 1], name).toBe(replicaSet);
    const init = read('init-replica-set.js');
    expect(init).toContain(`_id: '${replicaSet}'`);
    for (const member of members) expect(init).toContain(`host: '${member}'`);
    for (const [, s] of hubs)
      expect(s.depends_on?.['mongo-init']).toEqual({ condition: 'service_completed_successfully' });
  });

  it('shares the import folder between the instances, and the proxy reaches both', () => {
    for (const [, s] of hubs) expect(s.volumes).toContain(`imports:${environment(s).MARU_IMPORT_DIR}`);
    const nginx = read('nginx.conf');
    for (const [name] of hubs) expect(nginx).toContain(`server ${name}:4000`);
    expect(nginx).toContain('proxy_buffering off');
  });
});
