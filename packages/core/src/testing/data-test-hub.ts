import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeGlobalId } from '../graphql/global-id.js';
import { createTestHub, type TestHub } from './test-hub.js';

export interface DataTestHub {
  hub: TestHub;
  importDir: string;
  /** Moves the hub's clock (approvals and consents expire by it). */
  advance(ms: number): void;
  now(): number;
  ids: { publicId: string; internalId: string; restrictedId: string; personalId: string };
}

export const PUBLIC_CSV =
  'facility_id,name,district,capacity,opened\nF1,Mapo Sports Center,Mapo-gu,300,2015-03-01\n' +
  'F2,Jongno Library,Jongno-gu,120,2009-11-20\nF3,Gangnam Pool,Gangnam-gu,80,2018-06-15\n';
export const INTERNAL_CSV = 'project_id,title,budget\nP1,Smart bus stops,1200000000\nP2,Open API gateway,800000000\n';
export const RESTRICTED_CSV =
  'business_id,name,revenue,employees\nB1,Hanbit Foods,1200000,12\n' +
  'B2,Saebyeok Logistics,5400000,48\nB3,Mirae Tech,300000,4\n';
export const PERSONAL_CSV =
  'record_id,subject_id,name,phone,district,benefit\nR1,S1,Kim Minji,010-1111-2222,Mapo-gu,320000\n' +
  'R2,S2,Lee Jihoon,010-3333-4444,Jongno-gu,280000\nR3,S3,Park Seoyeon,010-5555-6666,Mapo-gu,300000\n';

export const CREATE =
  `mutation($input: CreateDataConnectionInput!) { createDataConnection(input: $input) { ` +
  `dataConnection { id status fields { name type personal } } } }`;
export const SYNC =
  `mutation($id: ID!) { syncDataConnection(id: $id, wait: true) { ` +
  `sync { status read inserted updated removed rejected problems { position reason } error } } }`;

/** A test hub with four synced CSV connections of the bureau, one per classification. */
export async function createDataTestHub(): Promise<DataTestHub> {
  const importDir = await mkdtemp(join(tmpdir(), 'maru-data-test-'));
  let offset = 0;
  const hub = await createTestHub({ clock: () => Date.now() + offset, data: { importDir } });
  const { keys, bureau } = hub.fixtures;
  // Each agency reads from its own folder under the import root.
  const folder = join(importDir, bureau.slug);
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'public.csv'), PUBLIC_CSV);
  await writeFile(join(folder, 'internal.csv'), INTERNAL_CSV);
  await writeFile(join(folder, 'restricted.csv'), RESTRICTED_CSV);
  await writeFile(join(folder, 'personal.csv'), PERSONAL_CSV);
  const agencyId = encodeGlobalId('Organization', bureau._id);
  const create = async (input: Record<string, unknown>) => {
    const res = await hub.gql(CREATE, { input: { agencyId, licence: 'KOGL-Type1', ...input } }, keys.bureauAdmin);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    const id = res.data.createDataConnection.dataConnection.id as string;
    const synced = await hub.gql(SYNC, { id }, keys.bureauAdmin);
    if (synced.errors || synced.data.syncDataConnection.sync.status !== 'SUCCEEDED')
      throw new Error(JSON.stringify(synced));
    return id;
  };
  const csv = (path: string) => ({ kind: 'CSV', config: { path } });
  const publicId = await create({
    name: 'Public sports facilities',
    classification: 'PUBLIC',
    keyField: 'facility_id',
    connector: csv('public.csv'),
    tags: ['sports'],
  });
  const internalId = await create({
    name: 'Digital projects',
    classification: 'INTERNAL',
    keyField: 'project_id',
    connector: csv('internal.csv'),
  });
  const restrictedId = await create({
    name: 'Business revenues',
    classification: 'RESTRICTED',
    keyField: 'business_id',
    connector: csv('restricted.csv'),
  });
  const personalId = await create({
    name: 'Housing benefit recipients',
    classification: 'PERSONAL',
    keyField: 'record_id',
    subjectField: 'subject_id',
    connector: csv('personal.csv'),
    fields: [
      { name: 'record_id', type: 'STRING' },
      { name: 'subject_id', type: 'STRING', personal: true },
      { name: 'name', type: 'STRING', personal: true },
      { name: 'phone', type: 'STRING', personal: true },
      { name: 'district', type: 'STRING' },
      { name: 'benefit', type: 'INTEGER' },
    ],
  });
  return {
    hub,
    importDir,
    advance: (ms) => void (offset += ms),
    now: () => Date.now() + offset,
    ids: { publicId, internalId, restrictedId, personalId },
  };
}
