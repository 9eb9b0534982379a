import { decodeGlobalId, encodeGlobalId } from '../graphql/global-id.js';
import type { HubServices } from '../context.js';
import type { Classification, DataConnection } from './model.js';

// The EU access-rights vocabulary DCAT-AP prescribes for dct:accessRights.
const ACCESS_RIGHTS: Record<Classification, string> = {
  PUBLIC: 'http://publications.europa.eu/resource/authority/access-right/PUBLIC',
  INTERNAL: 'http://publications.europa.eu/resource/authority/access-right/RESTRICTED',
  RESTRICTED: 'http://publications.europa.eu/resource/authority/access-right/RESTRICTED',
  PERSONAL: 'http://publications.europa.eu/resource/authority/access-right/NON_PUBLIC',
};

const CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  maru: 'https://maru.example/ns#',
};

/**
 * The catalogue as DCAT-AP JSON-LD, for other portals to harvest (CKAN's
 * DCAT harvester, data.europa.eu, data.go.kr). Metadata only; records stay
 * behind the GraphQL API and its classification rules.
 */
export async function dcatCatalogue(services: HubServices, baseUrl: string): Promise<Record<string, unknown>> {
  const base = baseUrl.replace(/\/+$/, '');
  const datasets: Record<string, unknown>[] = [];
  const agencies = new Map<string, string>();
  for await (const page of services.data.connections.everyConnection()) {
    for (const connection of page) {
      if (!agencies.has(connection.agencyId))
        agencies.set(
          connection.agencyId,
          (await services.organizations.get(connection.agencyId))?.name ?? 'unknown agency',
        );
      datasets.push(dataset(connection, agencies.get(connection.agencyId)!, base));
    }
  }
  return {
    '@context': CONTEXT,
    '@id': `${base}/catalogue/dcat.jsonld`,
    '@type': 'dcat:Catalog',
    'dct:title': { '@language': 'en', '@value': 'Maru data catalogue' },
    'dct:description': {
      '@language': 'en',
      '@value':
        'Agency datasets connected to the Maru hub. Records are served ' +
        "through its GraphQL API under each dataset's access rights.",
    },
    'foaf:homepage': { '@id': `${base}/` },
    'dcat:dataset': datasets,
  };
}

/**
 * One dataset's DCAT-AP entry, served at the address the catalogue names it by
 * (`<base>/catalogue/datasets/<id>`), so that address leads somewhere; null
 * when the id names no data connection.
 */
export async function dcatDataset(
  services: HubServices,
  baseUrl: string,
  globalId: string,
): Promise<Record<string, unknown> | null> {
  let id: string;
  try {
    const decoded = decodeGlobalId(globalId);
    if (decoded.typename !== 'DataConnection') return null;
    id = decoded.id;
  } catch {
    return null;
  }
  const connection = await services.data.connections.get(id);
  if (!connection) return null;
  const base = baseUrl.replace(/\/+$/, '');
  const agency = (await services.organizations.get(connection.agencyId))?.name ?? 'unknown agency';
  return {
    '@context': CONTEXT,
    ...dataset(connection, agency, base),
    'dcat:inCatalog': { '@id': `${base}/catalogue/dcat.jsonld` },
  };
}

function dataset(connection: DataConnection, agencyName: string, base: string): Record<string, unknown> {
  const id = encodeGlobalId('DataConnection', connection._id);
  return {
    '@id': `${base}/catalogue/datasets/${id}`,
    '@type': 'dcat:Dataset',
    'dct:identifier': id,
    'dct:title': connection.name,
    'dct:description': connection.description,
    'dcat:keyword': connection.tags,
    'dct:publisher': { '@type': 'foaf:Agent', 'foaf:name': agencyName },
    'dct:license': connection.licence,
    'dct:accessRights': { '@id': ACCESS_RIGHTS[connection.classification] },
    'maru:classification': connection.classification,
    'dct:issued': { '@type': 'xsd:dateTime', '@value': connection.createdAt },
    ...(connection.lastSuccessAt
      ? { 'dct:modified': { '@type': 'xsd:dateTime', '@value': connection.lastSuccessAt } }
      : {}),
    ...(connection.refreshMinutes ? { 'dct:accrualPeriodicity': `PT${connection.refreshMinutes}M` } : {}),
    'dcat:distribution': [
      {
        '@type': 'dcat:Distribution',
        'dcat:accessURL': { '@id': `${base}/graphql` },
        'dct:format': 'GraphQL',
        'dct:description':
          `query { dataConnection(id: "${id}") { fields { name type } ` +
          `records(first: 100) { nodes { key data } } } }`,
        'maru:recordCount': connection.recordCount,
      },
    ],
  };
}
