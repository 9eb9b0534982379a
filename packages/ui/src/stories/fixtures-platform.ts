import type { AuditEvent } from '../audit/audit-list';
import type { AccessLogEntry } from '../data/access-log-list';
import type { Consent } from '../data/consent-list';
import type { DataConnectionSummary } from '../data/data-connection-card';
import type { PluginSummary } from '../plugins/plugin-card';
import type { ServiceSummary } from '../services/service-card';

/** Sample services, plugins, data, consents and logs shaped like the hub's GraphQL results. */
export const service: ServiceSummary = {
  id: 'U2VydmljZTphZGRyZXNz',
  key: 'address',
  name: 'Address lookup',
  description: 'Turns road-name addresses into coordinates and administrative codes.',
  category: 'Geography',
  status: 'ACTIVE',
  source: 'PLUGIN',
  operations: [
    { name: 'lookup', kind: 'query', description: 'One address to coordinates.' },
    { name: 'batchLookup', kind: 'query', description: 'Up to 100 addresses at once.' },
    { name: 'reportError', kind: 'mutation', description: null },
  ],
  plugin: { name: '@maru/plugin-address', version: '1.2.0', publisher: 'Maru project' },
};

export const serviceWithUsage: ServiceSummary = {
  ...service,
  dailyUsage: [
    { day: '2026-11-27', calls: 1240, failures: 3 },
    { day: '2026-11-26', calls: 1102, failures: 0 },
    { day: '2026-11-25', calls: 980, failures: 12 },
  ],
};

export const serviceKo: ServiceSummary = {
  id: 'U2VydmljZTpjb29sbWFw',
  key: 'coolmap',
  name: '무더위쉼터 안내 (시범 운영)',
  description:
    '현재 위치에서 가까운 운영 중인 무더위쉼터를 운영 시간, 장애인 접근성, 수용 인원과 함께 알려 줍니다. 2026 폭염 대응 챌린지 수상작에서 출발했습니다.',
  category: '재난안전',
  status: 'PILOT',
  source: 'PLUGIN',
  operations: [{ name: 'nearestShelters', kind: 'query', description: '좌표 주변의 쉼터 목록' }],
  plugin: { name: '@hanbit/coolmap', version: '0.9.1', publisher: '주식회사 한빛연구소' },
};

export const plugin: PluginSummary = {
  name: '@maru/plugin-address',
  version: '1.2.0',
  publisher: 'Maru project',
  status: 'ENABLED',
  requestedCapabilities: ['kv', 'fetch', 'data:read'],
  grantedCapabilities: ['kv', 'fetch'],
  signedBy: 'maru-2026',
  isolation: 'ISOLATE',
  hosts: ['api.juso.go.kr'],
  loadedAt: '2026-11-27T09:00:00.000Z',
  problems: null,
  connectors: [
    {
      key: 'addresses',
      name: 'Address register',
      description: 'Reads the national address register as a data connection.',
    },
  ],
};

export const failedPlugin: PluginSummary = {
  name: '@acme/unsigned-thing',
  version: '0.0.1',
  publisher: 'ACME',
  status: 'FAILED',
  requestedCapabilities: ['events:emit', 'custom:unknown'],
  grantedCapabilities: [],
  signedBy: null,
  hosts: [],
  loadedAt: '2026-11-27T09:00:00.000Z',
  problems: [
    'The package is not signed and the development flag is off.',
    'Requires @maru/sdk ^2.0.0, the hub provides 1.4.0.',
  ],
};

/** A legacy plugin of API 1 the operator allowed with MARU_PLUGIN_LEGACY_WORKERS=1. */
export const unconfinedPlugin: PluginSummary = {
  name: '@hanbit/coolmap',
  version: '0.9.1',
  publisher: 'Hanbit Research',
  status: 'ENABLED',
  requestedCapabilities: ['fetch', 'data:read'],
  grantedCapabilities: ['fetch', 'data:read'],
  signedBy: 'hanbit-2026',
  isolation: 'UNCONFINED',
  hosts: ['apis.data.go.kr'],
  loadedAt: '2026-11-27T09:00:00.000Z',
  problems: null,
};

