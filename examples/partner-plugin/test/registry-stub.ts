import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const BUSINESSES = [
  { number: '314-15-92650', name: '파이베이커리 Pi Bakery', status: 'active', taxType: 'simplified', closedOn: null },
  {
    number: '271-82-81824',
    name: '오일러공방 Euler Works',
    status: 'closed',
    taxType: 'general',
    closedOn: '2026-03-02',
  },
];
const CLOSURES = Array.from({ length: 5 }, (_, i) => ({
  number: `100-00-0000${i}`,
  name: `Closed shop ${i + 1}`,
  closedOn: `2026-0${i + 1}-15`,
}));

/** A stand-in for Acme's registry API on 127.0.0.1, counting the requests it gets. */
export async function startRegistryStub(options: { failWith?: number } = {}) {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url!);
    const url = new URL(req.url!, 'http://stub');
    const json = (status: number, body: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (options.failWith) return json(options.failWith, { error: 'down for maintenance' });
    const business = /^\/v1\/businesses\/(.+)$/.exec(url.pathname);
    if (business) {
      const found = BUSINESSES.find((b) => b.number === decodeURIComponent(business[1]!));
      return found ? json(200, found) : json(404, { error: 'not registered' });
    }
    if (url.pathname === '/v1/closures') {
      const since = url.searchParams.get('since')!;
      const page = Number(url.searchParams.get('page'));
      const matching = CLOSURES.filter((c) => c.closedOn >= since);
      // Two per page, so the connector has to follow nextPage.
      const items = matching.slice((page - 1) * 2, page * 2);
      return json(200, { items, nextPage: page * 2 < matching.length ? page + 1 : null });
    }
    json(404, { error: 'no such route' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    host,
    apiUrl: `http://${host}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
