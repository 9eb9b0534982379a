import type { DataConnection, HubServices, Member } from '@maru/core';
import { copyFile, mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_DATASETS, HOUSING_PURPOSE, SUBSIDY_PURPOSE, type DemoDataset } from './demo-datasets.js';
import { seedViewer } from './seed-viewer.js';

/** The bundled CSV files: `../demo-data` from `src/` and from the built `dist/` alike. */
export const DEMO_DATA_DIR = fileURLToPath(new URL('../demo-data/', import.meta.url));

const OWNER = 'admin@mois.example';
const COMPANY = 'admin@hanbit.example';
/** YH-0001 … YH-0016 consent (the first twelve to name and phone, the others to name only); the others stay masked. */
const CONSENTING_SUBJECTS = 16;
const FULL_CONSENTS = 12;
const SUBJECT_WITH_KEY = 'YH-0001';
const YEAR_MS = 365 * 86_400_000;

export interface DemoConnectionsResult {
  /** Raw connection ids by dataset slug, for the challenges that bear on them. */
  ids: Record<string, string>;
  created: number;
  synced: number;
  /** Syncs that did not succeed; the scheduler retries them. */
  failed: Array<{ name: string; error: string }>;
  approvals: number;
  consents: number;
  /** The demo data subject's key, when this run issued it (shown once). */
  subjectKey: { subjectId: string; key: string } | null;
}

/**
 * Connects the bundled demo datasets for the demo agencies, syncs them, has
 * the demo company approved for the RESTRICTED and PERSONAL ones, records
 * consents of some data subjects and issues one subject a key — through the
 * same services as the API. Idempotent: connections are found by name, and
 * approvals, consents and the key by what they are for.
 */
export async function seedDemoConnections(services: HubServices, importDir: string): Promise<DemoConnectionsResult> {
  const result: DemoConnectionsResult = {
    ids: {},
    created: 0,
    synced: 0,
    failed: [],
    approvals: 0,
    consents: 0,
    subjectKey: null,
  };
  const owner = await services.members.byEmail(OWNER);
  const company = await services.members.byEmail(COMPANY);
  if (!owner || !company) return result;
  const ownerViewer = await seedViewer(services, owner);

  const connections = new Map<string, DataConnection>();
  for (const dataset of DEMO_DATASETS) {
    await copyIn(dataset, importDir);
    let connection = await services.data.connections.byName(dataset.name);
    if (!connection) {
      connection = await create(services, ownerViewer, dataset);
      result.created++;
    }
    if (!connection.lastSuccessAt) {
      const error = await sync(services, ownerViewer, connection);
      if (error) result.failed.push({ name: dataset.name, error });
      else result.synced++;
    }
    connections.set(dataset.slug, connection);
    result.ids[dataset.slug] = connection._id;
  }

  const subsidies = connections.get('small-business-subsidies')!;
  const housing = connections.get('youth-housing-benefits')!;
  result.approvals += await approve(services, ownerViewer, company, subsidies, SUBSIDY_PURPOSE);
  result.approvals += await approve(services, ownerViewer, company, housing, HOUSING_PURPOSE);
  for (let n = 1; n <= CONSENTING_SUBJECTS; n++) {
    const subjectId = `YH-${String(n).padStart(4, '0')}`;
    if (await services.data.consents.isRecorded(housing._id, subjectId, company.organizationId)) continue;
    await services.data.consents.record(ownerViewer, housing._id, {
      subjectId,
      purpose: HOUSING_PURPOSE,
      fields: n <= FULL_CONSENTS ? ['subject_id', 'name', 'phone'] : ['subject_id', 'name'],
      validUntil: new Date(services.clock() + YEAR_MS).toISOString(),
      requester: { organizationId: company.organizationId, pluginName: null },
    });
    result.consents++;
  }
  if (!(await services.data.consents.hasSubjectKey(SUBJECT_WITH_KEY))) {
    const { key } = await services.data.consents.issueSubjectKey(ownerViewer, SUBJECT_WITH_KEY);
    result.subjectKey = { subjectId: SUBJECT_WITH_KEY, key };
  }
  return result;
}

/**
 * Into the owning agency's import folder (`<importDir>/<agency slug>/demo/`), copied whole and then
 * renamed into place, so a sync reading the file never sees half of it.
 */
async function copyIn(dataset: DemoDataset, importDir: string): Promise<void> {
  await mkdir(join(importDir, dataset.agency, 'demo'), { recursive: true });
  const target = join(importDir, dataset.agency, 'demo', dataset.file);
  await copyFile(join(DEMO_DATA_DIR, dataset.file), `${target}.part`);
  await rename(`${target}.part`, target);
}

async function create(services: HubServices, viewer: never, dataset: DemoDataset): Promise<DataConnection> {
  const agency = (await services.organizations.bySlug(dataset.agency))!;
  // Bundled plugins are named only when loaded (demo mode tolerates a plugin that is not built).
  const serviceIds: string[] = [];
  for (const key of dataset.serviceKeys ?? []) if (await services.catalogue.get(key)) serviceIds.push(key);
  return services.data.connections.create(viewer, agency._id, {
    name: dataset.name,
    description: dataset.description,
    tags: dataset.tags,
    licence: dataset.licence,
    classification: dataset.classification,
    fields: dataset.fields,
    keyField: dataset.keyField,
    subjectField: dataset.subjectField ?? null,
    connector: { kind: 'CSV', config: { path: `demo/${dataset.file}` } },
    refreshMinutes: dataset.refreshMinutes ?? null,
    serviceIds,
  });
}

/** Runs a sync to its end; the error when it did not succeed (another hub's lease, a bad file). */
async function sync(services: HubServices, viewer: never, connection: DataConnection): Promise<string | null> {
  try {
    const { done } = await services.data.syncs.request(viewer, connection._id);
    const finished = await done;
    return finished.status === 'SUCCEEDED' ? null : (finished.error ?? `${finished.rejected} records rejected`);
  } catch (error) {
    return (error as Error).message;
  }
}

/** The demo company asks for every field for the purpose, and the owner approves it for a year. */
async function approve(
  services: HubServices,
  ownerViewer: never,
  company: Member,
  connection: DataConnection,
  purpose: string,
): Promise<number> {
  const requests = services.data.accessRequests;
  const requester = { organizationId: company.organizationId, pluginName: null };
  if (await requests.activeApproval(connection._id, requester)) return 0;
  const pending = await requests.pendingFor(connection._id, requester);
  const request =
    pending ??
    (await requests.request(await seedViewer(services, company), connection._id, {
      purpose,
      fields: connection.fields.map((f) => f.name),
      expiresAt: new Date(services.clock() + YEAR_MS).toISOString(),
    }));
  await requests.decide(ownerViewer, request._id, true, {
    note: '목적 범위 내 이용을 승인합니다. Approved for the stated purpose.',
  });
  return 1;
}

/** The console block that shows the demo data subject's key once, beside the demo API keys. */
export function formatDemoSubjectKey(subjectKey: DemoConnectionsResult['subjectKey'], url: string): string {
  if (!subjectKey) return '';
  return [
    '',
    `Demo data subject key for ${subjectKey.subjectId} (a youth rent support recipient) — shown once, stored only as a hash:`,
    `  ${subjectKey.key}`,
    '',
    `Try:  curl -s ${url} -H 'content-type: application/json' -H 'authorization: Bearer <subject key>' -d '{"query":"{ dataSubject { subjectId consents(first: 5) { nodes { purpose fields validUntil } } accessLog(first: 5) { nodes { channel fields } } } }"}'`,
    '',
  ].join('\n');
}
