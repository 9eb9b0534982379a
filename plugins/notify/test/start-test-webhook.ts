import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the webhook received. */
export interface ReceivedRequest {
  method: string;
  headers: IncomingHttpHeaders;
  body: unknown;
  /** `performance.now()` when it arrived, to measure the waits between retries. */
  arrivedAt: number;
}

/** How the webhook answers its n-th request (1-based): a status, or `hold` to answer only when released. */
export type WebhookBehaviour = (n: number) => number | 'hold';

export interface TestWebhook {
  /** `127.0.0.1:<port>`, for the ctx's host list. */
  host: string;
  url: string;
  received: ReceivedRequest[];
  /** Answers every held request with this status. */
  release(status?: number): void;
  close(): Promise<void>;
}

/** A real HTTP webhook on 127.0.0.1 and a free port, answering as `behaviour` says. */
export async function startTestWebhook(behaviour: WebhookBehaviour = () => 200): Promise<TestWebhook> {
  const received: ReceivedRequest[] = [];
  const held: ServerResponse[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      received.push({
        method: req.method ?? '',
        headers: req.headers,
        body: text ? JSON.parse(text) : null,
        arrivedAt: performance.now(),
      });
      const answer = behaviour(received.length);
      if (answer === 'hold') held.push(res);
      else res.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    host,
    url: `http://${host}/hooks/maru`,
    received,
    release: (status = 200) => held.splice(0).forEach((res) => res.writeHead(status).end()),
    close: () => {
      held.splice(0).forEach((res) => res.destroy());
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
