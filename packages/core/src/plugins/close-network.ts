/**
 * Takes the network away from a plugin's worker thread before the plugin's
 * code loads: sockets (TCP, Unix, UDP, TLS), DNS, servers and nested workers
 * (which would start with all of it back) — and signals and priorities of
 * other processes, the hub's among them. The plugin's only network door is
 * `ctx.fetch`, which the hub runs.
 *
 * Why here: Node's permission model denies sockets only on Node 26; on Node 24
 * the plugin host could still connect anywhere. This closes the doors in the
 * worker's own copies of the built-in modules — every path to a socket (http,
 * https, http2, fetch, WebSocket, net, tls, dgram, dns) ends in one of the
 * functions replaced here, and the originals are kept by no one plugin code
 * can reach (process.binding is denied by the permission model). It is a
 * second line, not a boundary: a class reached through a handle's
 * `constructor` can open sockets again, as a review showed for the raw
 * handles now replaced here. Node 26's permission model denies those too;
 * docs/security/plugin-sandbox.md says what this does not cover.
 */
import dgram from 'node:dgram';
import dns from 'node:dns';
import nodeModule, { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import workerThreads from 'node:worker_threads';

function refused(what: string): () => never {
  return () => {
    throw Object.assign(new Error(`${what} is not available to plugins: use ctx.fetch, which the hub runs`), {
      code: 'ERR_ACCESS_DENIED',
    });
  };
}

function replaceMethods(target: object, names: readonly string[], what: string): void {
  for (const name of names)
    Object.defineProperty(target, name, { value: refused(what), writable: false, configurable: false });
}

export function closeNetwork(): void {
  replaceMethods(net.Socket.prototype, ['connect'], 'node:net');
  replaceMethods(net.Server.prototype, ['listen'], 'node:net');
  // `_createServerHandle` and `_createSocketHandle` hand out raw TCP/UDP handles (a security review connected with
  // them).
  replaceMethods(net, ['connect', 'createConnection', 'createServer', '_createServerHandle'], 'node:net');
  replaceMethods(dgram.Socket.prototype, ['bind', 'connect', 'send'], 'node:dgram');
  replaceMethods(dgram, ['createSocket', '_createSocketHandle'], 'node:dgram');
  // Loader hooks run in a thread of their own, with built-ins none of this has touched.
  replaceMethods(
    nodeModule,
    ['register', 'registerHooks'].filter((name) => name in nodeModule),
    'node:module hooks',
  );
  const lookups = Object.keys(dns).filter(
    (name) =>
      typeof (dns as unknown as Record<string, unknown>)[name] === 'function' && /^(lookup|resolve|reverse)/.test(name),
  );
  replaceMethods(dns, lookups, 'node:dns');
  replaceMethods(
    dns.promises,
    Object.keys(dns.promises).filter((name) => /^(lookup|resolve|reverse)/.test(name)),
    'node:dns',
  );
  for (const resolver of [dns.Resolver.prototype, dns.promises.Resolver.prototype]) {
    replaceMethods(
      resolver,
      Object.getOwnPropertyNames(resolver).filter((name) => /^(resolve|reverse)/.test(name)),
      'node:dns',
    );
  }
  Object.defineProperty(workerThreads, 'Worker', {
    value: refused('a nested Worker'),
    writable: false,
    configurable: false,
  });
  for (const name of ['WebSocket', 'EventSource'])
    Object.defineProperty(globalThis, name, { value: undefined, writable: false, configurable: false });
  // Signals and priorities reach other processes by pid — the hub's is `process.ppid` — and the
  // permission model guards neither (tried on Node 24 and 26: a plugin could signal its hub).
  replaceMethods(
    process,
    ['kill', '_kill'].filter((name) => name in process),
    'signalling a process',
  );
  replaceMethods(os, ['setPriority'], 'os.setPriority');
  // `import { connect } from 'node:net'` reads the ESM view of the built-ins: bring it in line.
  syncBuiltinESMExports();
}