export const connection: DataConnectionSummary = {
  id: 'RGF0YUNvbm5lY3Rpb246Mg==',
  name: 'Heat-related emergency calls',
  description: 'Ambulance calls for heat illness, by district and day, since 2021.',
  classification: 'PERSONAL',
  status: 'ACTIVE',
  agency: { name: 'National Fire Agency' },
  licence: 'KOGL-Type4',
  tags: ['health', 'heat'],
  recordCount: 18342,
  keyField: 'callId',
  connectorKind: 'CSV',
  lastSuccessAt: '2026-11-27T03:00:00.000Z',
  fields: [
    { name: 'callId', type: 'STRING', description: 'Call number', personal: false },
    { name: 'district', type: 'STRING', description: 'District code', personal: false },
    { name: 'calledOn', type: 'DATE', description: 'Day of the call', personal: false },
    { name: 'age', type: 'INTEGER', description: 'Patient age', personal: true },
    { name: 'patientName', type: 'STRING', description: 'Patient name', personal: true },
    { name: 'hospitalised', type: 'BOOLEAN', description: 'Admitted to hospital', personal: false },
  ],
  preview: [
    {
      key: 'C-1',
      data: {
        callId: 'C-1',
        district: '11110',
        calledOn: '2026-08-01',
        age: 81,
        patientName: 'Kim Young-hee',
        hospitalised: true,
      },
      masked: [],
    },
    {
      key: 'C-2',
      data: {
        callId: 'C-2',
        district: '11140',
        calledOn: '2026-08-01',
        age: null,
        patientName: null,
        hospitalised: false,
      },
      masked: ['age', 'patientName'],
    },
  ],
};

export const publicConnection: DataConnectionSummary = {
  id: 'RGF0YUNvbm5lY3Rpb246MQ==',
  name: 'Cooling shelters',
  description: 'Every cooling shelter with opening hours, capacity and accessibility.',
  classification: 'PUBLIC',
  status: 'FAILING',
  agency: { name: 'Ministry of the Interior and Safety' },
  licence: 'KOGL-Type1',
  tags: ['heat', 'shelters'],
  recordCount: 52011,
  keyField: 'shelterId',
  lastError: 'HTTP 502 from the source; retrying in 10 minutes.',
  fields: [
    { name: 'shelterId', type: 'STRING', description: 'Shelter id', personal: false },
    { name: 'name', type: 'STRING', description: 'Name', personal: false },
    { name: 'capacity', type: 'INTEGER', description: 'People', personal: false },
  ],
  preview: null,
};

export const connectionKo: DataConnectionSummary = {
  ...connection,
  id: 'RGF0YUNvbm5lY3Rpb246NA==',
  name: '온열질환 구급 출동 기록 (2021년~현재, 시군구별 일 단위 집계 및 개인 단위 원자료)',
  description:
    '온열질환으로 인한 119 구급 출동을 시군구와 날짜별로 기록한 자료입니다. 환자 나이와 이름은 개인정보로, 정보주체가 동의한 경우에만 제공됩니다.',
  agency: { name: '소방청 119구급과' },
  tags: ['보건', '폭염', '구급'],
  fields: connection.fields.map((field) => ({
    ...field,
    description:
      {
        callId: '출동 번호',
        district: '시군구 코드',
        calledOn: '출동일',
        age: '환자 나이',
        patientName: '환자 이름',
        hospitalised: '입원 여부',
      }[field.name] ?? field.description,
  })),
  preview: [
    {
      key: 'C-3',
      data: {
        callId: 'C-3',
        district: '26110',
        calledOn: '2026-08-02',
        age: 77,
        patientName: '박정수',
        hospitalised: true,
      },
      masked: [],
    },
  ],
};

