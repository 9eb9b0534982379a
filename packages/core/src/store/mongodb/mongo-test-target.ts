import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';

/**
 * Where the MongoDB suites run: `MONGODB_URI`, with a database of their own
 * per run so parallel files and earlier runs never meet. Under CI the suites
 * must run; elsewhere they are skipped with one line saying how to run them.
 */
export function mongoTestUri(suite: string): string | null {
  const base = process.env.MONGODB_URI;
  if (!base) {
    if (process.env.CI)
      throw new Error(
        `MONGODB_URI is not set, but CI=true: the MongoDB suite "${suite}" must run in CI. ` +
          `Start FerretDB (packages/devtools/ferretdb/start.sh) and export MONGODB_URI.`,
      );
    console.info(
      `[${suite}] skipped: MONGODB_URI is not set. ` +
        `Run \`npm run test:mongo\` to start a MongoDB-wire server (FerretDB) and run it.`,
    );
    return null;
  }
  const url = new URL(base);
  url.pathname = `/maru_test_${suite.replace(/\W/g, '_')}_${randomBytes(4).toString('hex')}`;
  return url.toString();
}

export async function dropDatabase(uri: string): Promise<void> {
  const client = await new MongoClient(uri).connect();
  try {
    await client.db().dropDatabase();
  } finally {
    await client.close();
  }
}
