import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface MailCatcher {
  /** For the hub's `MARU_MAIL_WEBHOOK_URL`. */
  url: string;
  /** The JSON messages the hub posted, oldest first. */
  messages: Array<Record<string, unknown>>;
  close: () => Promise<void>;
}

/** A real HTTP server on 127.0.0.1 standing in for the operator's mail service: it keeps what the hub posts. */
export async function startMailCatcher(): Promise<MailCatcher> {
  const messages: Array<Record<string, unknown>> = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      messages.push(JSON.parse(body) as Record<string, unknown>);
      response.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mail`,
    messages,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
