#!/usr/bin/env node
// One peer server per process: `node peer-server.mjs <yoga|apollo|mercurius|mercurius-jit|raw> [answers.json]`.
// Listens on a free port of 127.0.0.1 and prints `{"port":…}` once ready.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

const [kind, answersFile] = process.argv.slice(2);
const ready = (port) => process.stdout.write(`${JSON.stringify({ port })}\n`);
const listen = (server) => server.listen(0, '127.0.0.1', () => ready(server.address().port));

if (kind === 'raw') {
  // The hub's own answers, byte for byte, keyed by request body.
  const answers = new Map(
    Object.entries(JSON.parse(readFileSync(answersFile, 'utf8'))).map(([body, answer]) => [body, Buffer.from(answer)]),
  );
  listen(
    createServer((req, res) => {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        const answer = answers.get(Buffer.concat(chunks).toString());
        if (!answer) return res.writeHead(404).end();
        res
          .writeHead(200, {
            'content-type': 'application/graphql-response+json; charset=utf-8',
            'content-length': answer.length,
          })
          .end(answer);
      });
    }),
  );
} else {
  const { schema } = await import('./peer-data.mjs');
  if (kind === 'yoga') {
    const { createYoga } = await import('graphql-yoga');
    listen(createServer(createYoga({ schema, logging: false, graphiql: false, landingPage: false })));
  } else if (kind === 'apollo') {
    const { ApolloServer } = await import('@apollo/server');
    const { startStandaloneServer } = await import('@apollo/server/standalone');
    const server = new ApolloServer({ schema });
    const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
    ready(Number(new URL(url).port));
  } else if (kind === 'mercurius' || kind === 'mercurius-jit') {
    const { default: Fastify } = await import('fastify');
    const { default: mercurius } = await import('mercurius');
    const app = Fastify({ logger: false });
    await app.register(mercurius, { schema, graphiql: false, ...(kind === 'mercurius-jit' ? { jit: 1 } : {}) });
    await app.listen({ port: 0, host: '127.0.0.1' });
    ready(app.server.address().port);
  } else {
    throw new Error(`unknown peer "${kind}"`);
  }
}
