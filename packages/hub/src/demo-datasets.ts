import type { Classification, DataField } from '@maru/core';

export interface DemoDataset {
  /** Stable handle the other demo seeders link by. */
  slug: string;
  /** The bundled CSV file in `demo-data/`. */
  file: string;
  agency: string;
  name: string;
  description: string;
  tags: string[];
  licence: string;
  classification: Classification;
  fields: Array<Pick<DataField, 'name' | 'type'> & Partial<Pick<DataField, 'description' | 'personal'>>>;
  keyField: string;
  subjectField?: string;
  refreshMinutes?: number;
  /** Keys of bundled plugin services that use the data, named when the plugin is loaded. */
  serviceKeys?: string[];
}

/** The purposes the demo company was approved for; the data subjects consented to the housing one. */
export const HOUSING_PURPOSE = '청년 주거 지원 자격 확인 — Youth housing eligibility checks';
export const SUBSIDY_PURPOSE = '소상공인 정책자금 매칭 — Matching small businesses with the funds they qualify for';

const KOGL = 'KOGL-Type1';
const APPROVED_USE = 'Approved use only (승인된 목적 외 이용 금지)';

/**
 * Five datasets in the shapes of Korean public data (fictional values), one
 * per use: three PUBLIC, one RESTRICTED and one PERSONAL. The CSV files were
 * generated once by a small deterministic script and are committed as data.
 */
export const DEMO_DATASETS: DemoDataset[] = [
  {
    slug: 'sports-facilities',
    file: 'sports-facilities.csv',
    agency: 'mois-public-data',
    name: '서울시 공공체육시설 현황 — Public sports facilities in Seoul',
    description:
      'Gyms, pools, pitches and courts run by the 25 districts of Seoul, with address, capacity, opening date and location. Large gyms double as typhoon and earthquake shelters.',
    tags: ['sports', 'facilities', 'seoul', '체육시설', 'shelter'],
    licence: KOGL,
    classification: 'PUBLIC',
    keyField: 'facility_id',
    fields: [
      { name: 'facility_id', type: 'STRING', description: 'SF-<district code>-<number>' },
      { name: 'name', type: 'STRING', description: '시설명 Facility name' },
      { name: 'district', type: 'STRING', description: '자치구 District' },
      { name: 'type', type: 'STRING', description: '시설 유형 Facility type' },
      { name: 'address', type: 'STRING', description: '도로명주소 Road-name address' },
      { name: 'capacity', type: 'INTEGER', description: '수용인원 People it holds' },
      { name: 'opened', type: 'DATE', description: '개장일 Opening date' },
      { name: 'lat', type: 'NUMBER', description: 'WGS84 latitude' },
      { name: 'lng', type: 'NUMBER', description: 'WGS84 longitude' },
    ],
    serviceKeys: ['address-lookup'],
  },
  {
    slug: 'bus-stops',
    file: 'bus-stops.csv',
    agency: 'mois-public-data',
    name: '서울시 버스정류소 위치 — Seoul bus stops',
    description:
      'Bus stops with their five-digit ARS number, location and the routes that serve them (comma-separated). Refreshed daily.',
    tags: ['mobility', 'transit', 'seoul', '교통'],
    licence: KOGL,
    classification: 'PUBLIC',
    keyField: 'stop_id',
    fields: [
      { name: 'stop_id', type: 'STRING', description: '정류소 ARS 번호 (five digits, leading zeros kept)' },
      { name: 'name', type: 'STRING', description: '정류소명 Stop name' },
      { name: 'district', type: 'STRING', description: '자치구 District' },
      { name: 'lat', type: 'NUMBER', description: 'WGS84 latitude' },
      { name: 'lng', type: 'NUMBER', description: 'WGS84 longitude' },
      { name: 'routes', type: 'STRING', description: '경유노선 Routes, comma-separated' },
    ],
    refreshMinutes: 1_440,
  },
  {
    slug: 'business-registrations',
    file: 'business-registrations.csv',
    agency: 'mois-public-data',
    name: '사업자 등록 현황 — Business registrations in Seoul',
    description:
      'Registered businesses by district and industry, with their business registration number (사업자등록번호), registration date and head count.',
    tags: ['business', 'seoul', '소상공인'],
    licence: KOGL,
    classification: 'PUBLIC',
    keyField: 'business_no',
    fields: [
      { name: 'business_no', type: 'STRING', description: '사업자등록번호 000-00-00000' },
      { name: 'name', type: 'STRING', description: '상호 Trade name' },
      { name: 'industry', type: 'STRING', description: '업종 Industry' },
      { name: 'district', type: 'STRING', description: '자치구 District' },
      { name: 'registered', type: 'DATE', description: '등록일 Registration date' },
      { name: 'employees', type: 'INTEGER', description: '종업원 수 Employees' },
    ],
  },
  {
    slug: 'small-business-subsidies',
    file: 'small-business-subsidies.csv',
    agency: 'mois-digital-government',
    name: '소상공인 지원금 지급 내역 — Small-business subsidy payments',
    description:
      'Payments of policy funds and support programmes to small businesses in 2024. RESTRICTED: readable with an approved access request.',
    tags: ['business', 'subsidies', '소상공인'],
    licence: APPROVED_USE,
    classification: 'RESTRICTED',
    keyField: 'payment_id',
    fields: [
      { name: 'payment_id', type: 'STRING' },
      { name: 'business_no', type: 'STRING', description: '사업자등록번호, as in the business registrations' },
      { name: 'program', type: 'STRING', description: '지원사업 Programme' },
      { name: 'amount', type: 'INTEGER', description: '지급액 (KRW)' },
      { name: 'paid_on', type: 'DATE', description: '지급일 Payment date' },
    ],
  },
  {
    slug: 'youth-housing-benefits',
    file: 'youth-housing-benefits.csv',
    agency: 'mois-digital-government',
    name: '청년월세 지원 수급자 — Youth rent support recipients',
    description:
      "Young people receiving monthly rent support (fictional people). PERSONAL: names and phone numbers are shown only under each person's consent.",
    tags: ['housing', 'youth', '청년', 'eligibility'],
    licence: APPROVED_USE,
    classification: 'PERSONAL',
    // The key is shown to every reader and orders the pages, so it is a payment number, never the person's id.
    keyField: 'payment_id',
    subjectField: 'subject_id',
    fields: [
      { name: 'payment_id', type: 'STRING', description: '지급 번호 Payment number' },
      { name: 'subject_id', type: 'STRING', personal: true, description: "The recipient's id at the agency" },
      { name: 'name', type: 'STRING', personal: true, description: '성명 Name' },
      { name: 'phone', type: 'STRING', personal: true, description: '휴대전화 Mobile number' },
      { name: 'district', type: 'STRING', description: '거주 자치구 District of residence' },
      { name: 'monthly_benefit', type: 'INTEGER', description: '월 지원액 (KRW)' },
    ],
  },
];
