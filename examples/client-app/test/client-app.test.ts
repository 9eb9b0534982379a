import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMaruClient,
  followChallengeEvents,
  listOpenChallenges,
  MaruApiError,
  type ChallengeEvent,
} from '../src/app.js';

// The built hub, as an operator runs it: `maru-hub --demo`, through the package's bin.
const require = createRequire(import.meta.url);
const hubPackage = require.resolve('@maru/hub/package.json');
const hubBin = join(
  dirname(hubPackage),
  (JSON.parse(readFileSync(hubPackage, 'utf8')) as { bin: Record<string, string> }).bin['maru-hub']!,
);

async function startDemoHub(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [hubBin, '--demo'], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      MARU_DATA_DIR: mkdtempSync(join(tmpdir(), 'maru-client-app-')),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL'); // never leave a hub behind
      reject(new Error(`the hub did not start in 50 s:\n${out}`));
    }, 50_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const listening = /"url":"(http:\/\/[^"]+)".*"msg":"Maru hub listening"/.exec(out);
      if (listening) {
        clearTimeout(timer);
        resolve(listening[1]!);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the hub exited with ${code}:\n${out}`));
    });
  });
  return { url, child };
}

/** The agency's side, untyped on purpose: the client app only reads. */
async function asAgency(url: string, query: string, variables: Record<string, unknown> = {}, key?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const payload = (await response.json()) as { data: any; errors?: unknown };
  expect(payload.errors).toBeUndefined();
  return payload.data;
}

describe('the client app against a demo hub', () => {
  let hub: { url: string; child: ChildProcess };
  beforeAll(async () => (hub = await startDemoHub()), 60_000);
  afterAll(() => hub?.child.kill('SIGTERM'));

  it('lists the open challenges, page by page, with generated types', async () => {
    const client = createMaruClient({ url: hub.url });
    const open = await listOpenChallenges(client, 2);
    // Every open challenge the hub counts, each once, gathered from pages of two (the demo seeds six).
    const { challenges } = await asAgency(hub.url, '{ challenges(filter: { statuses: [OPEN] }) { totalCount } }');
    expect(challenges.totalCount).toBeGreaterThan(2);
    expect(open).toHaveLength(challenges.totalCount);
    expect(new Set(open.map((c) => c.id)).size).toBe(challenges.totalCount);
    expect(open.map((c) => c.submissionDeadline)).toEqual([...open.map((c) => c.submissionDeadline)].sort());
    expect(open[0]).toMatchObject({
      title: expect.any(String),
      agency: { name: expect.any(String) },
      tags: expect.any(Array),
    });
  });

  it('receives the event of an announcement made by a demo key after it subscribed', async () => {
    const client = createMaruClient({ url: hub.url });
    const events = await followChallengeEvents(client);
    const manager: string = (
      await asAgency(hub.url, 'mutation { demoLogin(email: "manager@mois.example") { secret } }')
    ).demoLogin.secret;
    const agencyId: string = (await asAgency(hub.url, '{ viewer { organization { id } } }', {}, manager)).viewer
      .organization.id;
    const ours = (await listOpenChallenges(client)).find((c) => c.agency.id === agencyId)!;
    await asAgency(
      hub.url,
      'mutation($id: ID!) { postAnnouncement(challengeId: $id, title: "Info session moved", body: "Now on Thursday at 15:00 KST.") { challenge { id } } }',
      { id: ours.id },
      manager,
    );

    const received: ChallengeEvent[] = [];
    for await (const event of events) {
      received.push(event);
      break; // leaving the loop closes the stream
    }
    expect(received).toEqual([
      { kind: 'ANNOUNCEMENT', at: expect.any(String), challengeId: ours.id, challenge: { title: ours.title } },
    ]);
  });

  it('turns a refusal into a MaruApiError carrying the code', async () => {
    const client = createMaruClient({ url: hub.url, apiKey: 'maru_not-a-key' });
    await expect(listOpenChallenges(client)).rejects.toSatisfy(
      (error) => error instanceof MaruApiError && error.code === 'UNAUTHENTICATED',
    );
  });
});