export const consents: Consent[] = [
  {
    id: 'RGF0YUNvbnNlbnQ6MQ==',
    subjectId: 'P-1042',
    fields: ['age'],
    purpose: 'Heat-illness research 2026',
    status: 'ACTIVE',
    validFrom: '2026-06-01T00:00:00.000Z',
    validUntil: '2099-12-31T00:00:00.000Z',
    requesterOrganization: { name: 'Hanbit Labs' },
    dataConnection: { name: 'Heat-related emergency calls' },
  },
  {
    id: 'RGF0YUNvbnNlbnQ6Mg==',
    subjectId: 'P-1042',
    fields: ['age', 'patientName'],
    purpose: 'Shelter outreach',
    status: 'REVOKED',
    validFrom: '2026-06-01T00:00:00.000Z',
    validUntil: '2099-12-31T00:00:00.000Z',
    revokedAt: '2026-09-14T02:00:00.000Z',
    revokedBy: 'SUBJECT',
    requesterPlugin: '@hanbit/coolmap',
    dataConnection: { name: 'Heat-related emergency calls' },
  },
  {
    id: 'RGF0YUNvbnNlbnQ6Mw==',
    subjectId: 'P-1042',
    fields: ['age'],
    purpose: 'Summer 2025 study',
    status: 'ACTIVE',
    validFrom: '2025-06-01T00:00:00.000Z',
    validUntil: '2025-09-30T00:00:00.000Z',
    requesterOrganization: { name: 'Seoul Civic Tech Co.' },
    dataConnection: { name: 'Heat-related emergency calls' },
  },
];

export const consentsKo: Consent[] = [
  {
    id: 'RGF0YUNvbnNlbnQ6NA==',
    subjectId: 'P-2077',
    fields: ['age', 'patientName'],
    purpose: '2026년 폭염 취약계층 방문 돌봄 대상자 선정 및 무더위쉼터 이동 지원',
    status: 'ACTIVE',
    validFrom: '2026-06-01T00:00:00.000Z',
    validUntil: '2099-12-31T00:00:00.000Z',
    requesterOrganization: { name: '부산광역시 해운대구 복지정책과' },
    dataConnection: { name: '온열질환 구급 출동 기록' },
  },
];

export const auditEvents: AuditEvent[] = [
  {
    id: 'QXVkaXRFdmVudDoz',
    seq: 3,
    at: '2026-11-27T09:05:00.000Z',
    action: 'challenge.award',
    outcome: 'SUCCESS',
    actorMemberId: 'TWVtYmVyOjE=',
    targetId: 'chl_01',
    organizationId: 'org_1',
  },
  {
    id: 'QXVkaXRFdmVudDoy',
    seq: 2,
    at: '2026-11-27T09:01:00.000Z',
    action: 'submission.score',
    outcome: 'FORBIDDEN',
    actorMemberId: 'TWVtYmVyOjI=',
    targetId: 'sub_07',
  },
  {
    id: 'QXVkaXRFdmVudDox',
    seq: 1,
    at: '2026-11-27T08:59:00.000Z',
    action: 'member.add',
    outcome: 'SUCCESS',
    actorMemberId: null,
    targetId: null,
  },
];

export const accessLog: AccessLogEntry[] = [
  {
    seq: 12,
    at: '2026-11-27T09:10:00.000Z',
    actorKind: 'MEMBER',
    actorMemberId: 'TWVtYmVyOjM=',
    actorOrganization: { name: 'Hanbit Labs' },
    basis: 'APPROVAL',
    channel: 'records',
    fields: ['district', 'age'],
    outcome: 'SUCCESS',
    purpose: 'Heat-illness research 2026',
    recordCount: 20,
    subjectIds: ['P-1042', 'P-1043'],
    dataConnection: { name: 'Heat-related emergency calls' },
  },
  {
    seq: 11,
    at: '2026-11-27T09:02:00.000Z',
    actorKind: 'PLUGIN',
    actorPlugin: '@hanbit/coolmap',
    basis: 'APPROVAL',
    channel: 'plugin',
    fields: ['district'],
    outcome: 'SUCCESS',
    recordCount: 100,
    subjectIds: [],
    dataConnection: { name: 'Heat-related emergency calls' },
  },
  {
    seq: 10,
    at: '2026-11-27T08:40:00.000Z',
    actorKind: 'ANONYMOUS',
    basis: null,
    channel: 'preview',
    fields: [],
    outcome: 'FORBIDDEN',
    recordCount: 0,
    subjectIds: [],
    dataConnection: null,
  },
];
