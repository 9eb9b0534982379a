import { spawnAndWait, type StartedProcess } from '@maru/devtools/test-support';
import { expect } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MAIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'main.js');

export const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

export async function gql<T = any>(url: string, query: string, variables: Record<string, unknown> = {}, key?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key) headers.authorization = `Bearer ${key}`;
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as {
      data?: T;
      errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
    },
  };
}

export type HubProcess = StartedProcess & { url: string };

/** Starts the built hub as a real child process on a free port and waits until it listens. */
export async function spawnHub(env: Record<string, string>, args: string[] = []): Promise<HubProcess> {
  const hub = await spawnAndWait({
    name: 'the hub',
    args: [MAIN, ...args],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      ...env,
    },
    waitFor: /"url":"(?<url>http:\/\/[^"]+)".*"msg":"Maru hub listening"/,
  });
  return Object.assign(hub, { url: hub.url! });
}

/** A subscription over server-sent events, as a browser or `curl -N` would hold it open. */
export interface EventStream<T> {
  events: T[];
  /** Resolves once `enough(events)` holds; rejects after `ms`. */
  until(enough: (events: T[]) => boolean, ms?: number): Promise<T[]>;
  close(): void;
}

export async function subscribe<T>(url: string, query: string, key?: string): Promise<EventStream<T>> {
  const controller = new AbortController();
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'text/event-stream' };
  if (key) headers.authorization = `Bearer ${key}`;
  const response = await fetch(url, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query }),
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const events: T[] = [];
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let started = () => {};
  const firstChunk = new Promise<void>((resolve) => (started = resolve));
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        started();
        buffer += value;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const lines = buffer.slice(0, end).split('\n');
          buffer = buffer.slice(end + 2);
          if (!lines.includes('event: next')) continue; // pings and `complete`
          const payload = JSON.parse(lines.find((l) => l.startsWith('data: '))!.slice(6)) as {
            data?: T;
            errors?: unknown;
          };
          expect(payload.errors, JSON.stringify(payload.errors)).toBeUndefined();
          events.push(payload.data!);
        }
      }
    } catch {
      // Aborted by close().
    }
  })();
  // The hub starts every stream with a ping, after it has begun listening for events.
  await firstChunk;
  return {
    events,
    until: async (enough, ms = 5_000) => {
      const deadline = Date.now() + ms;
      while (!enough(events)) {
        if (Date.now() > deadline) throw new Error(`events did not arrive in ${ms} ms; got ${JSON.stringify(events)}`);
        await new Promise((r) => setTimeout(r, 25));
      }
      return events;
    },
    close: () => controller.abort(),
  };
}
