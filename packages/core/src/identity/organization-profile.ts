/**
 * The optional profile of an organization that insights group by: its size band, region and industry. Each is a
 * short code list, so figures per band, region or industry are counts of a handful of values.
 */

/**
 * Size bands after Korea's SME categories (중소기업기본법, 소상공인기본법): MICRO is 소상공인 (small business owners),
 * SMALL is 소기업, MEDIUM is 중기업, LARGE is 중견·대기업 (above the SME ceiling).
 */
export const SIZE_BANDS = ['MICRO', 'SMALL', 'MEDIUM', 'LARGE'] as const;
export type SizeBand = (typeof SIZE_BANDS)[number];

/** The 17 first-level divisions (시·도), by name (the comment gives the Korean name). */
export const REGIONS = [
  'SEOUL', // 서울특별시
  'BUSAN', // 부산광역시
  'DAEGU', // 대구광역시
  'INCHEON', // 인천광역시
  'GWANGJU', // 광주광역시
  'DAEJEON', // 대전광역시
  'ULSAN', // 울산광역시
  'SEJONG', // 세종특별자치시
  'GYEONGGI', // 경기도
  'GANGWON', // 강원특별자치도
  'CHUNGBUK', // 충청북도
  'CHUNGNAM', // 충청남도
  'JEONBUK', // 전북특별자치도
  'JEONNAM', // 전라남도
  'GYEONGBUK', // 경상북도
  'GYEONGNAM', // 경상남도
  'JEJU', // 제주특별자치도
] as const;
export type Region = (typeof REGIONS)[number];

/** The 21 sections of the Korean Standard Industrial Classification (KSIC, 10th revision), A to U. */
export const INDUSTRIES = {
  A: 'Agriculture, forestry and fishing',
  B: 'Mining and quarrying',
  C: 'Manufacturing',
  D: 'Electricity, gas, steam and air conditioning supply',
  E: 'Water supply; sewage, waste management, materials recovery',
  F: 'Construction',
  G: 'Wholesale and retail trade',
  H: 'Transportation and storage',
  I: 'Accommodation and food service activities',
  J: 'Information and communication',
  K: 'Financial and insurance activities',
  L: 'Real estate activities',
  M: 'Professional, scientific and technical activities',
  N: 'Business facilities management and business support services; rental and leasing',
  O: 'Public administration and defence; compulsory social security',
  P: 'Education',
  Q: 'Human health and social work activities',
  R: 'Arts, sports and recreation related services',
  S: 'Membership organizations, repair and other personal services',
  T: 'Activities of households as employers',
  U: 'Activities of extraterritorial organizations and bodies',
} as const;
export type Industry = keyof typeof INDUSTRIES;
export const INDUSTRY_CODES = Object.keys(INDUSTRIES) as [Industry, ...Industry[]];

/** The profile fields of an organization; each is null until its admins set it. */
export interface OrganizationProfile {
  sizeBand: SizeBand | null;
  region: Region | null;
  industry: Industry | null;
}
