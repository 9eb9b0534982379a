import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as operations from '../src/gql/graphql';
import { startHub, type RunningHub } from './hub';

// Every operation of the portal, sent without variables: the hub validates it (schema,
// depth, cost, aliases, tokens) before it looks at variables, so a refusal here means the
// page that sends it would never work — whatever its variables.
const documents = Object.entries(operations).filter(
  ([name, value]) => name.endsWith('Document') && value instanceof operations.TypedDocumentString,
);

describe("the portal's operations pass the hub's validation and limits", () => {
  let hub: RunningHub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(() => hub?.stop());

  it('has operations to check', () => {
    expect(documents.length).toBeGreaterThan(30);
  });

  // Sent as text, and by hash as the portal sends it: the hub serving the build holds each one as a trusted document.
  it.each(documents)('%s', async (_name, document) => {
    const hash = (document as { __meta__?: { hash?: string } }).__meta__?.hash?.replace(/^sha256:/, '');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    for (const payload of [
      { query: String(document) },
      { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } },
    ]) {
      const response = await fetch(`${hub.origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...payload, variables: {} }),
      });
      const body = (await response.json()) as { errors?: Array<{ message: string; extensions?: { code?: string } }> };
      const refused = (body.errors ?? []).filter((error) =>
        [
          'QUERY_TOO_COMPLEX',
          'GRAPHQL_VALIDATION_FAILED',
          'GRAPHQL_PARSE_FAILED',
          'PERSISTED_QUERY_NOT_FOUND',
        ].includes(error.extensions?.code ?? ''),
      );
      expect(refused, JSON.stringify(payload).slice(0, 80)).toEqual([]);
    }
  });
});
