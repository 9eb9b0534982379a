import { createSqliteStore, hubCollections } from '@maru/core';
import { describe, expect, it } from 'vitest';
import { gql, spawnHub, tempDir } from './helpers.js';

const RUNS = 10;
const WORKERS = 8;
const ASK = `mutation($c: ID!, $q: String!) { askQuestion(challengeId: $c, question: $q) { question { id } } }`;

/** One askQuestion whose text carries its request id, so a stored question can be matched to its audit event. */
async function ask(url: string, key: string, challengeId: string, requestId: string): Promise<string | null> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, 'x-request-id': requestId },
    body: JSON.stringify({ query: ASK, variables: { c: challengeId, q: `Crash test question ${requestId}?` } }),
  });
  const body = (await response.json()) as { data?: { askQuestion?: { question: { id: string } } } };
  return body.data?.askQuestion?.question.id ?? null;
}

describe('no domain write without its audit event, across kill -9', () => {
  it(`kills the hub ${RUNS} times during bursts of askQuestion; every stored question is audited`, async () => {
    const dataDir = tempDir('maru-audit-crash-');
    const env = { MARU_DATA_DIR: dataDir, MARU_RATE_LIMIT: '0' };
    let hub = await spawnHub(env, ['--demo']);
    const login = await gql(hub.url, 'mutation { demoLogin(email: "admin@hanbit.example") { secret } }');
    const key = login.body.data.demoLogin.secret as string;
    const operator = (await gql(hub.url, 'mutation { demoLogin(email: "admin@maru.example") { secret } }')).body.data
      .demoLogin.secret as string;
    const open = await gql(hub.url, `{ challenges(filter: { statuses: [OPEN] }, first: 1) { nodes { id } } }`);
    const challengeId = open.body.data.challenges.nodes[0].id as string;

    const acknowledged = new Set<string>();
    let sent = 0;
    let interruptedLogged = 0;
    for (let run = 0; run < RUNS; run++) {
      if (run > 0) {
        hub = await spawnHub(env, ['--demo']);
        if (hub.output().includes('INTERRUPTED')) interruptedLogged++;
      }
      let stop = false;
      const workers = Array.from({ length: WORKERS }, async (_, w) => {
        for (let i = 0; !stop; i++) {
          sent++;
          try {
            const id = await ask(hub.url, key, challengeId, `run${run}-w${w}-${i}`);
            if (id) acknowledged.add(id);
          } catch {
            // The connection died with the process: not acknowledged.
            return;
          }
        }
      });
      // Kill at a different point of the burst each run.
      await new Promise((resolve) => setTimeout(resolve, 150 + Math.floor(Math.random() * 600)));
      hub.child.kill('SIGKILL');
      await hub.exited;
      stop = true;
      await Promise.all(workers);
    }

    // The last start reconciles what the last kill left; then it is stopped cleanly and the store read as it is.
    hub = await spawnHub(env, ['--demo']);
    if (hub.output().includes('INTERRUPTED')) interruptedLogged++;
    const verified = await gql(hub.url, '{ verifyAuditChain { ok checked } }', {}, operator);
    expect(verified.body.data.verifyAuditChain.ok).toBe(true);
    hub.child.kill('SIGTERM');
    expect(await hub.exited).toBe(0);

    const store = createSqliteStore({ dataDir });
    await store.migrate(hubCollections);
    try {
      const questions = await store
        .collection<{ _id: string; question: string }>('questions')
        .find({ question: { $regex: '^Crash test question' } });
      const events = await store
        .collection<{ _id: string; requestId: string | null; outcome: string; targetId: string | null }>('audit_events')
        .find({ action: 'question.ask' });
      const byRequest = new Map(events.map((e) => [e.requestId, e]));
      const stored = new Set(questions.map((q) => q._id));

      // Every acknowledged write is stored.
      for (const id of acknowledged)
        expect(stored.has(Buffer.from(id, 'base64url').toString().split(':')[1] ?? '')).toBe(true);
      // Every stored question has its event: SUCCESS naming it, or INTERRUPTED when the process died before the event.
      const unaudited = questions.filter((q) => {
        const event = byRequest.get(/Crash test question (\S+)\?/.exec(q.question)![1]!);
        return (
          !event || !(event.outcome === 'INTERRUPTED' || (event.outcome === 'SUCCESS' && event.targetId === q._id))
        );
      });
      expect(unaudited).toEqual([]);
      expect(await store.collection('audit_intents').count({})).toBe(0);
      const interrupted = events.filter((e) => e.outcome === 'INTERRUPTED').length;
      console.info(
        `audit crash test: ${sent} asked, ${acknowledged.size} acknowledged, ${questions.length} stored, ` +
          `${interrupted} INTERRUPTED events, ${interruptedLogged} starts reported interrupted mutations`,
      );
      expect(questions.length).toBeGreaterThanOrEqual(acknowledged.size);
    } finally {
      await store.close();
    }
  }, 300_000);
});
