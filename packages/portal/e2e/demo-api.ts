import { graphql } from './hub';

/** A GraphQL answer as it came, errors included (to check a refusal's code). */
export interface Answer<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; field?: string } }>;
}

/** A demo member's API key: demo hubs hand one out for an e-mail (demoLogin). */
export async function demoKey(origin: string, email: string): Promise<string> {
  const { demoLogin } = await graphql<{ demoLogin: { secret: string } }>(
    origin,
    'mutation ($e: String!) { demoLogin(email: $e) { secret } }',
    { e: email },
  );
  return demoLogin.secret;
}

/**
 * GraphQL as demo members, for setting up what a test is not about and reading what the UI did. Each member's key
 * is asked once. `origin` is read at each call, so this can be made before the hub starts (in `describe`).
 */
export function demoApi(origin: () => string) {
  const keys = new Map<string, Promise<string>>();
  const keyOf = (email: string): Promise<string> => {
    if (!keys.has(email)) keys.set(email, demoKey(origin(), email));
    return keys.get(email)!;
  };
  /** The data of `query` run as `email`; throws on any GraphQL error. */
  const as = async <T>(email: string, query: string, variables: Record<string, unknown> = {}): Promise<T> =>
    graphql<T>(origin(), query, variables, await keyOf(email));
  /** The whole answer of `query` run as `email`, errors included. */
  const raw = async <T>(email: string, query: string, variables: Record<string, unknown> = {}): Promise<Answer<T>> => {
    const response = await fetch(`${origin()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await keyOf(email)}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as Answer<T>;
  };
  /** A challenge made by `email` (a draft), as `input` describes it (CreateChallengeInput); its id. */
  const createChallenge = async (email: string, input: Record<string, unknown>): Promise<string> =>
    (
      await as<{ createChallenge: { challenge: { id: string } } }>(
        email,
        'mutation ($i: CreateChallengeInput!) { createChallenge(input: $i) { challenge { id } } }',
        { i: input },
      )
    ).createChallenge.challenge.id;
  return { keyOf, as, raw, createChallenge };
}
