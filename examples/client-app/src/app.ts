/**
 * @packageDocumentation
 * The example client: list the open challenges, then follow challenge events.
 * `main.ts` runs it against a hub; tests call these functions directly.
 */
import { createMaruClient, type MaruClient, type Subscription } from './client.js';
import type {
  ChallengeEventsSubscription as ChallengeEventsResult,
  OpenChallengesQuery as OpenChallengesResult,
} from './gql/graphql.js';
import { ChallengeEventsSubscription, OpenChallengesQuery } from './operations.js';

export { createMaruClient, MaruApiError } from './client.js';
export type { MaruClient, MaruClientOptions, MaruGraphQLError, Subscription } from './client.js';

export type OpenChallenge = OpenChallengesResult['challenges']['nodes'][number];
export type ChallengeEvent = ChallengeEventsResult['challengeEvents'];

/** Every open challenge, soonest deadline first, following the connection's pages (`pageSize` each, at most 100). */
export async function listOpenChallenges(client: MaruClient, pageSize = 20): Promise<OpenChallenge[]> {
  const challenges: OpenChallenge[] = [];
  let after: string | null = null;
  for (;;) {
    const page: OpenChallengesResult = await client.request(OpenChallengesQuery, { first: pageSize, after });
    challenges.push(...page.challenges.nodes);
    if (!page.challenges.pageInfo.hasNextPage) return challenges;
    after = page.challenges.pageInfo.endCursor ?? null;
  }
}

/** Public events of every published challenge, or of one. Resolves once the hub is listening. */
export async function followChallengeEvents(
  client: MaruClient,
  challengeId?: string,
): Promise<Subscription<ChallengeEvent>> {
  const subscription = await client.subscribe(ChallengeEventsSubscription, challengeId ? { challengeId } : {});
  return {
    close: subscription.close,
    async *[Symbol.asyncIterator]() {
      for await (const result of subscription) yield result.challengeEvents;
    },
  };
}

/** The client `main.ts` uses, from the environment: `HUB_URL` and, optionally, `HUB_API_KEY`. */
export function clientFromEnv(env: NodeJS.ProcessEnv = process.env): MaruClient {
  return createMaruClient({
    url: env.HUB_URL ?? 'http://127.0.0.1:4000/graphql',
    ...(env.HUB_API_KEY ? { apiKey: env.HUB_API_KEY } : {}),
  });
}
