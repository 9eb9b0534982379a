#!/usr/bin/env node
import { clientFromEnv, followChallengeEvents, listOpenChallenges, MaruApiError } from './app.js';

async function main(): Promise<void> {
  const client = clientFromEnv();
  const open = await listOpenChallenges(client);
  console.log(`${open.length} open challenge${open.length === 1 ? '' : 's'}:`);
  for (const challenge of open)
    console.log(`  ${challenge.submissionDeadline.slice(0, 10)}  ${challenge.title}  (${challenge.agency.name})`);

  const events = await followChallengeEvents(client);
  process.once('SIGINT', () => events.close());
  console.log('\nFollowing challenge events; Ctrl-C stops.');
  for await (const event of events)
    console.log(`  ${event.at}  ${event.kind.padEnd(17)} ${event.challenge?.title ?? event.challengeId}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof MaruApiError ? `the hub refused: ${error.message}` : error);
  process.exit(1);
});
