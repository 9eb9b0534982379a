import type { MongoClient, ObjectId as ObjectIdClass, Document } from 'mongodb';
import { badInput } from '../../errors.js';
import { SourceError, type Connector } from './connector.js';
import { expectConfigObject, expectSecretName, expectText, isPlainObject } from './connector-config.js';

/** A collection in a MongoDB database the hub can reach. */
export interface MongoConfig {
  /**
   * Name of the secret holding the `mongodb://` or `mongodb+srv://` URI (it carries credentials, so it is never stored
   * here).
   */
  uriSecret: string;
  database: string;
  collection: string;
  /**
   * A MongoDB query selecting the documents; default all. Server-side JavaScript (`$where`, `$function`,
   * `$accumulator`) is refused.
   */
  filter?: Record<string, unknown>;
}

const BATCH_SIZE = 500;
const SCRIPT_OPERATORS = ['$where', '$function', '$accumulator'];

/**
 * Reads the documents of a collection through a cursor, a batch at a time.
 * `_id` and other top-level ObjectIds become hex strings and top-level Dates
 * ISO strings, so records look alike whatever the source; nested values are
 * left as they are. Positions are `document N`, counting from 1 in cursor order.
 */
export const mongodbConnector: Connector<MongoConfig> = {
  kind: 'MONGODB',

  checkConfig(config) {
    const input = expectConfigObject(config, 'MongoDB', ['uriSecret', 'database', 'collection', 'filter']);
    const checked: MongoConfig = {
      uriSecret: expectSecretName(input.uriSecret, 'uriSecret'),
      database: expectText(input, 'database', 'the database name', 63),
      collection: expectText(input, 'collection', 'the collection name', 255),
    };
    if (/[/\\. "$]/.test(checked.database))
      throw badInput('connector.database', 'A database name may not contain `/\\. "$` or spaces.');
    if (checked.collection.includes('$') || checked.collection.startsWith('system.'))
      throw badInput('connector.collection', 'Name a collection of your data: no `$`, not a `system.` collection.');
    if (input.filter !== undefined) {
      if (!isPlainObject(input.filter))
        throw badInput('connector.filter', 'The filter is a MongoDB query object, e.g. `{ "status": "open" }`.');
      refuseScripts(input.filter);
      checked.filter = input.filter;
    }
    return checked;
  },

  async *read(config, ctx) {
    const uri = ctx.secret(config.uriSecret);
    if (uri === undefined)
      throw new SourceError(
        `The secret "${config.uriSecret}" with the MongoDB URI is not set on this hub; ask the operator to set it`,
      );
    if (!/^mongodb(\+srv)?:\/\//.test(uri))
      throw new SourceError(`The secret "${config.uriSecret}" does not hold a mongodb:// or mongodb+srv:// URI`);
    const failed = (error: unknown) =>
      ctx.signal.aborted
        ? ctx.signal.reason
        : new SourceError(
            `Could not read ${config.database}.${config.collection} with the URI in ` +
              `secret "${config.uriSecret}": ${redact((error as Error).message, uri)}`,
          );
    // Loaded on first use: most hubs never read a MongoDB source.
    const { MongoClient, ObjectId } = await import('mongodb');
    let client: MongoClient;
    try {
      client = new MongoClient(uri);
    } catch (error) {
      throw failed(error);
    }
    // Closing the client ends the cursor at once, also while it waits on the server.
    const close = () => void client.close().catch(() => undefined);
    ctx.signal.addEventListener('abort', close, { once: true });
    try {
      ctx.signal.throwIfAborted();
      const cursor = client
        .db(config.database)
        .collection(config.collection)
        .find(config.filter ?? {}, { batchSize: BATCH_SIZE });
      let n = 0;
      try {
        for await (const document of cursor) {
          ctx.signal.throwIfAborted();
          yield { kind: 'record', values: toValues(document, ObjectId), position: `document ${++n}` };
        }
        // A cursor whose client was closed by the abort may just end; the sync must still learn it was cancelled.
        ctx.signal.throwIfAborted();
      } catch (error) {
        throw failed(error);
      }
    } finally {
      ctx.signal.removeEventListener('abort', close);
      await client.close().catch(() => undefined);
    }
  },
};

function toValues(document: Document, ObjectId: typeof ObjectIdClass): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(document).map(([key, value]) => [
      key,
      value instanceof ObjectId ? value.toHexString() : value instanceof Date ? value.toISOString() : value,
    ]),
  );
}

/** Server-side JavaScript could run anything on the source's server; refused at any depth. */
function refuseScripts(value: unknown): void {
  if (Array.isArray(value)) return value.forEach(refuseScripts);
  if (!isPlainObject(value)) return;
  for (const [key, inner] of Object.entries(value)) {
    if (SCRIPT_OPERATORS.some((operator) => key.startsWith(operator)))
      throw badInput(
        'connector.filter',
        `The filter may not use \`${key}\`: server-side JavaScript is not allowed. Use query operators instead.`,
      );
    refuseScripts(inner);
  }
}

/** Driver messages may quote the URI or its credentials; none of them reaches the connection's owners. */
function redact(message: string, uri: string): string {
  const userinfo = /^mongodb(?:\+srv)?:\/\/([^@/]*)@/.exec(uri)?.[1] ?? '';
  const password = userinfo.includes(':') ? userinfo.slice(userinfo.indexOf(':') + 1) : '';
  const secrets = [uri, userinfo, password, safeDecode(password)].filter((part) => part !== '');
  return secrets.reduce((text, part) => text.split(part).join('…'), message);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
