import { it } from 'vitest';
import { createTestHub } from './testing/test-hub.js';

it('probe', async () => {
  const hub = await createTestHub();
  const show = async (label: string, q: string, v: Record<string, unknown> = {}, k?: string | null) => console.log(label, JSON.stringify(await hub.gql(q, v, k)));
  await show('syntax1', `{ organizations { `);
  await show('syntax2', `{ organizations { `);
  await show('unknown1', `{ organizations { nope } }`);
  await show('unknown2', `{ organizations { nope } }`);
  const tokens = Array.from({ length: 2100 }, () => `__typename`).join(' ');
  await show('tokens1', `{ ${tokens} }`);
  await show('tokens2', `{ ${tokens} }`);
  await hub.close();
});
