import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as operations from '../src/gql/graphql';
import { startHub, type RunningHub } from './hub';

// Every operation of the portal, sent without variables: the hub validates it (schema,
// depth, cost, aliases, tokens) before it looks at variables, so a refusal here means the
// page that sends it would never work — whatever its variables.
const documents = Object.entries(operations).filter(([name, value]) => name.endsWith('Document') && value instanceof operations.TypedDocumentString);

describe("the portal's operations pass the hub's validation and limits", () => {
  let hub: RunningHub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(() => hub?.stop());

  it('has operations to check', () => {
    expect(documents.length).toBeGreaterThan(30);
  });

  it.each(documents)('%s', async (_name, document) => {
    const response = await fetch(`${hub.origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: String(document), variables: {} }) });
    const body = (await response.json()) as { errors?: Array<{ message: string; extensions?: { code?: string } }> };
    const refused = (body.errors ?? []).filter((error) => ['QUERY_TOO_COMPLEX', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED'].includes(error.extensions?.code ?? ''));
    expect(refused).toEqual([]);
  });
});
