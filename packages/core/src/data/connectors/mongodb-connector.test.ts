import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { MongoClient, ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropDatabase, mongoTestUri } from '../../store/mongodb/mongo-test-target.js';
import { SourceError, type ConnectorContext, type SourceItem } from './connector.js';
import { mongodbConnector, type MongoConfig } from './mongodb-connector.js';

const context = (secrets: Record<string, string>, signal = new AbortController().signal): ConnectorContext => ({
  signal,
  importDir: '',
  allowedHosts: [],
  secret: (name) => secrets[name],
});

async function readAll(
  config: MongoConfig,
  secrets: Record<string, string>,
  signal?: AbortSignal,
): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  for await (const item of mongodbConnector.read(
    mongodbConnector.checkConfig(config, { importDir: '', allowedHosts: [] }),
    context(secrets, signal),
  ))
    items.push(item);
  return items;
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('mongodbConnector without a server', () => {
  const config = { uriSecret: 'SOURCE_URI', database: 'shop', collection: 'orders' };

  it('refuses server-side JavaScript in the filter at any depth, and odd names, naming the field', () => {
    const refused = (input: unknown, field: string) =>
      expect(() => mongodbConnector.checkConfig(input, { importDir: '', allowedHosts: [] })).toThrow(
        expect.objectContaining({ code: 'BAD_USER_INPUT', extensions: { field } }),
      );
    refused({ ...config, filter: { $where: 'sleep(10000)' } }, 'connector.filter');
    refused(
      { ...config, filter: { $and: [{ $expr: { $function: { body: 'x', args: [], lang: 'js' } } }] } },
      'connector.filter',
    );
    refused({ ...config, filter: { total: { $gt: 1 }, $accumulator: {} } }, 'connector.filter');
    refused({ ...config, uriSecret: 'mongodb://admin:pw@db/' }, 'connector.uriSecret');
    refused({ ...config, database: 'a.b' }, 'connector.database');
    refused({ ...config, collection: 'system.users' }, 'connector.collection');
    expect(
      mongodbConnector.checkConfig(
        { ...config, filter: { status: { $in: ['open'] } } },
        { importDir: '', allowedHosts: [] },
      ).filter,
    ).toEqual({ status: { $in: ['open'] } });
  });

  it('names a missing secret', async () => {
    await expect(readAll(config, {})).rejects.toThrow(
      new SourceError(
        'The secret "SOURCE_URI" with the MongoDB URI is not set on this hub; ask the operator to set it',
      ),
    );
  });

  it('reports a server it cannot reach without showing the credentials in the URI', async () => {
    const uri = `mongodb://reader:Pa%24%24word99@127.0.0.1:${await closedPort()}/?serverSelectionTimeoutMS=300`;
    const error = await readAll(config, { SOURCE_URI: uri }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as Error).message).toMatch(
      /^Could not read shop\.orders with the URI in secret "SOURCE_URI": .*ECONNREFUSED/,
    );
    expect((error as Error).message).not.toMatch(/reader|Pa%24%24word99|Pa\$\$word99/);
  });
});

const uri = mongoTestUri('data_connectors');

describe.runIf(uri)('mongodbConnector on a MongoDB server', () => {
  const database = uri ? new URL(uri).pathname.slice(1) : '';
  let client: MongoClient;
  beforeAll(async () => {
    client = await new MongoClient(uri!).connect();
  });
  afterAll(async () => {
    await client.close();
    await dropDatabase(uri!);
  });

  it('reads documents with ids as hex strings and top-level dates as ISO strings, filtered, in order', async () => {
    const collection = client.db(database).collection('sensors');
    const ids = [new ObjectId(), new ObjectId(), new ObjectId()];
    const at = new Date('2026-03-01T09:30:00.000Z');
    await collection.insertMany([
      { _id: ids[0], name: '강남 측정소', kind: 'air', at, reading: { pm10: 41, checked: at } },
      { _id: ids[1], name: 'Mapo', kind: 'water', at },
      { _id: ids[2], name: 'Jongno', kind: 'air', at: null },
    ]);
    const items = await readAll(
      { uriSecret: 'SOURCE_URI', database, collection: 'sensors', filter: { kind: 'air' } },
      { SOURCE_URI: uri! },
    );
    expect(items).toEqual([
      {
        kind: 'record',
        values: {
          _id: ids[0]!.toHexString(),
          name: '강남 측정소',
          kind: 'air',
          at: '2026-03-01T09:30:00.000Z',
          reading: { pm10: 41, checked: at },
        },
        position: 'document 1',
      },
      {
        kind: 'record',
        values: { _id: ids[2]!.toHexString(), name: 'Jongno', kind: 'air', at: null },
        position: 'document 2',
      },
    ]);
    await collection.drop();
  });

  it('stops reading when the sync is cancelled in the middle of a batch', async () => {
    const collection = client.db(database).collection('many');
    await collection.insertMany(Array.from({ length: 1200 }, (_, n) => ({ n })));
    const controller = new AbortController();
    const seen: SourceItem[] = [];
    const reading = (async () => {
      for await (const item of mongodbConnector.read(
        { uriSecret: 'SOURCE_URI', database, collection: 'many' },
        context({ SOURCE_URI: uri! }, controller.signal),
      )) {
        seen.push(item);
        if (seen.length === 600) controller.abort();
      }
    })();
    await expect(reading).rejects.toThrow(/abort/i);
    expect(seen).toHaveLength(600);
    await collection.drop();
  });
});
